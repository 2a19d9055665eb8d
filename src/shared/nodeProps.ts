/**
 * Props of every node kind (DESIGN.md §3): one zod schema per kind with defaults, ranges, units
 * in names and `.describe()` text, so the simulator validates with it and the editor can build
 * its property forms from it.
 */
import { z } from 'zod';
import type { NodeKind } from './graph';
import { issueOf, type ZodIssueData } from './i18n/issues';
import { ownText } from './i18n/packTexts';

const ms = (max: number) => z.number().min(0).max(max);
/** A timeout: 0 is refused rather than read as "never" (a call that never times out is no setting a real client has). */
const timeoutMs = () => z.number().min(1, { error: ownText('own.timeoutMin') }).max(600_000);

/** A service-time distribution; a bare number means an exponential with that mean. */
const ServiceTimeSchema = z
  .union([
    z.number().min(0).max(60_000),
    z
      .object({
        /** Mean time one request occupies a worker. */
        mean: z.number().min(0).max(60_000).describe('Mean time one request occupies a worker (ms)'),
        /** Shape of the distribution around the mean. */
        distribution: z
          .enum(['constant', 'exponential', 'uniform'])
          .default('exponential')
          .describe('constant: always the mean; exponential: memoryless (M/M/c); uniform: between 0 and twice the mean'),
      })
      .strict(),
  ])
  .transform((v) => (typeof v === 'number' ? { mean: v, distribution: 'exponential' as const } : v));

export const ClientPropsSchema = z
  .object({
    /** Size of the user population; requests pick a user uniformly. */
    users: z.number().int().min(1).max(1_000_000).default(100).describe('Number of distinct users'),
    /** Total request rate of all users (Poisson arrivals). */
    rps: z.number().min(0).max(1_000_000).default(100).describe('Requests per second from all users together'),
    /** Which keys requests touch. */
    keys: z
      .object({
        /** uniform: every key equally likely; zipf: a few keys are hot. */
        distribution: z.enum(['uniform', 'zipf']).default('uniform').describe('How keys are chosen'),
        /** Size of the key space. */
        count: z.number().int().min(1).max(10_000_000).default(10_000).describe('Number of distinct keys'),
        /** Zipf exponent (larger is more skewed). */
        skew: z.number().min(0).max(4).default(1).describe('Zipf exponent; ignored for uniform'),
      })
      .strict()
      .default({ distribution: 'uniform', count: 10_000, skew: 1 })
      .describe('Key distribution'),
    /** Fraction of requests that are reads; the rest are writes. */
    readRatio: z.number().min(0).max(1).default(0.9).describe('Fraction of requests that only read'),
    /** A request not answered in this time fails with a timeout. */
    timeoutMs: timeoutMs().default(1000).describe('Give up on a request after this long (ms)'),
    /** Attempts after the first one for failed or timed-out requests. */
    retries: z.number().int().min(0).max(5).default(0).describe('Retries after a failure'),
    /** Wait before a retry. */
    retryBackoffMs: ms(60_000).default(50).describe('Wait before retrying (ms)'),
    /** long-lived: each user keeps one connection, so a load balancer keeps sending it to the same target. */
    connection: z.enum(['request', 'long-lived']).default('request').describe('request: a new routing decision per request; long-lived: one connection per user, pinned to the instance that accepted it'),
    /** long-lived: how a user whose connection dropped reconnects (full jitter: a uniformly random wait up to the backoff). */
    reconnect: z
      .enum(['immediate', 'backoff', 'backoff-jitter'])
      .default('backoff-jitter')
      .describe('long-lived: reconnect at once, after an exponential backoff (every client on the same schedule), or after a random wait up to that backoff (jitter)'),
    /** long-lived: the first reconnect backoff; it doubles after every failed attempt. */
    reconnectBaseMs: ms(600_000).default(1000).describe('First reconnect backoff; doubles after each failed attempt (ms)'),
    /** long-lived: the longest reconnect backoff. */
    reconnectMaxMs: ms(600_000).default(30_000).describe('Longest reconnect backoff (ms)'),
    /** Key salting: the hot key is stored as this many sub-keys, spread over partitions (1: off). */
    hotKeySalt: z.number().int().min(1).max(16).default(1).describe('Split the hot key into this many sub-keys, spread over partitions (1: off)'),
    /** Which operation pays for the salt: reads (a write goes to one sub-key, a read asks all and merges) or writes (a write goes to every copy, a read to one). */
    hotKeySaltFanOut: z
      .enum(['reads', 'writes'])
      .default('reads')
      .describe('reads: a write goes to one sub-key and a read asks all of them and merges (spreads a write-hot key); writes: a write goes to every sub-key as a copy and a read to one (spreads a read-hot key)'),
  })
  .strict();

