/**
 * Request traces and user journeys (issue 17): what the simulator answers when it re-runs a design
 * with per-request tracing on for chosen requests. Plain JSON; times in milliseconds of simulated
 * time. The selector says which requests to trace: by id, or one of the choosers.
 */
import { z } from 'zod';
import { FAILURE_REASON_KEYS, type FailureReason } from './failureReasons';

/** A logical request: the n-th request (from 0) its client issued in the run. */
export const RequestIdSchema = z.object({ client: z.string().min(1).max(200), n: z.number().int().min(0).max(100_000_000) }).strict();
export type RequestId = z.infer<typeof RequestIdSchema>;

/** Requests traced by one selector, at most. */
export const TRACED_REQUESTS_MAX = 8;

export const TraceSelectorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ids'), ids: z.array(RequestIdSchema).min(1).max(TRACED_REQUESTS_MAX) }).strict(),
  /** The first request that failed and started at or after fault `faultIndex` began (or at `atMs`). */
  z.object({ kind: z.literal('firstFailedAfter'), faultIndex: z.number().int().min(0).max(1000).optional(), atMs: z.number().min(0).max(1e9).optional() }).strict(),
  /** The slowest request that started in [fromMs, toMs). */
  z.object({ kind: z.literal('slowest'), fromMs: z.number().min(0).max(1e9), toMs: z.number().min(0).max(1e9) }).strict(),
  /** Requests of one user (global user number): the first at or after `atMs` (default 0). */
  z.object({ kind: z.literal('user'), user: z.number().int().min(0).max(10_000_000), atMs: z.number().min(0).max(1e9).optional() }).strict(),
  /** The first request whose message was sent over connection `edge` (a graph edge id) at or after `atMs` (a request dot clicked). */
  z.object({ kind: z.literal('edge'), edge: z.string().min(1).max(200), atMs: z.number().min(0).max(1e9) }).strict(),
]);
export type TraceSelector = z.infer<typeof TraceSelectorSchema>;

/** What a call asked for (sim/calls.ts OP, by name). */
export const TRACE_OPS = ['read', 'write', 'sessionGet', 'sessionPut', 'lease', 'fill', 'replicate', 'refresh'] as const;
export type TraceOp = (typeof TRACE_OPS)[number];

/** How a call or a request ended: ok, a cache miss (a call only), or a failure reason. */
export type TraceOutcome = 'ok' | 'miss' | FailureReason;
export const TRACE_OUTCOMES: readonly TraceOutcome[] = ['ok', 'miss', ...FAILURE_REASON_KEYS];

/** Why a user's session was lost (the journey's and the hop's words). */
export const SESSION_LOSS_REASONS = ['holderCrashed', 'falseSuspicion', 'routedElsewhere', 'revoked'] as const;
export type SessionLossReason = (typeof SESSION_LOSS_REASONS)[number];

export interface SessionLoss {
  reason: SessionLossReason;
  /** Where the session lived (an instance, a session store). */
  holder?: string;
  /** When it was lost: the holder's crash, the false suspicion, or the request that found it gone. */
  atMs: number;
  /** The instance that found it gone. */
  noticedBy: string;
  noticedAtMs: number;
}

/** One message exchange: a call from one node to another, its answer, and what happened on the way. */
export interface TraceHop {
  /** Index in RequestTrace.hops (hops are in send order). */
  id: number;
  /** The hop whose handling made this call (-1: the client's attempt). */
  parent: number;
  from: string;
  to: string;
  /** The link (a graph edge id; an intra-tier forward has a made-up id). */
  edge: string;
  op: TraceOp;
  /** 0 for the first attempt of the request, then 1, 2... for retries. */
  attempt: number;
  sentMs: number;
  /** Reached the callee (absent: lost on the way, or the callee never got it). */
  arrivedMs?: number;
  /** The callee was down when it arrived: its host refused it. */
  isRefused?: boolean;
  /** A worker took it (queue wait = startedMs − arrivedMs). */
  startedMs?: number;
  /** Time the callee worked on it. */
  serviceMs?: number;
  /** The callee answered. */
  repliedMs?: number;
  outcome?: TraceOutcome;
  /** The answer reached the caller. */
  answeredMs?: number;
  /** The callee crashed while it held the call (its host reset the connection). */
  calleeCrashedMs?: number;
  /** The caller crashed before the answer came (nobody waits for it any more). */
  callerCrashedMs?: number;
  /** The caller's timeout fired before an answer came. */
  timedOutMs?: number;
  /** A balancer's belief about its targets' health when the request reached it. */
  lbBelief?: { node: string; isHealthy: boolean; isRegistered: boolean }[];
  /** Partition ownership the callee acted under: the partition, the epoch it believed, the owner. */
  owner?: { partition: number; epoch: number; owner?: string };
  /** The callee answered "session lost": why. */
  sessionLoss?: SessionLoss;
}

export interface RequestTrace {
  id: RequestId;
  /** Global user number. */
  user: number;
  key: number;
  op: TraceOp;
  startMs: number;
  /** When the client ended it (absent: still open at the end of the run). */
  endMs?: number;
  outcome?: Exclude<TraceOutcome, 'miss'>;
  attempts: number;
  /** Nodes the request touched, in order of first touch (the diagram's lanes). */
  lanes: string[];
  hops: TraceHop[];
  /** The instance that served the final attempt. */
  servedBy?: string;
}

/** One request in a user's journey. */
export interface JourneyStep {
  id: RequestId;
  startMs: number;
  endMs?: number;
  outcome?: Exclude<TraceOutcome, 'miss'>;
  servedBy?: string;
  /** Where the user's session lived when the request started: an instance's memory, a store, a token, none yet. */
  session: { where: 'memory' | 'store' | 'token' | 'none'; node?: string };
  isLogin: boolean;
}

export interface UserJourney {
  user: number;
  client: string;
  steps: JourneyStep[];
  losses: SessionLoss[];
}

export interface TraceAnswer {
  traces: RequestTrace[];
  /** For a `user` selector: that user's whole journey. */
  journey?: UserJourney;
  /** The run's trace hash (the same as the untraced run's: tracing changes nothing). */
  traceHash: string;
  /** Requests the run issued (for choosers that found nothing). */
  requestsIssued: number;
}
