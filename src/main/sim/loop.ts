/**
 * The event loop: an integer microsecond clock, the heap ordered by (time, sequence), the trace
 * hash, and the three ways to drive a run: `step()` (one event), `runUntil(t)` (every event before
 * t) and `run()` (to the end). What an event does is the subclass's `dispatch`. Nothing here reads
 * wall-clock time or global randomness.
 */
import { EventQueue } from './eventQueue';
import { Recorder } from './metrics/recorder';
import { fmix32 } from './rng';

export const EV = { deliverReq: 1, deliverResp: 2, timer: 3, timeout: 4, fault: 5, probe: 6, noise: 7 } as const;
export const EV_NAMES = ['', 'deliver-request', 'deliver-response', 'timer', 'timeout', 'fault', 'health-probe', 'noise'] as const;

/** An invariant broke: reported with the seed and simulated time so the run can be reproduced. */
export class InvariantError extends Error {
  constructor(message: string, seed: number, nowUs: number) {
    super(`Simulator invariant broken: ${message} (reproduce with seed=${seed}, at t=${(nowUs / 1000).toFixed(3)} ms)`);
    this.name = 'InvariantError';
  }
}

/**
 * Events one run may process unless the caller says otherwise. The built-in lessons' runs take
 * at most about 160,000 (a 30 s run; see tests/integration/sim/budget.test.ts), so this leaves
 * 30x headroom, while a client at 1,000,000 rps reaches it within seconds of wall-clock time.
 */
export const EVENTS_MAX_DEFAULT = 5_000_000;

/** A run went over its event budget: deterministic (counted in events, not time). */
export class EventBudgetError extends Error {
  constructor(readonly maxEvents: number) {
    super(`This design generates more than ${maxEvents.toLocaleString('en-US')} events; reduce the request rate or the run's duration.`);
    this.name = 'EventBudgetError';
  }
}

export interface TraceRecord {
  timeUs: number;
  seq: number;
  type: (typeof EV_NAMES)[number];
  node: string | undefined;
  /** True when a node's behaviour ran for this event (false for stale, dropped or deferred ones). */
  isHandled: boolean;
  /** Whether the event's node was up when the event was taken off the heap. */
  wasNodeUp: boolean;
  /** Timers: the node's timer tag (what the timer is for; see the node's TIMER_NAMES). */
  timerTag?: number;
  /** Faults: the index of the fault in the scenario, and its phase (0 start, 1 end, ≥ 2 a step of a deploy or drain). */
  fault?: { index: number; phase: number };
}

export interface RunHooks {
  onProgress?: (fraction: number) => void;
  isCancelled?: () => boolean;
  trace?: (e: TraceRecord) => void;
  /** Event budget (default EVENTS_MAX_DEFAULT): checked with the progress hook, so it may overshoot by CHECK_EVERY. */
  maxEvents?: number;
}

/** Events between progress reports and cancellation checks. */
const CHECK_EVERY = 4096;

export abstract class EventLoop {
  nowUs = 0;
  readonly queue = new EventQueue(4096);
  readonly rec: Recorder;
  readonly endUs: number;
  processed = 0;
  isCancelled = false;
  /** Whether the run has been closed (every bucket flushed up to the end). */
  isFinished = false;
  /** Hash of each node's id: the trace hash folds this, not the index, so ids not positions matter. */
  protected readonly nodeHash: number[] = [];
  protected trace: ((e: TraceRecord) => void) | undefined;
  private hooks: RunHooks = {};
  private lastCheck = 0;
  private h1 = 0x12345678;
  private h2 = 0x9abcdef0;

  constructor(
    readonly seed: number,
    durationMs: number,
    partitionCount: number,
    bucketMs: number,
  ) {
    this.endUs = durationMs * 1000;
    this.rec = new Recorder(bucketMs, partitionCount);
  }

  fail(message: string): never {
    throw new InvariantError(message, this.seed, this.nowUs);
  }

  /** Sets the hooks the next step/runUntil/run calls report to. */
  setHooks(hooks: RunHooks): void {
    this.hooks = hooks;
    this.trace = hooks.trace;
  }

  /** Handles one event taken off the heap; returns whether a node's behaviour ran. */
  protected abstract dispatch(type: number, n: number, a: number, b: number, c: number, inc: number): boolean;
  /** Closes the recorder's current bucket. */
  protected abstract flushBucket(): void;
  /** The node id for trace records. */
  protected abstract nodeId(n: number): string;
  protected abstract isNodeUp(n: number): boolean;

  /** Time of the next event of the run, or Infinity when the run has no more (before its end). */
  nextTimeUs(): number {
    const t = this.queue.peekTimeUs();
    return t < this.endUs && !this.isCancelled ? t : Infinity;
  }

  /** Processes the next event (and the zero-delay deliveries it causes); false when there is none. */
  step(): boolean {
    return this.advance(this.endUs, 1) > 0;
  }