/**
 * Client props that are the design's, not the workload's: how the client code reconnects (and salts a hot key) is the
 * student's to choose, so grading keeps them (unless the lesson locks the client) while it puts
 * the rest of the lesson's client back (src/main/grading/frame.ts).
 */
export const CLIENT_DESIGN_PROPS = ['reconnect', 'reconnectBaseMs', 'reconnectMaxMs', 'hotKeySalt', 'hotKeySaltFanOut'] as const satisfies readonly (keyof z.input<typeof ClientPropsSchema>)[];

export const LB_POLICIES = ['round-robin', 'least-connections', 'random', 'weighted', 'sticky', 'hash-modulo', 'consistent-hash', 'partition-aware'] as const;

export const LoadBalancerPropsSchema = z
  .object({
    /** How a target is chosen for each request. */
    policy: z.enum(LB_POLICIES).default('round-robin').describe('How the target of each request is chosen'),
    /** The request attribute hash policies (and sticky) key on. */
    hashBy: z.enum(['user', 'session', 'key']).default('user').describe('What hash-modulo and consistent-hash hash'),
    /** Points per target on the consistent-hash ring. */
    virtualNodes: z.number().int().min(1).max(1000).default(100).describe('Virtual nodes per target on the ring'),
    /** Relative weights per target id for the weighted policy (missing ids weigh 1). */
    weights: z.record(z.string(), z.number().min(0).max(1000)).default({}).describe('Weight per target id'),
    /** Active health checking of targets. */
    healthCheck: z
      .object({
        /** Time between probes. */
        intervalMs: z.number().min(10).max(600_000).default(1000).describe('Time between health probes (ms)'),
        /** Consecutive failed probes before a target is taken out. */
        unhealthyAfter: z.number().int().min(1).max(100).default(2).describe('Failed probes before a target is marked down'),
        /** Consecutive good probes before a target is put back. */
        healthyAfter: z.number().int().min(1).max(100).default(1).describe('Good probes before a target is marked up'),
        /** A probe not answered in this time failed (the probe waits behind the target's work); at most the interval. */
        timeoutMs: z.number().min(1).max(600_000).default(1000).describe('A probe not answered in this time fails; it waits behind the target\'s work (ms, at most the interval)'),
      })
      .strict()
      .default({ intervalMs: 1000, unhealthyAfter: 2, healthyAfter: 1, timeoutMs: 1000 })
      .describe('Health checks'),
    /** A forwarded request not answered in this time fails with a timeout. */
    timeoutMs: timeoutMs().default(5000).describe('Give up on a target after this long (ms)'),
    /** Partitions of the key space (partition-aware without a coordinator). */
    partitions: z.number().int().min(1).max(1024).default(16).describe('Partitions of the key space'),
    /** partition-aware: a read may go to an instance the owner replicates to, spreading a hot partition's reads (a replica may be behind). */
    replicaReads: z.boolean().default(false).describe("partition-aware: send reads to the owner or to an instance holding a replica of its partitions (a replica may be a little behind)"),
    /** How often a partition-aware balancer refreshes its owner map from the coordinator. */
    ownerRefreshMs: z.number().min(1).max(600_000).default(1000).describe('Owner-map refresh interval (ms)'),
  })
  .strict();

