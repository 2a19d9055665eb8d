/**
 * What each built-in lesson is about, as the grading test checks it: the quiz answers a student
 * who did the lesson would give, and exactly which checks the starter design must fail. The
 * reference solution must pass every check. Both hold on every seed in SEEDS, so no lesson
 * passes or fails by luck.
 */
import { readFileSync } from 'node:fs';
import type { Graph } from '../../../src/shared/graph';

const PACK_DIR_FOR_GRAPHS = 'lessons/stateless-vs-stateful';

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

/** What a student building lesson 13's design from its empty canvas may choose. */
interface BuiltTier {
  /** Service instances behind the balancer (0: the users call one instance directly). */
  instances: number;
  service?: Record<string, unknown>;
  balancer?: Record<string, unknown>;
  hasSessionStore?: boolean;
  hasDatabase?: boolean;
}

/**
 * Lesson 13: the starter (the users alone) with a tier built as a student drops it from the palette:
 * a balancer (when more than one instance), instances, an optional session store and a database.
 */
export const builtTier = (starter: Graph, tier: BuiltTier): Graph => {
  const ids = Array.from({ length: Math.max(1, tier.instances) }, (_, i) => `service-${i + 1}`);
  const at = (x: number, y: number) => ({ x, y });
  const nodes: Graph['nodes'] = [...starter.nodes];
  const edges: Graph['edges'] = [];
  const link = (source: string, target: string) => edges.push({ id: `${source}-${target}`, source, target, kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
  if (tier.instances > 1) {
    nodes.push({ id: 'load-balancer-1', kind: 'load-balancer', label: 'Load balancer', position: at(220, 200), props: { ...tier.balancer } });
    link('users', 'load-balancer-1');
  } else link('users', ids[0]!);
  ids.forEach((id, i) => {
    nodes.push({ id, kind: 'service', label: `Service ${i + 1}`, position: at(460, 80 + 120 * i), props: { ...tier.service } });
    if (tier.instances > 1) link('load-balancer-1', id);
    if (tier.hasSessionStore) link(id, 'session-store-1');
    if (tier.hasDatabase ?? true) link(id, 'database-1');
  });
  if (tier.hasSessionStore) nodes.push({ id: 'session-store-1', kind: 'session-store', label: 'Session store', position: at(720, 80), props: {} });
  if (tier.hasDatabase ?? true) nodes.push({ id: 'database-1', kind: 'database', label: 'Database', position: at(720, 240), props: {} });
  return { ...starter, nodes, edges };
};

/** Health checks that notice a crash in well under a second, yet outlast the lesson's GC pauses. */
const FAST_CHECKS = { healthCheck: { intervalMs: 200, unhealthyAfter: 2, timeoutMs: 200 } };

/** The graph with a ring of replication connections between `ids` (each to the next). */
export const withReplicaRing = (graph: Graph, ids: string[]): Graph => ({
  ...graph,
  edges: [
    ...graph.edges,
    ...ids.map((id, i) => ({ id: `${id}-replica`, source: id, target: ids[(i + 1) % ids.length]!, kind: 'replication' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } })),
  ],
});

/** Lesson 14's answer on its starter: controlled shutdown, replicas, a gateway that notices quickly. */
const stateful = (starter: Graph): Graph =>
  withProps(
    withReplicaRing(['room-1', 'room-2', 'room-3'].reduce((out, id) => withProps(out, id, { controlledShutdown: true, recoverFrom: 'replica' }), starter), ['room-1', 'room-2', 'room-3']),
    'gateway',
    { healthCheck: { intervalMs: 100, unhealthyAfter: 2 }, ownerRefreshMs: 50 },
  );

/** Lesson 16: the three API instances with `props` merged. */
const apiTier = (graph: Graph, props: Record<string, unknown>): Graph => ['api-1', 'api-2', 'api-3'].reduce((out, id) => withProps(out, id, props), graph);
/** The graph without its connections into `target`. */
const withoutEdgesTo = (graph: Graph, target: string): Graph => ({ ...graph, edges: graph.edges.filter((e) => e.target !== target) });

/** Lesson 17's reference, read once (its half-way designs are edits of it, not of the empty starter). */
const CHOOSING_REFERENCE = JSON.parse(readFileSync(`${PACK_DIR_FOR_GRAPHS}/graphs/17-choosing.reference.json`, 'utf8')) as Graph;
/** Lesson 17 with the leaderboard's instances stateless behind round-robin. */
const statelessBoard = (graph: Graph): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (n.id.startsWith('board-') ? { ...n, props: {} } : n.id === 'lb-board' ? { ...n, props: { ...n.props, policy: 'round-robin' } } : n)),
});

