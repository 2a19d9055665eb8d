/**
 * The metric catalogue (DESIGN.md §4), defined once: the simulator records the raw counters,
 * grading and charts read metrics through `readMetric` (src/shared/metrics/read.ts), and the
 * UI shows labels and units from here. A run stores per-bucket, per-node counters so any metric
 * can be evaluated over any window and for any node after the run.
 *
 * Not measured: a metric whose value is undefined over a window (a mean or ratio with nothing to
 * divide by, a percentile or maximum with no request, a recovery time with no recovery) reads NaN
 * from readMetric, never 0, so a bound cannot pass on nothing; `unmeasured` says what did not
 * happen. Grading treats NaN as "not measured" (the check fails, measured null). Counts never read
 * NaN: nothing counted is 0. A RunResult is plain JSON, which has no NaN: its summary leaves such a
 * metric out (RunSummary), and displays show "—" for it.
 */
import type { EventTextKey } from './i18n/eventTexts';
import type { UnmeasuredKey } from './i18n/gradeTexts';
import { FAILURE_COUNTERS, FAILURE_REASON_KEYS, FAILURE_REASONS, type FailureMetric } from './failureReasons';

/**
 * Raw per-node, per-bucket counters. At a client they describe the user's view (logical requests,
 * end-to-end latency); at any other node, the requests it received and the replies it sent.
 */
export const COUNTERS = [
  'requests', // client: logical requests issued; other nodes: requests received
  'ok', // requests that ended (client) or were answered (node) successfully
  'failed', // requests that ended or were answered with an error
  ...FAILURE_COUNTERS, // failed, one counter per reason (failureReasons.ts)
  'latencySumUs', // sum of latencies of ended requests, for the mean
  'latencyMaxUs', // largest latency in the bucket (max-aggregated)
  'forwardedTo', // requests a load balancer sent to this node
  'remoteCalls', // calls this node made to other nodes
  'cacheHits', // reads answered from the cache
  'cacheMisses', // reads the cache could not answer
  'sessionsLost', // sessions that disappeared while their user still held them
  'sessionsCreated', // logins that created a session
  'writesAcked', // writes a database acknowledged
  'lostWrites', // acknowledged writes absent after a failover
  'conflictingWrites', // writes accepted from an owner whose epoch was already superseded
  'fencedWrites', // writes a database rejected for a stale fencing token
  'splitBrainUs', // time during which some partition had two owners (coordinator only)
  'failovers', // database promotions and partition reassignments after a failure
  'recoverySumUs', // sum of recovery times (failure to service resumed)
  'recoveryCount', // number of recoveries in recoverySumUs
  'keysMovedMax', // largest keys-moved fraction of a rebalance in the bucket (max-aggregated)
  'rebalances', // rebalances (routing changes) that happened
  'rebalanceMaxUs', // longest rebalance ending in the bucket, from the coordinator moving partitions until the new owners serve them with state recovered and routers send to them (max-aggregated)
  'replLagSumUs', // sum of leader→follower apply delays
  'replLagCount', // number of replicated writes in replLagSumUs
  'queueWaitSumUs', // sum of time requests waited for a worker
  'queueWaitCount', // number of requests in queueWaitSumUs
  'up', // gauge at the bucket's end: 1 when the node is up and ready
  'ownedPartitions', // gauge: partitions this node believes it owns
  'sessionsHeld', // gauge: sessions in this node's memory or store
  'queueLength', // gauge: requests waiting for a worker
  'inFlight', // gauge: requests this node received and has not answered yet (queued ones included)
  'dbLeader', // gauge: 1 while this database leads its replication group, 0 as a follower (other kinds: 0)
  'ownedEpochMax', // gauge: highest coordinator epoch with which this node believes it owns a partition (0: owns none)
  'writesDegraded', // writes a sync or semi-sync leader acknowledged while a follower was out of sync (on fewer copies than configured)
  'replWaitSumUs', // sum of time sync and semi-sync writes waited for their followers' acknowledgements
  'replWaitCount', // number of writes in replWaitSumUs
  'acceptedAfterRevoke', // requests a service accepted with a session or token that had been revoked
  'tokenBytes', // bytes of signed tokens carried by the requests a service received
  'usersAffected', // users who lost a session or saw a failed request for the first time in the run
  'costUnits', // instance-seconds × the kind's unit price × its size (workers, ...), accrued per bucket
  'coldLoads', // requests whose key had moved to this owner and had to be loaded first (cold)
  'warmReads', // requests whose key this owner already held (warm)
  'warmupSumUs', // time spent loading moved keys' state on first use
  'partitionsLost', // partitions a new owner took over with nothing to recover from (recoverFrom none): their in-memory state is gone
  'falseSuspicions', // nodes a detector took out (health check, lease, database failover) that were up, reachable and not paused longer than its bound
  'flaps', // targets a load balancer took out and put back without them having restarted in between
  'failoversUnnecessary', // database promotions and lease handovers whose old leader or owner was still up (not crashed)
  'connectionsDropped', // long-lived connections this node held when it stopped (crash, deploy, scale-in)
  'connectFailed', // connection attempts of a client's users that failed (refused, overloaded, timed out, no route)
  'reconnects', // users of a client who got a connection back after theirs dropped
  'reconnectWaitSumUs', // sum over reconnects of the time from the drop to the new connection
  'connectionsOpen', // gauge: long-lived connections this node holds
  'staleReads', // cache hits (a balancer's cache) that served a value filled before the key's last acknowledged write
] as const;
export type CounterName = (typeof COUNTERS)[number];