export const ServicePropsSchema = z
  .object({
    /** stateful instances keep partition state in memory and serve reads from it. */
    state: z.enum(['stateless', 'stateful']).default('stateless').describe('Where the instance keeps its working state'),
    /** Where user sessions live. */
    sessions: z.enum(['none', 'local-memory', 'session-store', 'signed-token']).default('none').describe('Where sessions are kept'),
    /** Takes partition ownership (leases from a coordinator when connected to one). */
    ownsPartitions: z.boolean().default(false).describe('Owns partitions of the key space'),
    /** Requests processed at once. */
    workers: z.number().int().min(1).max(1024).default(8).describe('Requests processed concurrently'),
    /** Requests that may wait for a worker; more are rejected. */
    queueLimit: z.number().int().min(0).max(100_000).default(100).describe('Waiting requests before rejecting'),
    /** CPU time per request. */
    serviceTimeMs: ServiceTimeSchema.default({ mean: 5, distribution: 'exponential' }).describe('Time per request'),
    /** Time from (re)start until the instance serves. */
    startupMs: ms(600_000).default(2000).describe('Start-up time (ms)'),
    /** Deployed version label. */
    version: z.string().max(40).default('1').describe('Version label'),
    /** A downstream call not answered in this time fails with a timeout. */
    callTimeoutMs: timeoutMs().default(1000).describe('Timeout of calls to downstream nodes (ms)'),
    /** Where a new partition owner recovers the partition's state from. */
    recoverFrom: z.enum(['replica', 'database', 'none']).default('database').describe('Recover partition state from a replica (fast), the database (slow), or not at all (state lost)'),
    /**
     * Before a planned stop (a rolling deploy), hand its partitions to the other owners through the
     * coordinator and stop only once they are released (Kafka's controlled shutdown); otherwise they
     * wait for its lease to expire.
     */
    controlledShutdown: z.boolean().default(false).describe('Before a planned stop (deploy), hand its partitions over to other owners instead of letting its lease expire'),
    /** Time to load one partition's state from the database. */
    stateLoadMs: ms(600_000).default(500).describe('Time to load one partition from the database (ms)'),
    /** signed-token: how long a token is accepted (a revoked one too); then the service refreshes it with a call. */
    tokenTtlMs: z.number().min(1).max(86_400_000).default(900_000).describe('signed-token: lifetime of a token; a revoked token is accepted until it expires, and an expired one costs a refresh call (ms)'),
    /** signed-token: size of the token every request carries. */
    // At least an id and a signature: a token cannot be made free by setting its size to nothing.
    tokenBytes: z.number().int().min(64).max(65_536).default(800).describe('signed-token: bytes of the token every request carries (a JWT is typically 0.5–1 KB; at least 64: an id and a signature)'),
    /** What a partition owner does with a request for a key it does not own. */
    /** Work of accepting one long-lived connection (TLS handshake, authentication, subscriptions): a worker is busy this long. */
    handshakeMs: ms(60_000).default(10).describe('Work of accepting one long-lived connection: TLS handshake, authentication, subscriptions (ms)'),
    nonOwner: z.enum(['forward', 'fail']).default('forward').describe("A request for a key this owner does not own: forward it to the owner (an extra hop) or fail it ('wrong owner')"),
  })
  .strict();

export const CachePropsSchema = z
  .object({
    /** Entries held before evicting. */
    capacity: z.number().int().min(1).max(10_000_000).default(10_000).describe('Entries held'),
    /** Entry lifetime. */
    ttlMs: ms(86_400_000).default(60_000).describe('Time to live of an entry (ms)'),
    /** Eviction policy. */
    eviction: z.enum(['lru']).default('lru').describe('Which entry goes when full'),
    /** Time to answer. */
    latencyMs: ms(60_000).default(0.5).describe('Time to answer (ms)'),
    /** A read-through fetch to the database not answered in this time fails. */
    callTimeoutMs: timeoutMs().default(1000).describe('Timeout of database fetches (ms)'),
  })
  .strict();