export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;
/** Half-way designs are checked on fewer seeds: they only show the checks tell designs apart. */
export const VARIANT_SEEDS = [1, 2, 3] as const;

export const PACK_DIR = 'lessons/stateless-vs-stateful';

export const EXPECTATIONS: Record<string, LessonExpectation> = {
  'any-instance': { answers: { 'why-any': 'external' }, starterFails: ['recovered-quickly', 'small-blast'] },
  'remote-state': { answers: { 'remote-calls': '3' }, starterFails: ['p99-target', 'few-errors', 'db-not-saturated'] },
  'build-it-yourself': {
    answers: { 'why-busiest': 'any' },
    // The empty canvas: nothing is served and no write is kept. Its users fail at once (no latency,
    // no cost), and each is counted as affected in the window where it first failed, before the crash.
    starterFails: ['serves-load', 'writes-kept', 'survives-crash', 'few-users-hurt'],
    variants: [
      {
        name: 'a second valid design: signed tokens, four smaller instances, least-connections',
        edit: (g) => builtTier(g, { instances: 4, service: { sessions: 'signed-token', workers: 6 }, balancer: { policy: 'least-connections', ...FAST_CHECKS } }),
        fails: [],
      },
      {
        name: 'one instance and a database',
        edit: (g) => builtTier(g, { instances: 1 }),
        fails: ['serves-load', 'p99', 'writes-kept', 'survives-crash', 'few-users-hurt'],
      },
      {
        name: 'three instances, no database',
        edit: (g) => builtTier(g, { instances: 3, service: { sessions: 'signed-token' }, balancer: FAST_CHECKS, hasDatabase: false }),
        fails: ['writes-kept'],
      },
      {
        name: 'three instances with the default health checks',
        edit: (g) => builtTier(g, { instances: 3, service: { sessions: 'session-store' }, hasSessionStore: true }),
        fails: ['few-users-hurt'],
      },
      {
        name: 'sticky routing, sessions in instance memory',
        edit: (g) => builtTier(g, { instances: 3, service: { sessions: 'local-memory' }, balancer: { policy: 'sticky', ...FAST_CHECKS } }),
        fails: ['few-users-hurt'],
      },
      {
        name: 'two instances: enough until one crashes',
        edit: (g) => builtTier(g, { instances: 2, service: { sessions: 'signed-token' }, balancer: FAST_CHECKS }),
        // The one left is overloaded: requests time out (p99 at the 1 s timeout) and writes are lost with them.
        fails: ['p99', 'survives-crash', 'few-users-hurt'],
        mayFail: ['writes-kept'],
      },
      {
        // All knobs at their extreme: health checks every 10 ms that give up after one miss, and
        // eight big instances. The GC pauses are taken for crashes, and the capacity blows the budget.
        name: 'all knobs at their extreme',
        edit: (g) =>
          builtTier(g, { instances: 8, service: { sessions: 'signed-token', workers: 32 }, balancer: { healthCheck: { intervalMs: 10, unhealthyAfter: 1, timeoutMs: 10 } } }),
        fails: ['budget'],
      },
    ],
  },
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
  'sessions-choice': {
    answers: { 'why-not-store': 'outage', 'ttl-price': 'refresh' },
    starterFails: ['outage-harmless', 'nobody-logged-out', 'call-budget'],
    variants: [
      {
        name: 'a persistent session store',
        // The sessions survive the crash, but every request still needs the store while it is down.
        edit: (g) => withProps(g, 'sessions', { persistence: true }),
        fails: ['outage-harmless', 'call-budget'],
      },
      {
        name: 'signed tokens with the default 15-minute lifetime',
        edit: (g) => withoutEdgesTo(apiTier(g, { sessions: 'signed-token' }), 'sessions'),
        fails: ['revoked-out'],
      },
      {
        name: 'short-lived tokens refreshed through the session store',
        edit: (g) => apiTier(g, { sessions: 'signed-token', tokenTtlMs: 2000 }),
        fails: ['outage-harmless'],
      },
      {
        // All knobs at their extreme: a 1 ms token lifetime refreshes on every request.
        name: 'all knobs at their extreme',
        edit: (g) => withoutEdgesTo(apiTier(g, { sessions: 'signed-token', tokenTtlMs: 1 }), 'sessions'),
        fails: ['call-budget'],
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
  partition: {
    // The west users' errors include their refused writes: the minority side pays.
    answers: { 'who-pays': 'users-west' },
    starterFails: ['no-conflicting-writes', 'minority-refused'],
    variants: [
      {
        // Nobody takes over during the 8 s split: no conflict, but the east waits for own-1's rooms.
        name: 'a lease longer than the split instead of fencing',
        edit: (g) => withProps(g, 'coord', { leaseTtlMs: 10_000 }),
        fails: ['minority-refused', 'majority-serves'],
      },
      {
        // All knobs at their extreme: 10 ms leases and health checks, owner maps refreshed every
        // millisecond. Every GC pause of the lesson's noise moves partitions.
        name: 'all knobs at their extreme',
        edit: (g) =>
          ['gw-west', 'gw-east'].reduce(
            (out, id) => withProps(out, id, { healthCheck: { intervalMs: 10, unhealthyAfter: 1 }, ownerRefreshMs: 1 }),
            withProps(g, 'coord', { fencing: true, leaseTtlMs: 10 }),
          ),
        fails: ['majority-serves'],
      },
    ],
  },
  rooms: {
    answers: { connections: 'reconnect' },
    starterFails: ['rooms-back-fast', 'errors-after'],
    variants: [
      {
        name: 'short lease, rooms still reloaded from the message store',
        edit: (g) => withProps(g, 'coord', { leaseTtlMs: 2000 }),
        fails: ['rooms-back-fast', 'errors-after'],
      },
    ],
  },
  'stateful-deploy': {
    answers: { 'why-drain-not-enough': 'ownership' },
    starterFails: ['deploy-errors', 'users-unaffected'],
    variants: [
      {
        // The rooms move before each stop, but every new owner reloads them from the message store.
        name: 'controlled shutdown, state reloaded from the database',
        edit: (g) => ['room-1', 'room-2', 'room-3'].reduce((out, id) => withProps(out, id, { controlledShutdown: true }), g),
        fails: ['deploy-errors', 'users-unaffected'],
      },
      {
        // The state is close by, but nobody may take the rooms while their owner restarts.
        name: 'replicas to recover from, no handover',
        edit: (g) => withReplicaRing(['room-1', 'room-2', 'room-3'].reduce((out, id) => withProps(out, id, { recoverFrom: 'replica' }), g), ['room-1', 'room-2', 'room-3']),
        fails: ['deploy-errors', 'users-unaffected'],
      },
      {
        // All knobs at their extreme: 10 ms leases, health checks and owner refreshes. The lesson's
        // GC pauses outlast the leases, so rooms move on every pause, deploy or not, and the paused
        // owner still believes in its rooms when it wakes.
        name: 'all knobs at their extreme',
        edit: (g) =>
          withProps(
            withProps(stateful(g), 'gateway', { healthCheck: { intervalMs: 10, unhealthyAfter: 1 }, ownerRefreshMs: 1 }),
            'coord',
            { leaseTtlMs: 10 },
          ),
        // Few requests fail (a moved room is back from its replica in 20 ms), but rooms have two owners for seconds.
        fails: ['one-owner'],
      },
    ],
  },
  observability: {
    // The hot key's partition belongs to own-1, and db-r2 sits behind the slower link (both decided
    // by the run, not fixed in the lesson).
    answers: { 'which-owner': 'own-1', 'which-replica': 'db-r2' },
    starterFails: ['p99-fixed', 'errors-fixed', 'lag-fixed'],
    variants: [
      { name: 'the hot owner given workers, the lag left alone', edit: (g) => withProps(g, 'own-1', { workers: 6 }), fails: ['lag-fixed'] },
      { name: 'the lag cut, the hot owner left alone', edit: (g) => withProps(g, 'db', { replicationLagMs: 50 }), fails: ['p99-fixed', 'errors-fixed'] },
      {
        name: 'synchronous replication to the far replica instead of a shorter lag',
        // Every write now waits 300 ms for the far replica while holding one of the hot owner's workers.
        edit: (g) => withProps(withProps(g, 'own-1', { workers: 6 }), 'db', { replication: 'sync' }),
        fails: ['p99-fixed', 'errors-fixed'],
      },
    ],
  },
  choosing: {
    answers: { 'which-stateful': 'board' },
    // The empty canvas: no workload is served. Its requests fail at once, so its p99 is low; it
    // loses no session and costs only the data stores.
    starterFails: ['shop-survives', 'board-available', 'search-rush'],
    variants: [
      {
        name: 'the leaderboard built stateless like the others, straight onto its slow store',
        edit: () => statelessBoard(CHOOSING_REFERENCE),
        fails: ['board-fast', 'board-available'],
      },
      {
        // All knobs at their extreme: every instance with 64 workers.
        name: 'all knobs at their extreme',
        edit: () => ({ ...CHOOSING_REFERENCE, nodes: CHOOSING_REFERENCE.nodes.map((n) => (n.kind === 'service' ? { ...n, props: { ...n.props, workers: 64 } } : n)) }),
        fails: ['budget'],
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
