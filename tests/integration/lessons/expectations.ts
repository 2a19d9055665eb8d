/**
 * What each built-in lesson is about, as the grading test checks it: the quiz answers a student
 * who did the lesson would give, and exactly which checks the starter design must fail. The
 * reference solution must pass every check. Both hold on every seed in SEEDS, so no lesson
 * passes or fails by luck.
 */
import type { Graph } from '../../../src/shared/graph';

/** A half-way design a student is likely to try, and the checks it must still fail. */
export interface Variant {
  /** What the student tried. */
  name: string;
  /** Builds it from the starter. */
  edit: (starter: Graph) => Graph;
  /** Checks it fails on every seed; every other check it passes (but those in mayFail). */
  fails: string[];
  /** Checks its price may trip on some seeds and not others (near their bound); either is accepted. */
  mayFail?: string[];
}

export interface LessonExpectation {
  /** Quiz answers (check id → choice id) given to both the starter and the reference. */
  answers: Record<string, string>;
  /** Checks the starter fails on every seed; every other check it passes. */
  starterFails: string[];
  /** Half-way designs, so the checks are shown to tell them apart from the answer. */
  variants?: Variant[];
}

/** The graph with one node's props merged with `props`. */
export const withProps = (graph: Graph, id: string, props: Record<string, unknown>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id === id ? { ...n, props: { ...n.props, ...props } } : n)),
});

/**
 * Lesson 12: the starter with the reference's changes, then `overrides` (node id → props) on top,
 * so a half-way design differs from the answer in exactly what it names.
 */
const capstoneFixed = (starter: Graph, overrides: Record<string, Record<string, unknown>>): Graph => {
  const fixes: Record<string, Record<string, unknown>> = {
    lb: { policy: 'round-robin', healthCheck: { intervalMs: 100, unhealthyAfter: 2 } },
    'api-1': { sessions: 'signed-token' },
    'api-2': { sessions: 'signed-token' },
    'api-3': { sessions: 'signed-token' },
    router: { healthCheck: { intervalMs: 100, unhealthyAfter: 2 }, ownerRefreshMs: 200 },
    coord: { leaseTtlMs: 500, fencing: true },
    db: { replication: 'sync', failoverAfterMs: 300 },
    'db-replica': { replication: 'sync', failoverAfterMs: 300 },
  };
  return Object.entries(fixes).reduce((g, [id, props]) => withProps(g, id, { ...props, ...overrides[id] }), starter);
};

const ROOM_SERVERS = ['room-1', 'room-2', 'room-3'];
const roomServers = (props: Record<string, unknown>): Record<string, Record<string, unknown>> => Object.fromEntries(ROOM_SERVERS.map((id) => [id, props]));

/**
 * Lesson 10: the starter with the reference's changes (partition-aware gateway, 2 s lease, recovery
 * from a replica), then `overrides`; `withReplicas` adds the ring of replication edges the reference has.
 */
const roomsFixed = (starter: Graph, overrides: Record<string, Record<string, unknown>>, withReplicas: boolean): Graph => {
  const fixes: Record<string, Record<string, unknown>> = {
    gateway: { policy: 'partition-aware', healthCheck: { intervalMs: 500, unhealthyAfter: 2 }, ownerRefreshMs: 500 },
    coord: { leaseTtlMs: 2000 },
    ...roomServers({ recoverFrom: 'replica' }),
  };
  const ids = [...new Set([...Object.keys(fixes), ...Object.keys(overrides)])];
  const fixed = ids.reduce((g, id) => withProps(g, id, { ...fixes[id], ...overrides[id] }), starter);
  if (!withReplicas) return fixed;
  const ring = ROOM_SERVERS.map((from, i) => ({ id: `${from}-replica`, source: from, target: ROOM_SERVERS[(i + 1) % 3]!, kind: 'replication' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }));
  return { ...fixed, edges: [...fixed.edges, ...ring] };
};

export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** Half-way designs are checked on fewer seeds: they only show the checks tell designs apart. */
export const VARIANT_SEEDS = [1, 2, 3] as const;

export const PACK_DIR = 'lessons/stateless-vs-stateful';

