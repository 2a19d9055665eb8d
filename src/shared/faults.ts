/**
 * The fault and operation table (DESIGN.md §3), declared once: for every action its parameters
 * (schema and defaults), what it may target, how it ends, and its label and description. The
 * scenario schema, the simulator (sim/faults.ts, an exhaustive switch over FAULT_ACTIONS), grading
 * windows (grading/window.ts), the pack validator, the lab's fault menu and its timeline all read
 * it. Adding an action is one entry here plus its simulator handler; the compiler lists the rest.
 *
 * Labels and descriptions are English text kept only here (one field each, so each can become a
 * message key when the UI moves to i18next).
 */
import { z } from 'zod';
import type { NodeKind } from './graph';
import { englishPackText, packMessage, zodIssueMessage, type PackMessage } from './i18n/packTexts';
import { issueOf } from './i18n/issues';

/** Runs longer than an hour of simulated time are not useful in a lesson and would hold memory. */
export const SCENARIO_LIMITS = { durationMsMax: 3_600_000, faultsMax: 500 } as const;

const nodeRef = z.string().min(1).max(64);

/** Every parameter any action takes, declared once: its range and what it means. */
const PARAM = {
  durationMs: z.number().int().min(0).max(SCENARIO_LIMITS.durationMsMax).describe('How long it lasts (ms)'),
  factor: z.number().min(0.01).max(1000).describe('slow: multiplies service time; traffic-spike: multiplies the request rate'),
  latencyFactor: z.number().min(0.01).max(1000).describe("Multiplies the latency of the node's links"),
  rate: z.number().min(0).max(1).describe('Probability each message is lost'),
  groups: z.array(z.array(nodeRef).max(2000)).max(16).describe('The groups that can no longer reach each other (absent: the target alone against the rest)'),
  count: z.number().int().min(1).max(50).describe('How many clones to add'),
  batchSize: z.number().int().min(1).max(100).describe('Instances replaced at a time'),
  drain: z.boolean().describe('Stop sending new requests and let in-flight ones finish first'),
  checkpoint: z.boolean().describe('Carry in-memory state (sessions) across the restart'),
  version: z.string().max(40).describe('The version the instances get'),
  fraction: z.number().min(0).max(1).describe('Fraction of requests that go to the hot key'),
  key: z.number().int().min(0).describe('Which key is hot'),
  users: z.number().int().min(1).max(1_000_000).describe("How many of the client's users (its first ones) have their session revoked"),
} as const;
export type FaultParamName = keyof typeof PARAM;

/**
 * Every parameter, each optional: the shape a scenario file may write (unknown keys refused, so a
 * typo does not silently do nothing). Which of them an action takes is its own schema below.
 */
export const FaultParamsSchema = z.object(Object.fromEntries(Object.entries(PARAM).map(([k, s]) => [k, s.optional()])) as { [K in FaultParamName]: z.ZodOptional<(typeof PARAM)[K]> }).strict();
export type FaultParams = z.infer<typeof FaultParamsSchema>;

/** Faults and operations a scenario can schedule, in the order menus and schemas list them. */
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
  'revoke',
] as const;
export type FaultAction = (typeof FAULT_ACTIONS)[number];

/** What a fault's `target` may name. */
export interface FaultTargetSpec {
  /** Node kinds the action does something to ('any': every kind). */
  nodeKinds: readonly NodeKind[] | 'any';
  /** True when an edge id is a valid target too (link-loss). */
  isEdgeAllowed: boolean;
  /** True when the target is not read at all (heal ends every partition whoever it names). */
  isIgnored: boolean;
}

/** A later fault that ends this one in the simulator. */
export interface FaultEnder {
  action: FaultAction;
  /** True when it ends this fault only if it names the same target. */
  isSameTarget: boolean;
}

/** How a fault ends, as the simulator does it: grading windows (`during`, `after`) follow this. */
export interface FaultEndSpec {
  /** True when its `durationMs` (with the action's default, if any) ends it; without one it lasts. */
  isTimed: boolean;
  /** Later faults that end it earlier. No duration and no ender: it lasts until the end of the run. */
  endedBy: readonly FaultEnder[];
}

/** A ready-made entry of the lab's right-click menu for this action. */
export interface FaultMenuPreset {
  /** The menu item's text. */
  label: string;
  /** Parameters the injected fault gets. */
  params?: FaultParams;
}