/** Counters that take the bucket maximum rather than the sum. */
export const MAX_COUNTERS: ReadonlySet<CounterName> = new Set(['latencyMaxUs', 'keysMovedMax', 'rebalanceMaxUs']);

/** Raw per-request-edge, per-bucket counters (RunBuckets.edges). */
export const EDGE_COUNTERS = [
  'requests', // requests sent over the edge in the bucket (retries and lease renewals included)
  'failed', // requests over the edge whose failure (error answer, refusal or timeout) reached the sender in the bucket
] as const;
export type EdgeCounterName = (typeof EDGE_COUNTERS)[number];

/** How a metric is computed from counters over a window (and, without a node, over which nodes). */
export type Aggregation =
  | { kind: 'sum'; counter: CounterName; scale: number }
  | { kind: 'max'; counter: CounterName; scale: number }
  | { kind: 'last'; counter: CounterName }
  | { kind: 'ratio'; num: CounterName; den: readonly CounterName[]; scale: number; isDenFromClients?: boolean }
  | { kind: 'perSecond'; counter: CounterName }
  | { kind: 'percentile'; quantile: number; isServedOnly?: boolean }
  | { kind: 'imbalance' }
  | { kind: 'share' }
  | { kind: 'hottestPartition' };

export type MetricUnit = 'count' | 'fraction' | 'ms' | 'per-second' | 'ratio' | 'partitions';

export interface MetricDef {
  /** Shown in charts and grade reports. */
  label: string;
  /** Unit of the value readMetric returns. */
  unit: MetricUnit;
  /** One sentence for students. */
  description: string;
  /** How the value is computed from stored counters. */
  aggregate: Aggregation;
  /** Without a node: 'clients' reads client nodes only (the user's view), 'all' every node. */
  scope: 'clients' | 'all';
  /** Metrics that can read NaN: what did not happen in the window, for grade reports (a sentence of GRADE_TEXTS). */
  unmeasured?: UnmeasuredKey;
  /**
   * Its part in a lesson's budget (grade.ts, holdToBudget). 'price': what capacity costs; a scored
   * check of it is the lesson's budget. 'bought': what enough capacity buys (fewer errors, lower
   * latency, more throughput, probes answered in time); in a lesson with a budget, a check of it
   * earns its points only while the design keeps within the budget. 'none': neither (sessions or
   * writes lost, keys moved: what money cannot buy). Required, so a new metric says which it is.
   */
  budget: 'price' | 'bought' | 'none';
}

