/**
 * Arbitrary designs and scenarios for the fuzz tests, derived from the schemas: every node kind
 * (graph.ts), each kind's props drawn from its zod schema (nodeProps.ts), edge props from
 * EdgePropsSchema, any wiring between kinds (half the cases only what the editor's connection
 * rule allows, the rest whatever the schema takes, self-loops now and then), replication edges,
 * several clients, nodes without edges; fault actions from the fault table (faults.ts) with
 * their own params schemas, aimed at nodes and edges that exist, a selector, and ids that do not.
 */
import fc from 'fast-check';
import { checkConnection } from '../../src/shared/connections';
import { FAULT_ACTIONS, FAULTS, TARGET_SELECTORS } from '../../src/shared/faults';
import { EDGE_KINDS, EdgePropsSchema, NODE_KINDS, type NodeKind } from '../../src/shared/graph';
import { NODE_PROPS_SCHEMAS } from '../../src/shared/nodeProps';
import { NoiseSchema } from '../../src/shared/noise';
import { WorkloadSchema } from '../../src/shared/scenario';
import { DocumentError } from '../../src/shared/json';
import { arbFromZod } from './zodArb';

/** Valid ids of different shapes (the graph id pattern allows ".", ":", "-" and "_"). */
const ID_PREFIXES = ['n', 'api.', 'a:b-', '9_', 'X'] as const;

export interface RawDesign {
  /** The graph document as a file would hold it (props not yet defaulted). */
  graph: { format: 'statelab.graph'; version: 1; nodes: { id: string; kind: NodeKind; label: string; position: { x: number; y: number }; props: Record<string, unknown> }[]; edges: { id: string; source: string; target: string; kind: string; props?: unknown }[] };
}

const nodeArb = (kind: NodeKind, ids: readonly string[]) =>
  fc.oneof({ arbitrary: fc.constant({}), weight: 1 }, { arbitrary: arbFromZod(NODE_PROPS_SCHEMAS[kind], { recordKeys: ids }), weight: 4 });

/** A graph document the graph schema should take in most cases (a few self-loops it must refuse). */
export const graphArb = (opts: { maxNodes?: number; maxEdges?: number } = {}): fc.Arbitrary<RawDesign['graph']> =>
  fc
    .record({
      // Most designs start with a client: without one nothing sends a request.
      kinds: fc
        .tuple(fc.oneof({ arbitrary: fc.constant<NodeKind>('client'), weight: 4 }, { arbitrary: fc.constantFrom(...NODE_KINDS), weight: 1 }), fc.array(fc.constantFrom(...NODE_KINDS), { maxLength: (opts.maxNodes ?? 9) - 1 }))
        .map(([first, rest]) => [first, ...rest]),
      prefix: fc.constantFrom(...ID_PREFIXES),
      edges: fc.array(fc.record({ s: fc.nat(), t: fc.nat(), kind: fc.constantFrom(...EDGE_KINDS), props: fc.option(arbFromZod(EdgePropsSchema), { nil: undefined }) }), { maxLength: opts.maxEdges ?? 14 }),
      editorOnly: fc.boolean(),
      allowSelf: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
      oneCoordinator: fc.integer({ min: 0, max: 4 }).map((n) => n > 0),
      // Zero-latency links are delivered inline (sim/transport.ts): a path of its own, so some designs use only those.
      instant: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
    })
    .chain(({ kinds: drawn, prefix, edges, editorOnly, allowSelf, oneCoordinator, instant }) => {
      // The simulator refuses a second coordinator by name; most cases keep one so they get further.
      const kinds = oneCoordinator ? drawn.map((k, i) => (k === 'coordinator' && drawn.indexOf('coordinator') !== i ? 'service' : k)) : drawn;
      const ids = kinds.map((_, i) => `${prefix}${i}`);
      return fc.tuple(fc.constant({ kinds, ids, edges, editorOnly, allowSelf, instant }), fc.tuple(...kinds.map((k) => nodeArb(k, ids))));
    })
    .map(([{ kinds, ids, edges, editorOnly, allowSelf, instant }, props]) => {
      const nodes = kinds.map((kind, i) => ({ id: ids[i]!, kind, label: `${kind} ${i}`, position: { x: i * 10, y: 0 }, props: props[i] as Record<string, unknown> }));
      const out: RawDesign['graph']['edges'] = [];
      edges.forEach((e, j) => {
        const s = e.s % nodes.length;
        let t = e.t % nodes.length;
        if (s === t && !(allowSelf && j === 0)) t = (t + 1) % nodes.length;
        if (s === t && !(allowSelf && j === 0)) return; // a lone node
        const props = instant ? { ...(e.props as object | undefined), latencyMs: 0, jitterMs: 0 } : e.props;
        const edge = { id: `e${j}`, source: ids[s]!, target: ids[t]!, kind: e.kind, ...(props === undefined ? {} : { props }) };
        if (editorOnly && s !== t && !checkConnection({ nodes, edges: out as never }, edge.source, edge.target, e.kind).ok) return;
        out.push(edge);
      });
      return { format: 'statelab.graph' as const, version: 1 as const, nodes, edges: out };
    });