export interface FaultSpec {
  /** Short name, e.g. in the timeline ("Crash api-2 at 4.0 s"). */
  label: string;
  /** One sentence for students and instructors: what the simulator does. */
  description: string;
  /** The action's parameters with their defaults; parsing applies them. */
  params: z.ZodType<Record<string, unknown>, FaultParams | undefined>;
  target: FaultTargetSpec;
  ends: FaultEndSpec;
  /** The lab's right-click entry on a matching node (or edge); absent: not offered there. */
  menu?: FaultMenuPreset;
}

const none = z.object({}).strict();
const anyNode: FaultTargetSpec = { nodeKinds: 'any', isEdgeAllowed: false, isIgnored: false };
const kinds = (...nodeKinds: NodeKind[]): FaultTargetSpec => ({ nodeKinds, isEdgeAllowed: false, isIgnored: false });
const permanent: FaultEndSpec = { isTimed: false, endedBy: [] };
const timed: FaultEndSpec = { isTimed: true, endedBy: [] };
const TIMED_MENU_MS = 10_000;

export const FAULTS = {
  crash: {
    label: 'Crash',
    description: 'Stops the process: its in-memory state is gone and its in-flight requests fail.',
    params: none,
    target: anyNode,
    ends: { isTimed: false, endedBy: [{ action: 'restart', isSameTarget: true }] },
    menu: { label: 'Crash' },
  },
  restart: {
    label: 'Restart',
    description: 'Starts a crashed process again, empty; it serves once its start-up time has passed.',
    params: none,
    target: anyNode,
    ends: permanent,
    menu: { label: 'Restart' },
  },
  slow: {
    label: 'Slow down',
    description: 'Multiplies the service time (factor) and/or link latency (latencyFactor) of a node; a restart does not cure it.',
    params: z
      .object({ factor: PARAM.factor.optional(), latencyFactor: PARAM.latencyFactor.optional(), durationMs: PARAM.durationMs.optional() })
      .strict()
      // Naming only latencyFactor slows the links, not the work.
      .transform((p) => ({ ...p, factor: p.factor ?? (p.latencyFactor === undefined ? 5 : 1), latencyFactor: p.latencyFactor ?? 1 })),
    target: anyNode,
    ends: timed,
    menu: { label: 'Slow down ×5 (10 s)', params: { factor: 5, durationMs: TIMED_MENU_MS } },
  },
  partition: {
    label: 'Partition',
    description: 'Cuts the network between groups of nodes (or the target and everyone else) until its duration ends or a heal.',
    params: z.object({ groups: PARAM.groups.optional(), durationMs: PARAM.durationMs.optional() }).strict(),
    target: anyNode,
    ends: { isTimed: true, endedBy: [{ action: 'heal', isSameTarget: false }] },
    menu: { label: 'Partition: isolate this node' },
  },
  heal: {
    label: 'Heal partitions',
    description: 'Ends every network partition, whichever node it names.',
    params: none,
    target: { nodeKinds: 'any', isEdgeAllowed: true, isIgnored: true },
    ends: permanent,
    menu: { label: 'Heal partitions' },
  },
  'link-loss': {
    label: 'Link loss',
    description: 'Loses a fraction of the messages on an edge (or on every link of a node).',
    params: z.object({ rate: PARAM.rate.default(0.1), durationMs: PARAM.durationMs.optional() }).strict(),
    target: { nodeKinds: 'any', isEdgeAllowed: true, isIgnored: false },
    ends: timed,
    menu: { label: 'Lose 50% of messages (10 s)', params: { rate: 0.5, durationMs: TIMED_MENU_MS } },
  },
  pause: {
    label: 'Pause',
    description: 'Freezes the process (a GC pause): it handles nothing until it resumes, then everything that arrived meanwhile. A crash ends it.',
    params: z.object({ durationMs: PARAM.durationMs.default(5000) }).strict(),
    target: anyNode,
    ends: { isTimed: true, endedBy: [{ action: 'crash', isSameTarget: true }] },
    menu: { label: 'Pause (5 s)', params: { durationMs: 5000 } },
  },
  'scale-out': {
    label: 'Scale out',
    description: 'Adds copies of an application instance; load balancers that route to it route to them too.',
    params: z.object({ count: PARAM.count.default(1) }).strict(),
    target: kinds('service'),
    ends: permanent,
    menu: { label: 'Scale out (+1 instance)', params: { count: 1 } },
  },
  'scale-in': {
    label: 'Scale in',
    description: 'Takes an instance out of its load balancers and stops it, after draining it unless drain is false.',
    params: z.object({ drain: PARAM.drain.default(true) }).strict(),
    target: kinds('service'),
    ends: permanent,
    menu: { label: 'Scale in (drain and stop)', params: { drain: true } },
  },
  'rolling-deploy': {
    label: 'Rolling deploy',
    description: "Replaces a load balancer's targets (or one instance) batch by batch with a new version.",
    params: z
      .object({ batchSize: PARAM.batchSize.default(1), drain: PARAM.drain.default(true), checkpoint: PARAM.checkpoint.default(false), version: PARAM.version.optional() })
      .strict(),
    target: kinds('load-balancer', 'service'),
    ends: permanent,
    menu: { label: 'Rolling deploy', params: { batchSize: 1, drain: true } },
  },
  'cache-flush': {
    label: 'Cache flush',
    description: 'Empties a cache: the next reads all miss and go to the database.',
    params: none,
    target: kinds('cache'),
    ends: permanent,
    menu: { label: 'Flush the cache' },
  },
  'traffic-spike': {
    label: 'Traffic spike',
    description: 'Multiplies the request rate of a client.',
    params: z.object({ factor: PARAM.factor.default(3), durationMs: PARAM.durationMs.optional() }).strict(),
    target: kinds('client'),
    ends: timed,
    menu: { label: 'Traffic spike ×3 (10 s)', params: { factor: 3, durationMs: TIMED_MENU_MS } },
  },
  'hot-key': {
    label: 'Hot key',
    description: "Sends a fraction of a client's requests to one key.",
    params: z.object({ key: PARAM.key.default(0), fraction: PARAM.fraction.default(0.5), durationMs: PARAM.durationMs.optional() }).strict(),
    target: kinds('client'),
    ends: timed,
    menu: { label: 'Hot key: half the requests (10 s)', params: { fraction: 0.5, key: 0, durationMs: TIMED_MENU_MS } },
  },
  promote: {
    label: 'Promote',
    description: 'Makes a database follower the leader of its replication group.',
    params: none,
    target: kinds('database'),
    ends: permanent,
    menu: { label: 'Promote to leader' },
  },
  revoke: {
    label: 'Revoke sessions',
    description:
      "Logs users of a client out (an admin revokes their sessions): sessions in a service's memory or a session store are forgotten at once; a signed token is accepted until it expires.",
    params: z.object({ users: PARAM.users.default(1) }).strict(),
    target: kinds('client'),
    ends: permanent,
    menu: { label: 'Revoke 10 users’ sessions', params: { users: 10 } },
  },
} as const satisfies Record<FaultAction, FaultSpec>;