const sum = (counter: CounterName, scale = 1): Aggregation => ({ kind: 'sum', counter, scale });

/** failedDown, failedTimeout, ...: one count per failure reason, from its table. */
const FAILURE_METRICS = Object.fromEntries(
  FAILURE_REASON_KEYS.map((r) => {
    const reason = FAILURE_REASONS[r];
    return [reason.metric, { label: `Failed: ${reason.label}`, unit: 'count', description: reason.description, aggregate: sum(reason.counter), scope: 'clients', budget: 'bought' }];
  }),
) as { [M in FailureMetric]: MetricDef };
const ratio = (num: CounterName, den: readonly CounterName[], scale = 1, isDenFromClients = false): Aggregation => ({ kind: 'ratio', num, den, scale, isDenFromClients });

export const METRICS = {
  requests: { label: 'Requests', unit: 'count', description: 'Requests issued by users (or received by the node).', aggregate: sum('requests'), scope: 'clients', budget: 'none' },
  ok: { label: 'Succeeded', unit: 'count', description: 'Requests that ended successfully.', aggregate: sum('ok'), scope: 'clients', budget: 'bought' },
  failed: { label: 'Failed', unit: 'count', description: 'Requests that ended with an error.', aggregate: sum('failed'), scope: 'clients', budget: 'bought' },
  ...FAILURE_METRICS,
  errorRate: { label: 'Error rate', unit: 'fraction', description: 'Failed requests as a fraction of ended requests.', aggregate: ratio('failed', ['ok', 'failed']), scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  throughput: { label: 'Throughput', unit: 'per-second', description: 'Successful requests per second.', aggregate: { kind: 'perSecond', counter: 'ok' }, scope: 'clients', budget: 'bought' },
  latencyMean: { label: 'Latency mean', unit: 'ms', description: 'Mean end-to-end latency of ended requests.', aggregate: ratio('latencySumUs', ['ok', 'failed'], 1e-3), scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  latencyP50: { label: 'Latency p50', unit: 'ms', description: 'Median end-to-end latency.', aggregate: { kind: 'percentile', quantile: 0.5 }, scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  latencyP90: { label: 'Latency p90', unit: 'ms', description: '90th percentile end-to-end latency.', aggregate: { kind: 'percentile', quantile: 0.9 }, scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  latencyP99: { label: 'Latency p99', unit: 'ms', description: '99th percentile end-to-end latency of ended requests, failed ones included (a request that fails at once counts as fast; servedLatencyP99 leaves failures out).', aggregate: { kind: 'percentile', quantile: 0.99 }, scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  servedLatencyP99: {
    label: 'Served p99 latency',
    unit: 'ms',
    description: '99th percentile latency of the requests that succeeded; failed requests are left out, so a design that serves nothing has no value here.',
    aggregate: { kind: 'percentile', quantile: 0.99, isServedOnly: true },
    scope: 'clients',
    unmeasured: 'unmeasured.requestServed',
    budget: 'bought',
  },
  latencyMax: { label: 'Latency max', unit: 'ms', description: 'Largest end-to-end latency.', aggregate: { kind: 'max', counter: 'latencyMaxUs', scale: 1e-3 }, scope: 'clients', unmeasured: 'unmeasured.requestEnded', budget: 'bought' },
  remoteCallsPerRequest: { label: 'Remote calls per request', unit: 'ratio', description: 'Calls between nodes behind the client, per user request.', aggregate: ratio('remoteCalls', ['requests'], 1, true), scope: 'all', unmeasured: 'unmeasured.requestIssued', budget: 'none' },
  lbShare: { label: 'Load-balancer share', unit: 'fraction', description: "A target's share of the requests load balancers forwarded (read per node).", aggregate: { kind: 'share' }, scope: 'all', unmeasured: 'unmeasured.balancerForwarded', budget: 'none' },
  lbImbalance: { label: 'Load imbalance', unit: 'ratio', description: "A load balancer's most-loaded target over its mean target (1 is perfectly even); without a balancer node, the worst balancer's.", aggregate: { kind: 'imbalance' }, scope: 'all', unmeasured: 'unmeasured.balancerForwarded', budget: 'none' },
  cacheHitRatio: { label: 'Cache hit ratio', unit: 'fraction', description: 'Cache reads answered from the cache.', aggregate: ratio('cacheHits', ['cacheHits', 'cacheMisses']), scope: 'all', unmeasured: 'unmeasured.cacheRead', budget: 'none' },
  sessionsLost: {
    label: 'Session losses',
    unit: 'count',
    description: 'Times a session disappeared while its user still held it (events: one user can lose several sessions; usersAffected counts people).',
    aggregate: sum('sessionsLost'),
    scope: 'all',
    budget: 'none',
  },
  acknowledgedWrites: { label: 'Acknowledged writes', unit: 'count', description: 'Writes the database acknowledged.', aggregate: sum('writesAcked'), scope: 'all', budget: 'bought' },
  lostWrites: { label: 'Lost writes', unit: 'count', description: 'Acknowledged writes that were gone after a failover.', aggregate: sum('lostWrites'), scope: 'all', budget: 'none' },
  conflictingWrites: { label: 'Conflicting writes', unit: 'count', description: 'Writes accepted from a stale owner while another owner held the partition.', aggregate: sum('conflictingWrites'), scope: 'all', budget: 'none' },
  fencedWrites: { label: 'Fenced writes', unit: 'count', description: 'Stale-owner writes the database rejected thanks to fencing tokens.', aggregate: sum('fencedWrites'), scope: 'all', budget: 'none' },
  splitBrainMs: { label: 'Split-brain time', unit: 'ms', description: 'Time during which two nodes believed they owned the same partition.', aggregate: sum('splitBrainUs', 1e-3), scope: 'all', budget: 'none' },
  failovers: { label: 'Failovers', unit: 'count', description: 'Promotions and ownership moves after a failure.', aggregate: sum('failovers'), scope: 'all', budget: 'none' },
  recoveryTimeMs: { label: 'Recovery time', unit: 'ms', description: 'Mean time from a failure to service resumed.', aggregate: ratio('recoverySumUs', ['recoveryCount'], 1e-3), scope: 'all', unmeasured: 'unmeasured.recoveryFinished', budget: 'none' },
  keysMovedFraction: { label: 'Keys moved', unit: 'fraction', description: 'Largest fraction of keys that changed owner in one rebalance (0 when none happened).', aggregate: { kind: 'max', counter: 'keysMovedMax', scale: 1 }, scope: 'all', budget: 'none' },
  rebalances: { label: 'Rebalances', unit: 'count', description: 'Times the routing of keys changed.', aggregate: sum('rebalances'), scope: 'all', budget: 'none' },
  rebalanceDurationMs: { label: 'Rebalance duration', unit: 'ms', description: 'Longest time a rebalance took to finish (0 when none finished).', aggregate: { kind: 'max', counter: 'rebalanceMaxUs', scale: 1e-3 }, scope: 'all', budget: 'none' },
  replicationLagMs: { label: 'Replication lag', unit: 'ms', description: 'Mean delay from a write on the leader to the follower applying it.', aggregate: ratio('replLagSumUs', ['replLagCount'], 1e-3), scope: 'all', unmeasured: 'unmeasured.writeReplicated', budget: 'none' },
  hottestPartitionLoad: { label: 'Hottest partition load', unit: 'ratio', description: 'Requests to the busiest partition over the mean partition.', aggregate: { kind: 'hottestPartition' }, scope: 'all', unmeasured: 'unmeasured.partitionReached', budget: 'none' },
  queueWaitMs: { label: 'Queue wait', unit: 'ms', description: 'Mean time a request waited for a free worker.', aggregate: ratio('queueWaitSumUs', ['queueWaitCount'], 1e-3), scope: 'all', unmeasured: 'unmeasured.workStarted', budget: 'bought' },
  instancesUp: { label: 'Instances up', unit: 'count', description: 'Nodes up and ready at the end of the window.', aggregate: { kind: 'last', counter: 'up' }, scope: 'all', budget: 'none' },
  ownedPartitions: { label: 'Owned partitions', unit: 'partitions', description: 'Partitions nodes believe they own at the end of the window (more than P means split brain).', aggregate: { kind: 'last', counter: 'ownedPartitions' }, scope: 'all', budget: 'none' },
  sessionsHeld: { label: 'Sessions held', unit: 'count', description: 'Sessions held in memory or in a store at the end of the window.', aggregate: { kind: 'last', counter: 'sessionsHeld' }, scope: 'all', budget: 'none' },
  queueLength: { label: 'Queue length', unit: 'count', description: 'Requests waiting for a worker at the end of the window.', aggregate: { kind: 'last', counter: 'queueLength' }, scope: 'all', budget: 'bought' },
  degradedWrites: {
    label: 'Degraded writes',
    unit: 'count',
    description: 'Writes a sync or semi-sync database acknowledged while a follower was out of sync: they existed on fewer copies than configured and a failover can lose them.',
    aggregate: sum('writesDegraded'),
    scope: 'all',
    budget: 'none',
  },
  replicationWaitMs: {
    label: 'Replication wait',
    unit: 'ms',
    description: "Mean time a sync or semi-sync write waited for its followers' acknowledgements (the round trip over the replication edge).",
    aggregate: ratio('replWaitSumUs', ['replWaitCount'], 1e-3),
    scope: 'all',
    unmeasured: 'unmeasured.followerWait',
    budget: 'none',
  },
  requestsAcceptedAfterRevoke: {
    label: 'Accepted after revoke',
    unit: 'count',
    description: 'Requests a service accepted although their session had been revoked (a signed token stays valid until it expires).',
    aggregate: sum('acceptedAfterRevoke'),
    scope: 'all',
    budget: 'none',
  },
  staleReads: {
    label: 'Stale reads',
    unit: 'count',
    description: "Reads a balancer's cache answered with a value older than the key's last acknowledged write (the cache is not invalidated on writes: an entry lives until its TTL ends).",
    aggregate: sum('staleReads'),
    scope: 'all',
    budget: 'none',
  },
  tokenBytes: { label: 'Token bytes', unit: 'count', description: 'Bytes of signed tokens the requests carried into services.', aggregate: sum('tokenBytes'), scope: 'all', budget: 'none' },
  usersAffected: {
    label: 'Users affected',
    unit: 'count',
    description: 'Distinct users who lost a session or saw a failed request (people, not events; each counted once, in the window where it first happened).',
    aggregate: sum('usersAffected'),
    scope: 'all',
    budget: 'bought',
  },
  cost: {
    label: 'Cost',
    unit: 'count',
    description: "Instance-seconds weighted by each kind's unit price and size (a service's workers count), so more capacity costs more.",
    aggregate: sum('costUnits'),
    scope: 'all',
    budget: 'price',
  },
  costPer1kServed: {
    label: 'Cost per 1000 served',
    unit: 'ratio',
    description: 'Cost (as in the cost metric) per 1000 requests that succeeded: what capacity costs for the work it did. A design that serves nothing has no value here.',
    aggregate: ratio('costUnits', ['ok'], 1000, true),
    scope: 'all',
    unmeasured: 'unmeasured.requestServed',
    budget: 'price',
  },
  coldMissRate: {
    label: 'Cold-miss rate',
    unit: 'fraction',
    description: "Requests to a key that had moved to its owner (rebalance, scale-out) and had to be loaded first, as a fraction of an owner's keyed requests.",
    aggregate: ratio('coldLoads', ['coldLoads', 'warmReads']),
    scope: 'all',
    unmeasured: 'unmeasured.ownerServed',
    budget: 'none',
  },
  warmupMs: {
    label: 'Warm-up time',
    unit: 'ms',
    description: 'Time owners spent loading the state of keys that moved to them, summed over the loads.',
    aggregate: sum('warmupSumUs', 1e-3),
    scope: 'all',
    budget: 'none',
  },
  partitionsLost: {
    label: 'Partition states lost',
    unit: 'count',
    description: "Times a new owner took a partition over with nothing to recover it from (recover from: none): the state the old owner held in memory (a room's members and messages) is gone.",
    aggregate: sum('partitionsLost'),
    scope: 'all',
    budget: 'none',
  },
  falseSuspicions: {
    label: 'False suspicions',
    unit: 'count',
    description: "Times a failure detector (health check, lease, database failover) took out a node that was up, reachable and not paused for as long as the detector's bound.",
    aggregate: sum('falseSuspicions'),
    scope: 'all',
    budget: 'bought',
  },
  flaps: { label: 'Flaps', unit: 'count', description: 'Times a load balancer took a target out and put it back without the target having restarted.', aggregate: sum('flaps'), scope: 'all', budget: 'bought' },
  failoversUnnecessary: {
    label: 'Unnecessary failovers',
    unit: 'count',
    description: 'Database promotions and partition handovers made while the old leader or owner was still up.',
    aggregate: sum('failoversUnnecessary'),
    scope: 'all',
    budget: 'none',
  },
  connectionsDropped: { label: 'Dropped connections', unit: 'count', description: 'Long-lived connections lost because the instance holding them stopped (crash, deploy, scale-in).', aggregate: sum('connectionsDropped'), scope: 'all', budget: 'none' },
  connectionErrors: { label: 'Connection errors', unit: 'count', description: 'Connection attempts that failed (refused, overloaded, timed out, no route); each one is retried by the reconnect policy.', aggregate: sum('connectFailed'), scope: 'all', budget: 'bought' },
  reconnects: { label: 'Reconnects', unit: 'count', description: 'Users who got a connection back after theirs dropped.', aggregate: sum('reconnects'), scope: 'all', budget: 'none' },
  reconnectTimeMs: {
    label: 'Time disconnected',
    unit: 'ms',
    description: 'Mean time from a connection dropping until its user was connected again (counted when the user reconnects).',
    aggregate: ratio('reconnectWaitSumUs', ['reconnects'], 1e-3),
    scope: 'all',
    unmeasured: 'unmeasured.userReconnected',
    budget: 'none',
  },
  connectionsOpen: { label: 'Open connections', unit: 'count', description: 'Long-lived connections instances hold at the end of the window.', aggregate: { kind: 'last', counter: 'connectionsOpen' }, scope: 'all', budget: 'none' },
} as const satisfies Record<string, MetricDef>;

export type MetricName = keyof typeof METRICS;
export const METRIC_NAMES = Object.keys(METRICS) as MetricName[];

/** Metrics that can measure nothing (they have `unmeasured`): readMetric gives NaN then. */
export type UnmeasurableMetricName = { [K in MetricName]: (typeof METRICS)[K] extends { unmeasured: string } ? K : never }[MetricName];
/**
 * A run's whole-run values. A metric that measured nothing is absent (JSON has no NaN, and an
 * absent key survives IPC as it is); counts and the other metrics are always there.
 */
export type RunSummary = { [K in Exclude<MetricName, UnmeasurableMetricName>]: number } & { [K in UnmeasurableMetricName]?: number };


// ---------------------------------------------------------------------------------------------
// The shape of a finished run. Plain JSON: it crosses IPC and worker boundaries.

/** Kinds of entries in a run's event log. */
export const RUN_EVENT_KINDS = [
  'fault',
  'crashed',
  'restarted',
  'ready',
  'failure-detected',
  'recovered-detected',
  'owner-changed',
  'lease-expired',
  'session-lost',
  'write-lost',
  'split-brain-began',
  'split-brain-ended',
  'rebalance-done',
  'failover',
  'drained',
  'deploy-done',
  'scaled-out',
  'scaled-in',
  'log-truncated',
  'replication-degraded',
  'failover-refused',
  'revoked',
  'not-wired',
  'connections-dropped',
  'failing',
] as const;
export type RunEventKind = (typeof RUN_EVENT_KINDS)[number];

export interface RunEvent {
  /** Simulated time of the event, in milliseconds (fractional: the clock is in microseconds). */
  atMs: number;
  /** What happened. */
  kind: RunEventKind;
  /** The node it happened to, when there is one. */
  node?: string;
  /** One English sentence for the event log (the CLI shows it; the UI translates from textKey and params). */
  message: string;
  /** A number the event carries (sessions lost, keys-moved fraction, writes lost ...). */
  value?: number;
  /** The sentence's parameters (node ids, counts, epochs ...), for `eventText` (src/shared/i18n/eventTexts.ts). */
  params?: Record<string, string | number>;
  /** The sentence's key in EVENT_TEXTS, when the kind has more than one sentence (`restarted.deploy`). */
  textKey?: EventTextKey;
}

/** A node of the simulated system, including clones made by scale-out. */
export interface RunNode {
  /** Graph id (clones get `<id>~<n>`). */
  id: string;
  /** Node kind, as in the graph. */
  kind: string;
  /** True for nodes a load balancer sends to: lbShare ranges over these. */
  isLbTarget: boolean;
  /** A load balancer's request edges to its targets (clones' included): its lbImbalance ranges over these. */
  lbTargetEdges?: string[];
}

/** A histogram flattened to [bucketIndex, count, bucketIndex, count, ...] (see metrics/histogram.ts). */
export type SparseHistogram = number[];

export interface RunBuckets {
  /** Width of a stored bucket. */
  bucketMs: number;
  /** Number of buckets (the last may be partial). */
  count: number;
  /** Per node id, per counter: one value per bucket. Counters that stayed zero are omitted. */
  counters: Record<string, Partial<Record<CounterName, number[]>>>;
  /** Per node id, one latency histogram per bucket (null when empty), in microseconds. */
  latency: Record<string, (SparseHistogram | null)[]>;
  /**
   * The same, of failed answers only (a client's requests that failed, a node's failed answers):
   * `latency` less these is the latency of successful (served) requests. Always set by the
   * simulator; absent only in runs made before it existed.
   */
  latencyFailed?: Record<string, (SparseHistogram | null)[]>;
  /** Per bucket, requests per partition (empty when the graph has no partitions). */
  partitionRequests: number[][];
  /**
   * Per request-edge id (clones: `<id>~<n>`), per edge counter: one value per bucket. Counters that
   * stayed zero are omitted. Always set by the simulator; absent only in runs made before it existed.
   */
  edges?: Record<string, Partial<Record<EdgeCounterName, number[]>>>;
}

export interface RunResult {
  /** Bumped when the shape changes. */
  resultVersion: 1;
  /** The root seed of the run. */
  seed: number;
  /** Simulated length of the run. */
  durationMs: number;
  /** Hex digest folded over every processed event (time, sequence, type, node), every answer's status and every bucket's counters: equal hashes, equal runs. */
  traceHash: string;
  /** Events the engine processed. */
  eventsProcessed: number;
  /** True when isCancelled stopped the run early; the result covers [0, endedAtMs]. */
  isCancelled: boolean;
  /** Simulated time the run reached. */
  endedAtMs: number;
  /** Every catalogue metric over the whole run; one that measured nothing (readMetric's NaN) is absent. */
  summary: RunSummary;
  /** The event log. */
  events: RunEvent[];
  /** Nodes of the run, including clones. */
  nodes: RunNode[];
  /** Scheduled faults with their resolved ids, for windows like "fault:crash+5000". */
  faults: { id: string; atMs: number; action: string; target: string }[];
  /** Raw counters behind every metric. */
  buckets: RunBuckets;
  /** Message conservation: sent = delivered + dropped + inFlight. */
  network: { sent: number; delivered: number; dropped: number; inFlight: number };
  /** Logical requests still open when the run ended (requests = ok + failed + this). */
  requestsInFlight: number;
}

/** A time window over a run; toMs is exclusive. Buckets whose start lies in the window are read. */
export interface MetricWindow {
  /** Inclusive start. */
  fromMs: number;
  /** Exclusive end. */
  toMs: number;
}
