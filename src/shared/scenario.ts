import { z } from 'zod';

/** Faults and operations a scenario can schedule (DESIGN.md §3). */
export const FAULT_ACTIONS = [
  'crash',
  'restart',
  'slow',
  'partition',
  'heal',
  'link-loss',
  'pause',
  'scale-out',
  'scale-in',
  'rolling-deploy',
  'cache-flush',
  'traffic-spike',
  'hot-key',
  'promote',
] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** Runs longer than an hour of simulated time are not useful in a lesson and would hold memory. */
export const SCENARIO_LIMITS = { durationMsMax: 3_600_000, faultsMax: 500 } as const;

const nodeRef = z.string().min(1).max(64);

/**
 * Parameters per action. All optional with defaults the simulator applies; unknown keys are
 * refused so a typo does not silently do nothing.
 */
export const FaultParamsSchema = z
  .object({
    /** slow, link-loss, pause, traffic-spike, hot-key, partition: how long it lasts (absent: until the run ends or a heal). */
    durationMs: z.number().int().min(0).max(SCENARIO_LIMITS.durationMsMax).optional(),
    /** slow: multiplies service time; traffic-spike: multiplies the request rate. */
    factor: z.number().min(0.01).max(1000).optional(),
    /** slow: multiplies the latency of the node's links. */
    latencyFactor: z.number().min(0.01).max(1000).optional(),
    /** link-loss: probability each message is lost. */
    rate: z.number().min(0).max(1).optional(),
    /** partition: the groups that can no longer reach each other (absent: target alone vs the rest). */
    groups: z.array(z.array(nodeRef).max(2000)).max(16).optional(),
    /** scale-out: how many clones to add. */
    count: z.number().int().min(1).max(50).optional(),
    /** rolling-deploy: instances replaced at a time. */
    batchSize: z.number().int().min(1).max(100).optional(),
    /** rolling-deploy, scale-in: stop sending new requests and let in-flight ones finish first. */
    drain: z.boolean().optional(),
    /** rolling-deploy: carry in-memory state (sessions) across the restart. */
    checkpoint: z.boolean().optional(),
    /** rolling-deploy: the version the instances get. */
    version: z.string().max(40).optional(),
    /** hot-key: fraction of requests that go to the hot key. */
    fraction: z.number().min(0).max(1).optional(),
    /** hot-key: which key is hot. */
    key: z.number().int().min(0).optional(),
  })
  .strict();
export type FaultParams = z.infer<typeof FaultParamsSchema>;

export const FaultSchema = z
  .object({
    /** Name checks use in windows ("fault:crash+5000"); defaults to "<action>-<index>". */
    id: z.string().min(1).max(64).optional(),
    /** When it happens, from the start of the run. */
    atMs: z.number().int().min(0).max(SCENARIO_LIMITS.durationMsMax),
    /** What happens. */
    action: z.enum(FAULT_ACTIONS),
    /** Node (or, for link-loss, edge) id it happens to; partition/heal may name any node of the cut. */
    target: nodeRef,
    /** Action-specific settings. */
    params: FaultParamsSchema.optional(),
  })
  .strict();
export type Fault = z.infer<typeof FaultSchema>;

export const WorkloadSchema = z
  .object({
    /** Overrides every client's request rate. */
    rps: z.number().min(0).max(1_000_000).optional(),
    /** Overrides every client's user count. */
    users: z.number().int().min(1).max(1_000_000).optional(),
    /** Overrides every client's read ratio. */
    readRatio: z.number().min(0).max(1).optional(),
  })
  .strict();

export const ScenarioSchema = z
  .object({
    /** Root seed; every node's random stream is derived from it and the node id. */
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    /** Simulated length of the run. */
    durationMs: z.number().int().min(1).max(SCENARIO_LIMITS.durationMsMax),
    /** Workload overrides applied to every client. */
    workload: WorkloadSchema.optional(),
    /** The schedule of faults and operations. */
    faults: z.array(FaultSchema).max(SCENARIO_LIMITS.faultsMax).default([]),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.faults.forEach((f, i) => {
      if (f.id !== undefined) {
        if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['faults', i, 'id'], message: `duplicate fault id "${f.id}"` });
        ids.add(f.id);
      }
    });
  });

export type Scenario = z.input<typeof ScenarioSchema>;
export type ParsedScenario = z.output<typeof ScenarioSchema>;

/** The id a fault is known by in windows and the event log. */
export const faultId = (fault: Fault, index: number): string => fault.id ?? `${fault.action}-${index}`;