/** The parameters of `action` after defaults. */
export type FaultParamsOf<A extends FaultAction> = z.output<(typeof FAULTS)[A]['params']>;

/** A scheduled fault with its id and its action's parameters resolved (defaults applied). */
export type ResolvedFault = {
  [A in FaultAction]: { id: string; atMs: number; action: A; target: string; params: FaultParamsOf<A> };
}[FaultAction];

/** The spec of an action named by untrusted text (a run's fault list): undefined when unknown. */
export const faultSpec = (action: string): FaultSpec | undefined =>
  Object.prototype.hasOwnProperty.call(FAULTS, action) ? FAULTS[action as FaultAction] : undefined;

/** The parameter names `action` takes. */
export function faultParamNames(action: FaultAction): string[] {
  const schema: z.ZodType = FAULTS[action].params;
  const object = schema instanceof z.ZodPipe ? schema.in : schema;
  return object instanceof z.ZodObject ? Object.keys(object.shape) : [];
}

/** Checks `params` against `action`'s schema: the problems, each with its path inside params. */
export function faultParamsIssues(action: FaultAction, params: FaultParams | undefined): { path: PropertyKey[]; message: string; text: PackMessage }[] {
  const parsed = FAULTS[action].params.safeParse(params ?? {});
  if (parsed.success) return [];
  const takes = faultParamNames(action);
  const accepted = takes.length === 0 ? packMessage('own.takesNothing', { action }) : packMessage('own.takes', { action, params: takes.join(', ') });
  return parsed.error.issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((key) => {
        const text = packMessage('own.faultParam', { key, action, accepted });
        return { path: [key], message: englishPackText(text), text };
      });
    }
    const { message, zod } = issueOf(issue);
    return [{ path: issue.path, message: issue.message, text: zodIssueMessage(zod, message) }];
  });
}