export const SessionStorePropsSchema = z
  .object({
    /** Time to answer. */
    latencyMs: ms(60_000).default(1).describe('Time to answer (ms)'),
    /** Sessions survive a crash when persisted. */
    persistence: z.boolean().default(false).describe('Keep sessions across a crash'),
  })
  .strict();

export const DatabasePropsSchema = z
  .object({
    /** Time one operation takes. */
    latencyMs: ms(60_000).default(3).describe('Time per operation (ms)'),
    /** Operations per second it can sustain (sets its concurrency with latencyMs). */
    capacityRps: z.number().min(1).max(10_000_000).default(5000).describe('Sustainable operations per second'),
    /** Operations that may wait; more are rejected. */
    queueLimit: z.number().int().min(0).max(1_000_000).default(1000).describe('Waiting operations before rejecting'),
    /** How the leader replicates to followers over replication edges. */
    replication: z
      .enum(['async', 'sync', 'semi-sync'])
      .default('async')
      .describe('sync: acknowledge after the followers applied, else block and time out; semi-sync: sync that falls back to async after the timeout; async: acknowledge at once'),
    /** Extra delay before an async follower applies a write. */
    replicationLagMs: ms(600_000).default(100).describe('Async replication lag (ms)'),
    /** Whether a follower is promoted without an operator. */
    failover: z.enum(['auto', 'manual']).default('auto').describe('auto: promote a follower after detection; manual: wait for a promote action'),
    /** Time to detect a dead leader before automatic failover. */
    failoverAfterMs: ms(600_000).default(3000).describe('A follower takes over once the leader has not answered for this long; it asks every third of it, so the wait starts at the last answer, often before a crash (ms)'),
    /** How long a sync or semi-sync write waits for followers' acknowledgements (MySQL semi-sync's default: 10 s). */
    replicationTimeoutMs: z.number().min(1).max(600_000).default(10_000).describe('sync: fail a write not acknowledged by the followers in this time; semi-sync: acknowledge it anyway and continue without them (ms)'),
  })
  .strict();

export const CoordinatorPropsSchema = z
  .object({
    /** A lease not renewed in this time expires and its partitions move. */
    leaseTtlMs: z.number().min(10).max(600_000).default(3000).describe('Lease time to live (ms)'),
    /** Databases reject writes that carry an older epoch than they have seen. */
    fencing: z.boolean().default(true).describe('Fencing tokens (epochs) checked on writes'),
    /** Partitions of the key space it assigns. */
    partitions: z.number().int().min(1).max(1024).default(16).describe('Partitions of the key space'),
  })
  .strict();

export const NODE_PROPS_SCHEMAS = {
  client: ClientPropsSchema,
  'load-balancer': LoadBalancerPropsSchema,
  service: ServicePropsSchema,
  cache: CachePropsSchema,
  'session-store': SessionStorePropsSchema,
  database: DatabasePropsSchema,
  coordinator: CoordinatorPropsSchema,
} as const satisfies Record<NodeKind, z.ZodType>;

export type NodePropsByKind = { [K in NodeKind]: z.output<(typeof NODE_PROPS_SCHEMAS)[K]> };
export type ClientProps = NodePropsByKind['client'];
export type LoadBalancerProps = NodePropsByKind['load-balancer'];
export type ServiceProps = NodePropsByKind['service'];
export type CacheProps = NodePropsByKind['cache'];
export type SessionStoreProps = NodePropsByKind['session-store'];
export type DatabaseProps = NodePropsByKind['database'];
export type CoordinatorProps = NodePropsByKind['coordinator'];