  /** Processes every event before `tUs` (at most the run's end). */
  runUntil(tUs: number): void {
    this.advance(Math.min(tUs, this.endUs), Infinity);
  }

  /** Runs to the end of the scenario (or cancellation) and closes the run. */
  run(hooks?: RunHooks): void {
    if (hooks !== undefined) this.setHooks(hooks);
    this.advance(this.endUs, Infinity);
    this.finish();
  }

  /** Closes the run: the clock moves to the end and every bucket up to it is flushed. */
  finish(): void {
    if (this.isFinished) return;
    this.isFinished = true;
    const rec = this.rec;
    if (!this.isCancelled) this.nowUs = this.endUs;
    // Close every bucket up to the end (the last one may be partial).
    while (rec.bucketIndex * rec.bucketUs < this.nowUs || rec.bucketIndex === 0) this.flushBucket();
  }

  /** Processes events before `limitUs`, at most `maxCount` of them; returns how many. */
  private advance(limitUs: number, maxCount: number): number {
    const q = this.queue;
    const rec = this.rec;
    const endUs = this.endUs;
    const hooks = this.hooks;
    const trace = this.trace;
    const maxEvents = hooks.maxEvents ?? EVENTS_MAX_DEFAULT;
    let done = 0;
    while (q.size > 0 && done < maxCount && !this.isCancelled) {
      // The earliest event's time, read in place (a call returning a double could box it).
      const t = q.timeUs[q.heap[0]!]!;
      if (t >= limitUs) break;
      const slot = q.pop();
      const type = q.type[slot]!;
      const n = q.node[slot]!;
      const a = q.a[slot]!;
      const b = q.b[slot]!;
      const cArg = q.c[slot]!;
      const inc = q.inc[slot]!;
      const seq = q.seq[slot]!;
      if (t < this.nowUs) this.fail(`time went back from ${this.nowUs} to ${t} µs`);
      this.nowUs = t;
      while (t >= rec.bucketEndUs) this.flushBucket();
      this.fold(t, seq, type, n);
      done++;
      const count = this.processed;
      if (count - this.lastCheck >= CHECK_EVERY) {
        this.lastCheck = count;
        if (count > maxEvents) throw new EventBudgetError(maxEvents);
        hooks.onProgress?.(t / endUs);
        if (hooks.isCancelled?.() === true) {
          this.isCancelled = true;
          break;
        }
      }
      if (trace === undefined) {
        this.dispatch(type, n, a, b, cArg, inc);
        continue;
      }
      const wasNodeUp = n >= 0 && this.isNodeUp(n);
      const isHandled = this.dispatch(type, n, a, b, cArg, inc);
      const r: TraceRecord = { timeUs: t, seq, type: EV_NAMES[type]!, node: n >= 0 ? this.nodeId(n) : undefined, isHandled, wasNodeUp };
      if (type === EV.timer) r.timerTag = a;
      else if (type === EV.fault) r.fault = { index: a, phase: b };
      trace(r);
    }
    return done;
  }

  /** Folds one processed event into the trace hash. */
  protected fold(t: number, seq: number, type: number, n: number): void {
    const nh = n >= 0 ? this.nodeHash[n]! : 0;
    const lo = t >>> 0;
    const hi = (t / 4294967296) >>> 0;
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ lo, 0x85ebca6b);
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    h1 = Math.imul(h1 ^ hi ^ (type << 24) ^ nh, 0xcc9e2d51);
    h2 = Math.imul(h2 ^ (seq >>> 0), 0x1b873593);
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), 5) + 0x561ccd1b;
    h2 = Math.imul(h2 ^ nh ^ (type << 28) ^ lo, 0x85ebca6b);
    this.h1 = h1;
    this.h2 = h2;
    this.processed++;
  }

  /**
   * Folds one outcome into the trace hash: the status of an answer a caller took (delivered, or
   * its timeout). Events alone say when things happened, not what they answered: a write accepted
   * and the same write refused for a stale fencing token arrive at the same microsecond.
   */
  protected foldOutcome(status: number): void {
    let h1 = this.h1;
    let h2 = this.h2;
    h1 = Math.imul(h1 ^ (status + 0x3c6ef372), 0xcc9e2d51);
    h1 = (h1 << 15) | (h1 >>> 17);
    h2 = Math.imul(h2 ^ (status + 0x7f4a7c15), 0x85ebca6b);
    h2 = (h2 << 13) | (h2 >>> 19);
    this.h1 = h1;
    this.h2 = h2;
  }

  /**
   * Every processed event (time, sequence, type, node), the status of every answer taken, and the
   * recorder's closed buckets (every counter and gauge the metrics read, cost included): equal
   * hashes, equal runs, as far as what a run shows and grading reads.
   */
  traceHash(): string {
    const hex = (x: number) => fmix32(x >>> 0).toString(16).padStart(8, '0');
    const rec = this.rec;
    return hex(this.h1 ^ this.processed ^ rec.hash1) + hex(this.h2 ^ Math.imul(this.processed, 0x9e3779b1) ^ rec.hash2);
  }
}