const PARAM_GROUPS_MAX = 3;

/** A scenario for `graph`: short, with faults from the fault table aimed at what exists and what does not. */
export const scenarioArb = (graph: RawDesign['graph'], opts: { maxDurationMs?: number; maxFaults?: number } = {}) => {
  const nodeIds = graph.nodes.map((n) => n.id);
  const targets = [...nodeIds, ...graph.edges.map((e) => e.id), ...Object.keys(TARGET_SELECTORS), 'ghost'];
  const groupsArb = fc.array(fc.array(fc.constantFrom(...nodeIds, 'ghost'), { maxLength: 4 }), { maxLength: PARAM_GROUPS_MAX });
  const faultArb = (durationMs: number) =>
    fc.constantFrom(...FAULT_ACTIONS).chain((action) =>
      fc.record(
        {
          atMs: fc.oneof(fc.integer({ min: 0, max: durationMs }), fc.constantFrom(0, durationMs, durationMs + 1)),
          action: fc.constant(action),
          target: fc.oneof({ arbitrary: fc.constantFrom(...nodeIds), weight: 6 }, { arbitrary: fc.constantFrom(...targets), weight: 1 }),
          params: fc.option(
            fc.tuple(arbFromZod(FAULTS[action].params), groupsArb).map(([p, groups]) => {
              const params = p as Record<string, unknown>;
              if ('groups' in params) params.groups = groups;
              if (typeof params.durationMs === 'number') params.durationMs = Math.min(params.durationMs, durationMs * 2);
              return params;
            }),
            { nil: undefined },
          ),
        },
        { requiredKeys: ['atMs', 'action', 'target'] },
      ),
    );
  return fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: opts.maxDurationMs ?? 8000 })).chain((durationMs) =>
    fc.record(
      {
        seed: fc.oneof(fc.constantFrom(0, 2 ** 32 - 1), fc.integer({ min: 0, max: 2 ** 32 - 1 })),
        durationMs: fc.constant(durationMs),
        faults: fc.array(faultArb(durationMs), { maxLength: opts.maxFaults ?? 8 }),
        workload: arbFromZod(WorkloadSchema),
        noise: arbFromZod(NoiseSchema, { maxArray: 3 }),
        isColdStart: fc.boolean(),
      },
      { requiredKeys: ['seed', 'durationMs', 'faults'] },
    ),
  );
};

/** Freezes a value all the way down, so code that writes into an input document throws. */
export function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/**
 * simulate's own refusal of its input (sim/build.ts, sim/index.ts): a DocumentError (the design is
 * at fault, not the app) whose every problem names its path.
 */
export function isSimInputError(e: unknown): e is DocumentError {
  return e instanceof DocumentError && (e.text.key === 'sim.cannotSimulate' || e.text.key === 'sim.scenarioInvalid') && e.issues.length > 0 && e.issues.every((i) => i.path !== '' && i.message !== '');
}
