/**
 * Playback over a finished run: what the canvas shows at a cursor time is read from the run's
 * per-bucket counters (RunResult.buckets), so seeking anywhere is an index lookup, never a re-run.
 */
import type { CounterName } from '../../../shared/metrics';
import type { LabRun } from './labRun';

/** What a node shows while a run plays. */
export interface NodeLive {
  isUp: boolean;
  inFlight: number;
  queued: number;
  sessionsHeld: number;
  ownedPartitions: number;
  /** Databases only: leader or follower of their replication group. */
  role?: 'leader' | 'follower';
  /** Highest epoch this node owns a partition with (0: none). */
  epoch: number;
  /** Sessions this node lost from the start of the run up to the cursor. */
  sessionsLost: number;
  /** Clones scale-out made of this node that are up. */
  clonesUp: number;
}

/** What an edge shows while a run plays. */
export interface EdgeLive {
  /** Requests per second over the edge in the bucket under the cursor. */
  rps: number;
  /** Failed fraction of those requests, 0..1. */
  failedRatio: number;
}

/** Index of the bucket holding time `ms`, clamped to the run. */
export function bucketAt(run: LabRun, ms: number): number {
  const { bucketMs, count } = run.buckets;
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, Math.floor(ms / bucketMs)));
}

const value = (run: LabRun, node: string, counter: CounterName, bucket: number) => run.buckets.counters[node]?.[counter]?.[bucket] ?? 0;

/** Per-node cumulative counts, computed once per run so a seek stays O(1). */
export class PlaybackIndex {
  private readonly lostPrefix = new Map<string, Float64Array>();
  private readonly clonesOf = new Map<string, string[]>();
  private readonly kinds = new Map<string, string>();

  constructor(readonly run: LabRun) {
    for (const n of run.nodes) {
      this.kinds.set(n.id, n.kind);
      const tilde = n.id.indexOf('~');
      if (tilde > 0) {
        const origin = n.id.slice(0, tilde);
        this.clonesOf.set(origin, [...(this.clonesOf.get(origin) ?? []), n.id]);
      }
    }
    for (const [id, counters] of Object.entries(run.buckets.counters)) {
      const lost = counters.sessionsLost;
      if (!lost) continue;
      const prefix = new Float64Array(lost.length);
      let sum = 0;
      lost.forEach((v, i) => (prefix[i] = sum += v));
      this.lostPrefix.set(id, prefix);
    }
  }

  node(id: string, bucket: number): NodeLive | undefined {
    const kind = this.kinds.get(id);
    if (kind === undefined) return undefined;
    const run = this.run;
    const live: NodeLive = {
      isUp: value(run, id, 'up', bucket) > 0,
      inFlight: value(run, id, 'inFlight', bucket),
      queued: value(run, id, 'queueLength', bucket),
      sessionsHeld: value(run, id, 'sessionsHeld', bucket),
      ownedPartitions: value(run, id, 'ownedPartitions', bucket),
      epoch: value(run, id, 'ownedEpochMax', bucket),
      sessionsLost: this.lostPrefix.get(id)?.[bucket] ?? 0,
      clonesUp: (this.clonesOf.get(id) ?? []).filter((c) => value(run, c, 'up', bucket) > 0).length,
    };
    if (kind === 'database') live.role = value(run, id, 'dbLeader', bucket) > 0 ? 'leader' : 'follower';
    return live;
  }

  edge(id: string, bucket: number): EdgeLive | undefined {
    const counters = this.run.buckets.edges?.[id];
    if (!counters) return undefined;
    const requests = counters.requests?.[bucket] ?? 0;
    const failed = counters.failed?.[bucket] ?? 0;
    return { rps: (requests * 1000) / this.run.buckets.bucketMs, failedRatio: requests > 0 ? Math.min(1, failed / requests) : 0 };
  }
}

/** The next scheduled fault strictly after `ms`, if any. */
export function nextFaultMs(run: LabRun, ms: number): number | undefined {
  return run.faults.map((f) => f.atMs).filter((t) => t > ms + 1e-6).sort((a, b) => a - b)[0];
}

/** The next logged event strictly after `ms`, or the next bucket when no event comes sooner. */
export function nextStepMs(run: LabRun, ms: number): number {
  const event = run.events.find((e) => e.atMs > ms + 1e-6)?.atMs;
  const nextBucket = (Math.floor(ms / run.buckets.bucketMs) + 1) * run.buckets.bucketMs;
  return Math.min(run.durationMs, event === undefined ? nextBucket : Math.min(event, nextBucket));
}

export const sameNodeLive = (a: NodeLive | undefined, b: NodeLive | undefined): boolean =>
  a === b ||
  (a !== undefined &&
    b !== undefined &&
    a.isUp === b.isUp &&
    a.inFlight === b.inFlight &&
    a.queued === b.queued &&
    a.sessionsHeld === b.sessionsHeld &&
    a.ownedPartitions === b.ownedPartitions &&
    a.role === b.role &&
    a.epoch === b.epoch &&
    a.sessionsLost === b.sessionsLost &&
    a.clonesUp === b.clonesUp);

/** Logged events are shown once the cursor has reached them (later ones would give the run away). */
export const pastEvents = <E extends { atMs: number }>(events: readonly E[], cursorMs: number): E[] => events.filter((e) => e.atMs <= cursorMs + 1e-6);

/** "Next logged event": the first logged event strictly after `ms`, if any. */
export function nextLoggedEventMs(run: Pick<LabRun, 'events'>, ms: number): number | undefined {
  let next: number | undefined;
  for (const e of run.events) if (e.atMs > ms + 1e-6 && (next === undefined || e.atMs < next)) next = e.atMs;
  return next;
}