export const EXPECTATIONS: Record<string, LessonExpectation> = {
  'any-instance': { answers: { 'why-any': 'external' }, starterFails: ['recovered-quickly', 'small-blast'] },
  'remote-state': { answers: { 'remote-calls': '3' }, starterFails: ['p99-target', 'few-errors', 'db-not-saturated'] },
  'session-state': {
    answers: { 'sticky-share': 'third' },
    starterFails: ['no-loss-while-healthy', 'no-loss-at-crash', 'errors-recover', 'state-outside'],
    variants: [
      { name: 'sticky routing, sessions still in memory', edit: (g) => withProps(g, 'lb', { policy: 'sticky' }), fails: ['no-loss-at-crash', 'state-outside'] },
      {
        // What is not wired does not work: every request with a session fails "not wired".
        name: 'sessions in a session store that is not on the canvas',
        edit: (g) => ['api-1', 'api-2', 'api-3'].reduce((out, id) => withProps(out, id, { sessions: 'session-store' }), g),
        fails: ['errors-recover', 'state-outside'],
      },
    ],
  },
  balancing: {
    answers: { 'hot-users': 'hot' },
    starterFails: ['p99-while-slow', 'errors-while-slow', 'slow-gets-less'],
    variants: [
      { name: 'sticky', edit: (g) => withProps(g, 'lb', { policy: 'sticky' }), fails: ['p99-while-slow', 'errors-while-slow', 'slow-gets-less'] },
      { name: 'random', edit: (g) => withProps(g, 'lb', { policy: 'random' }), fails: ['p99-while-slow', 'errors-while-slow', 'slow-gets-less'] },
    ],
  },
  'scaling-out': {
    answers: { 'why-stateless-scales': 'state' },
    starterFails: ['spike-errors', 'spike-p99', 'few-keys-moved'],
    variants: [
      {
        name: 'round-robin, sessions still in memory',
        edit: (g) => withProps(g, 'lb', { policy: 'round-robin' }),
        fails: ['spike-errors', 'few-keys-moved'],
      },
      {
        name: 'stateless API tier, modulo partition router',
        edit: (g) => ['api-1', 'api-2', 'api-3'].reduce((out, id) => withProps(out, id, { sessions: 'signed-token' }), withProps(g, 'lb', { policy: 'round-robin' })),
        fails: ['few-keys-moved'],
        // Moving state is not free: the ~75 % of keys modulo moves arrive cold during the spike and
        // are loaded from the database, which takes p99 to about its bound (over it on some seeds).
        mayFail: ['spike-p99'],
      },
    ],
  },
  failover: {
    answers: { 'sync-cost': 'latency' },
    starterFails: ['no-lost-writes', 'fast-recovery', 'errors-after-failover'],
    variants: [
      {
        name: 'synchronous replication, slow promotion',
        edit: (g) => withProps(withProps(g, 'db-primary', { replication: 'sync' }), 'db-replica', { replication: 'sync' }),
        fails: ['fast-recovery', 'errors-after-failover'],
      },
      {
        name: 'fast promotion, asynchronous replication',
        edit: (g) => withProps(withProps(g, 'db-primary', { failoverAfterMs: 1500 }), 'db-replica', { failoverAfterMs: 1500 }),
        fails: ['no-lost-writes'],
      },
    ],
  },
  deploying: {
    answers: { 'why-drain-not-enough': 'memory' },
    starterFails: ['zero-failed', 'no-lost-sessions', 'p99-during-deploy'],
    variants: [
      {
        name: 'signed tokens and round-robin, but only two instances',
        edit: (g) => ['api-1', 'api-2'].reduce((out, id) => withProps(out, id, { sessions: 'signed-token' }), withProps(g, 'lb', { policy: 'round-robin' })),
        fails: ['zero-failed', 'p99-during-deploy'],
      },
    ],
  },
  locality: {
    answers: {},
    starterFails: ['p99-normal', 'p99-slow-db', 'fewer-remote-calls', 'owner-routing'],
    variants: [
      {
        // Owners own: behind round-robin two requests in three reach an instance that does not own
        // the key and forward it to the owner, so the extra hops show in the remote calls too.
        name: 'stateful instances behind round-robin, no coordinator',
        edit: (g) => ['api-1', 'api-2', 'api-3'].reduce((out, id) => withProps(out, id, { state: 'stateful', ownsPartitions: true }), g),
        fails: ['owner-routing', 'fewer-remote-calls'],
      },
    ],
  },
  'split-brain': {
    answers: { 'what-fencing-does': 'reject' },
    starterFails: ['no-conflicting-writes'],
    variants: [
      {
        name: 'a lease longer than the pause instead of fencing',
        edit: (g) => withProps(g, 'coord', { leaseTtlMs: 10_000 }),
        fails: ['short-outage'],
      },
    ],
  },
  rooms: {
    answers: { connections: 'reconnect' },
    starterFails: ['owner-routing', 'rooms-back-fast', 'errors-after'],
    variants: [
      {
        name: 'partition-aware gateway, the owners left as they were',
        edit: (g) => roomsFixed(g, { coord: { leaseTtlMs: 6000 }, ...roomServers({ recoverFrom: 'database' }) }, false),
        fails: ['rooms-back-fast', 'errors-after'],
      },
      {
        name: 'short lease, rooms still reloaded from the message store',
        edit: (g) => roomsFixed(g, roomServers({ recoverFrom: 'database' }), false),
        fails: ['rooms-back-fast', 'errors-after'],
      },
      {
        // What is not wired does not work: nothing to recover the rooms from.
        name: 'recover from a replica that is not on the canvas',
        edit: (g) => roomsFixed(g, {}, false),
        fails: ['rooms-back-fast', 'errors-after'],
      },
      {
        name: 'fast recovery behind a gateway that ignores rooms',
        edit: (g) => roomsFixed(g, { gateway: { policy: 'round-robin' } }, true),
        fails: ['owner-routing'],
        // Forwarded messages hold a worker on both servers; after the crash that can still tip them over.
        mayFail: ['errors-after'],
      },
      {
        // All knobs at their extreme: a lease shorter than the owners' GC pauses hands rooms over that were never lost.
        name: 'a 100 ms lease',
        edit: (g) => roomsFixed(g, { coord: { leaseTtlMs: 100 } }, true),
        // Its renewals and the forwarding after each false handover show in the calls per message too.
        fails: ['owner-routing', 'no-false-handover'],
      },
    ],
  },
  observability: {
    // The hot key's partition belongs to own-1, and db-r2 sits behind the long link (both decided
    // by the run, not fixed in the lesson).
    answers: { 'which-owner': 'own-1', 'which-replica': 'db-r2', 'why-lag': 'far' },
    starterFails: ['p99-fixed', 'errors-fixed'],
    variants: [
      // More than one fix works: more workers for the hot owner, or its reads spread over its replicas.
      { name: 'the hot owner given workers', edit: (g) => withProps(g, 'own-1', { workers: 6 }), fails: [] },
      {
        // One key stays in one partition: a fourth owner takes other partitions, not the hot one.
        name: 'a fourth owner',
        edit: (g) => ({
          ...g,
          nodes: [...g.nodes, { ...g.nodes.find((n) => n.id === 'own-3')!, id: 'own-4', label: 'Owner 4', position: { x: 420, y: 440 } }],
          edges: [
            ...g.edges,
            ...[['lb', 'own-4'], ['own-4', 'coord'], ['own-4', 'db']].map(([source, target]) => ({ id: `${source}-${target}`, source: source!, target: target!, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } })),
          ],
        }),
        fails: ['p99-fixed', 'errors-fixed'],
        // With four members the coordinator deals the partitions anew: the hot one may have another owner than the answer given.
        mayFail: ['which-owner'],
      },
      {
        name: 'every owner given 6 workers',
        edit: (g) => ['own-1', 'own-2', 'own-3'].reduce((out, id) => withProps(out, id, { workers: 6 }), g),
        fails: ['within-budget'],
      },
      {
        // All knobs at their extreme: capacity everywhere fixes the hot key at a price.
        name: 'every owner given 1024 workers',
        edit: (g) => ['own-1', 'own-2', 'own-3'].reduce((out, id) => withProps(out, id, { workers: 1024 }), g),
        fails: ['within-budget'],
      },
    ],
  },
  connections: {
    answers: { 'what-dropped': 'third' },
    starterFails: ['storm-errors', 'few-connect-errors'],
    variants: [
      {
        // All knobs at their extreme: no wait at all is the storm again.
        name: 'backoff with jitter, but a first wait of 0 ms',
        edit: (g) => withProps(g, 'users', { reconnect: 'backoff-jitter', reconnectBaseMs: 0 }),
        fails: ['storm-errors', 'few-connect-errors'],
      },
      {
        // Every client on the same schedule: the dropped users come back together, wave after wave.
        name: 'exponential backoff without jitter',
        edit: (g) => withProps(g, 'users', { reconnect: 'backoff', reconnectBaseMs: 2000, reconnectMaxMs: 30_000 }),
        fails: ['few-connect-errors', 'back-soon'],
      },
      {
        name: 'jitter spread over too short a time for the servers left',
        edit: (g) => withProps(g, 'users', { reconnect: 'backoff-jitter', reconnectBaseMs: 1000, reconnectMaxMs: 30_000 }),
        fails: ['storm-errors', 'few-connect-errors'],
      },
      {
        // The other extreme: the servers are safe, the users are not.
        name: 'a very long backoff',
        edit: (g) => withProps(g, 'users', { reconnect: 'backoff-jitter', reconnectBaseMs: 60_000, reconnectMaxMs: 600_000 }),
        fails: ['back-soon'],
      },
    ],
  },
  capstone: {
    answers: {},
    starterFails: ['slo-errors', 'slo-p99', 'slo-sessions', 'slo-writes', 'slo-conflicts'],
    variants: [
      { name: 'every fix but fencing', edit: (g) => capstoneFixed(g, { coord: { fencing: false } }), fails: ['slo-conflicts'] },
      { name: 'every fix but synchronous replication', edit: (g) => capstoneFixed(g, { db: { replication: 'async' }, 'db-replica': { replication: 'async' } }), fails: ['slo-writes'] },
      { name: 'a lease longer than the pause instead of fencing', edit: (g) => capstoneFixed(g, { coord: { fencing: false, leaseTtlMs: 3000 } }), fails: ['slo-errors'] },
      {
        name: 'the API tier fixed (tokens, round-robin, fast health checks), the stateful tier untouched',
        edit: (g) => ['api-1', 'api-2', 'api-3'].reduce((out, id) => withProps(out, id, { sessions: 'signed-token' }), withProps(g, 'lb', { policy: 'round-robin', healthCheck: { intervalMs: 100, unhealthyAfter: 2 } })),
        fails: ['slo-errors', 'slo-p99', 'slo-writes', 'slo-conflicts'],
      },
    ],
  },
};