/** Applies the action's defaults; the fault must have passed the scenario schema. */
export function resolveFault(fault: { id?: string | undefined; atMs: number; action: FaultAction; target: string; params?: FaultParams | undefined }, id: string): ResolvedFault {
  return { id, atMs: fault.atMs, action: fault.action, target: fault.target, params: FAULTS[fault.action].params.parse(fault.params ?? {}) } as ResolvedFault;
}

/** How long a resolved fault lasts by its duration (defaults applied); undefined when untimed or given none. */
export function faultDurationMs(fault: ResolvedFault): number | undefined {
  if (!FAULTS[fault.action].ends.isTimed) return undefined;
  return 'durationMs' in fault.params ? fault.params.durationMs : undefined;
}

/**
 * Targets that name a role instead of a node id, resolved by the simulator when the fault fires:
 * a lesson whose student builds the whole design cannot know its node ids. A graph id starts with
 * a letter or digit, so '@' can never clash with one.
 */
export const TARGET_SELECTORS = {
  '@busiest-service': {
    kind: 'service',
    label: 'the busiest service instance',
    description: 'The application instance (up) that has received the most requests when the fault fires; ties go to the first in the design. None: the fault does nothing.',
  },
} as const satisfies Record<string, { kind: NodeKind; label: string; description: string }>;
export type TargetSelector = keyof typeof TARGET_SELECTORS;

/** True when a fault's target is a selector (TARGET_SELECTORS), not a node or edge id. */
export const isTargetSelector = (target: string): target is TargetSelector => Object.prototype.hasOwnProperty.call(TARGET_SELECTORS, target);

/** The graph a fault target is checked against. */
export interface FaultTargetGraph {
  nodes: readonly { id: string; kind: NodeKind }[];
  edges: readonly { id: string }[];
}

/** What is wrong with a fault's target on `graph`: a node (or group member) it lacks, or a kind the action does nothing to. */
export type FaultTargetIssue =
  | { kind: 'missing'; path: (string | number)[]; id: string; message: string }
  | { kind: 'wrong-kind'; path: (string | number)[]; id: string; message: string; kinds: readonly NodeKind[]; found: NodeKind; isSelector: boolean };

/** The one check of a fault's targets against a design, used by the pack validator and by grading. */
export function faultTargetIssues(fault: { action: FaultAction; target: string; params?: FaultParams | undefined }, graph: FaultTargetGraph): FaultTargetIssue[] {
  const spec: FaultSpec = FAULTS[fault.action];
  const issues: FaultTargetIssue[] = [];
  const node = graph.nodes.find((n) => n.id === fault.target);
  if (isTargetSelector(fault.target)) {
    // A selector is never missing (a design without such a node just does not get the fault).
    const kind = TARGET_SELECTORS[fault.target].kind;
    if (spec.target.nodeKinds !== 'any' && !spec.target.nodeKinds.includes(kind)) {
      issues.push({ kind: 'wrong-kind', path: ['target'], id: fault.target, message: `${fault.action} applies to ${spec.target.nodeKinds.join(' or ')} nodes; "${fault.target}" picks a ${kind}`, kinds: spec.target.nodeKinds, found: kind, isSelector: true });
    }
  } else if (!spec.target.isIgnored) {
    const isEdge = spec.target.isEdgeAllowed && graph.edges.some((e) => e.id === fault.target);
    const what = spec.target.isEdgeAllowed ? 'node or edge' : 'node';
    if (node === undefined && !isEdge) issues.push({ kind: 'missing', path: ['target'], id: fault.target, message: `unknown ${what} "${fault.target}"` });
    else if (node !== undefined && spec.target.nodeKinds !== 'any' && !spec.target.nodeKinds.includes(node.kind)) {
      issues.push({ kind: 'wrong-kind', path: ['target'], id: fault.target, message: `${fault.action} applies to ${spec.target.nodeKinds.join(' or ')} nodes; "${fault.target}" is a ${node.kind}`, kinds: spec.target.nodeKinds, found: node.kind, isSelector: false });
    }
  }
  fault.params?.groups?.forEach((group, g) =>
    group.forEach((id, j) => {
      if (!graph.nodes.some((n) => n.id === id)) issues.push({ kind: 'missing', path: ['params', 'groups', g, j], id, message: `unknown node "${id}"` });
    }),
  );
  return issues;
}