export interface PropsIssue {
  /** Path inside props, e.g. ["healthCheck", "intervalMs"]. */
  path: PropertyKey[];
  /** What was expected. */
  message: string;
  /** zod's data of the problem, when zod worded it, so it can be worded in the student's language (i18n/issues.ts). */
  zod?: ZodIssueData;
}

export type ParsedProps<K extends NodeKind> = { ok: true; props: NodePropsByKind[K] } | { ok: false; issues: PropsIssue[] };

/** Validates a node's props against its kind's schema and applies defaults. */
export function parseNodeProps<K extends NodeKind>(kind: K, props: unknown): ParsedProps<K> {
  const schema = NODE_PROPS_SCHEMAS[kind] as unknown as z.ZodType<NodePropsByKind[K]>;
  const parsed = schema.safeParse(props ?? {});
  if (parsed.success) return { ok: true, props: parsed.data };
  return {
    ok: false,
    issues: parsed.error.issues.map((i) => {
      const { zod } = issueOf(i);
      return { path: i.path, message: i.message, ...(zod ? { zod } : {}) };
    }),
  };
}

/** When the editor shows a field, and whether it is folded under "Advanced". */
export interface FieldRule<P> {
  /** The field only matters when this holds for the (defaulted) props; otherwise the form hides it. */
  when?: (props: P) => boolean;
  /** Rarely changed: shown under "Advanced". */
  advanced?: boolean;
}

/**
 * Which props apply to which options, per kind, keyed by the field's path ("keys.skew"). This is
 * the one table of it: the simulator reads the same props these conditions name (e.g. the
 * load balancer hashes `hashBy` only under hash-modulo and consistent-hash).
 */
export const NODE_FIELD_RULES: { [K in NodeKind]?: Record<string, FieldRule<NodePropsByKind[K]>> } = {
  client: {
    'keys.skew': { when: (p) => p.keys.distribution === 'zipf' },
    retryBackoffMs: { when: (p) => p.retries > 0 },
    reconnect: { when: (p) => p.connection === 'long-lived' },
    reconnectBaseMs: { when: (p) => p.connection === 'long-lived' && p.reconnect !== 'immediate' },
    reconnectMaxMs: { when: (p) => p.connection === 'long-lived' && p.reconnect !== 'immediate', advanced: true },
    hotKeySalt: { advanced: true },
    hotKeySaltFanOut: { when: (p) => p.hotKeySalt > 1, advanced: true },
  },
  'load-balancer': {
    hashBy: { when: (p) => p.policy === 'hash-modulo' || p.policy === 'consistent-hash' },
    virtualNodes: { when: (p) => p.policy === 'consistent-hash' },
    weights: { when: (p) => p.policy === 'weighted' },
    partitions: { when: (p) => p.policy === 'partition-aware' },
    ownerRefreshMs: { when: (p) => p.policy === 'partition-aware', advanced: true },
    replicaReads: { when: (p) => p.policy === 'partition-aware' },
    timeoutMs: { advanced: true },
  },
  service: {
    recoverFrom: { when: (p) => p.ownsPartitions },
    stateLoadMs: { when: (p) => p.ownsPartitions && p.recoverFrom === 'database' },
    controlledShutdown: { when: (p) => p.ownsPartitions },
    nonOwner: { when: (p) => p.ownsPartitions, advanced: true },
    handshakeMs: { advanced: true },
    queueLimit: { advanced: true },
    startupMs: { advanced: true },
    version: { advanced: true },
    callTimeoutMs: { advanced: true },
    tokenTtlMs: { when: (p) => p.sessions === 'signed-token' },
    tokenBytes: { when: (p) => p.sessions === 'signed-token', advanced: true },
  },
  cache: {
    callTimeoutMs: { advanced: true },
  },
  database: {
    replicationLagMs: { when: (p) => p.replication === 'async' },
    failoverAfterMs: { when: (p) => p.failover === 'auto' },
    queueLimit: { advanced: true },
    replicationTimeoutMs: { when: (p) => p.replication !== 'async' },
  },
};
