import { z } from 'zod';
import { FAULT_ACTIONS, faultParamsIssues, FaultParamsSchema, SCENARIO_LIMITS } from './faults';
import { NoiseSchema } from './noise';
import { ownIssue } from './i18n/packTexts';

export { FAULT_ACTIONS, FaultParamsSchema, SCENARIO_LIMITS, type FaultAction, type FaultParams } from './faults';

const nodeRef = z.string().min(1).max(64);

export const FaultSchema = z
  .object({
    /** Name checks use in windows ("fault:crash+5000"); defaults to "<action>-<index>". */
    id: z.string().min(1).max(64).optional(),
    /** When it happens, from the start of the run. */
    atMs: z.number().int().min(0).max(SCENARIO_LIMITS.durationMsMax),
    /** What happens. */
    action: z.enum(FAULT_ACTIONS),
    /** Node (or, for link-loss, edge) id it happens to; what each action takes is FAULTS[action].target in faults.ts (a heal names any node). */
    target: nodeRef,
    /** Action-specific settings: each action takes only its own (FAULTS[action].params). */
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
    /** Background noise (GC-like pauses, latency tails, lost connection openings); none when absent (src/shared/noise.ts). */
    noise: NoiseSchema.optional(),
    /** Partition owners start cold: each loads its partitions' state before serving (default: warm at t = 0). */
    isColdStart: z.boolean().optional(),
  })
  .strict()
  .superRefine((s, ctx) => {
    const ids = new Set<string>();
    s.faults.forEach((f, i) => {
      if (f.id !== undefined) {
        if (ids.has(f.id)) ctx.addIssue({ code: 'custom', path: ['faults', i, 'id'], ...ownIssue('own.duplicateFault', { id: f.id }) });
        ids.add(f.id);
      }
      // Each action takes only its own parameters (FAULTS in faults.ts).
      for (const issue of faultParamsIssues(f.action, f.params)) ctx.addIssue({ code: 'custom', path: ['faults', i, 'params', ...issue.path], message: issue.message, params: { text: issue.text } });
    });
  });

export type Scenario = z.input<typeof ScenarioSchema>;
export type ParsedScenario = z.output<typeof ScenarioSchema>;

/** The id a fault is known by in windows and the event log. */
export const faultId = (fault: Fault, index: number): string => fault.id ?? `${fault.action}-${index}`;
