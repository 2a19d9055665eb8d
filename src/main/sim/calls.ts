/**
 * Calls: one request from a caller node to a callee node and its eventual answer. Pooled in
 * typed arrays (a run makes millions) and reference-counted: the caller holds a call until it is
 * answered or times out, the callee from delivery until it replies, and the slot is reused only
 * when both let go. Every message and timer that names a call also carries its generation, so a
 * late answer to a reused slot is recognised and ignored.
 */

import { FAILURE_REASON_KEYS, type FailureReason } from '../../shared/failureReasons';

/** Status code → the failure reason it stands for (undefined: ok or a cache miss). */
export const STATUS_REASON: readonly (FailureReason | undefined)[] = [undefined, ...FAILURE_REASON_KEYS, undefined];

/**
 * Outcome codes carried by an answer: 0 is ok, each failure reason of shared/failureReasons.ts gets
 * 1 + its index, and the last code is a cache-aside miss (not an error: the caller goes to the database).
 */
export const STATUS = Object.fromEntries(STATUS_REASON.map((reason, code) => [reason ?? (code === 0 ? 'ok' : 'miss'), code])) as Readonly<Record<'ok' | FailureReason | 'miss', number>>;

/** What a call asks for. */
export const OP = { read: 0, write: 1, sessionGet: 2, sessionPut: 3, lease: 4, fill: 5, replicate: 6, refresh: 7, connect: 8 } as const;

export const FLAG_LOGIN = 1;
export const FLAG_ONE_WAY = 2;
/** Routed to its target by its key (a key-hashing or partition-aware balancer): the target is the key's owner. */
export const FLAG_KEY_ROUTED = 4;
/** The key's owner changed since the balancer last sent it (a rebalance moved it): the new owner must load it. */
export const FLAG_COLD = 8;
/** Forwarded by a non-owner to the owner: it is not forwarded again. */
export const FLAG_FORWARDED = 16;
/**
 * Issued, its timeout running, but held back at its caller (a client's message waiting for its
 * user's login or connection): not sent yet. Its timeout firing means it gave up waiting.
 */
export const FLAG_HELD_BACK = 32;
/** A connection that existed before the run (t = 0): accepted without a handshake's work. */
export const FLAG_WARM_CONNECT = 64;
/** A read a partition-aware balancer sent to a replica of the key's owner: served from the replica. */
export const FLAG_REPLICA_READ = 128;
const HELD_BY_CALLER = 1;
export const HELD_BY_CALLEE = 2;

export class CallPool {
  gen: Int32Array;
  held: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  edge: Int32Array;
  parent: Int32Array;
  parentGen: Int32Array;
  op: Uint8Array;
  flags: Uint8Array;
  status: Uint8Array;
  stage: Uint8Array;
  attempt: Uint8Array;
  key: Int32Array;
  user: Int32Array;
  session: Int32Array;
  epoch: Int32Array;
  /** Logical request start (client) — kept across retries for end-to-end latency. */
  t0Us: Float64Array;
  /** When the callee received it, for its own latency and queue wait. */
  arriveUs: Float64Array;
  private free: Int32Array;
  private freeCount = 0;
  /** Slots ever used; crash handling scans [0, highWater). */
  highWater = 0;
  live = 0;
  /** Per node index: calls it holds as callee (being served), the inFlight gauge. */
  servedBy = new Int32Array(16);

  constructor(capacity = 4096) {
    this.gen = new Int32Array(capacity);
    this.held = new Uint8Array(capacity);
    this.from = new Int32Array(capacity);
    this.to = new Int32Array(capacity);
    this.edge = new Int32Array(capacity);
    this.parent = new Int32Array(capacity);
    this.parentGen = new Int32Array(capacity);
    this.op = new Uint8Array(capacity);
    this.flags = new Uint8Array(capacity);
    this.status = new Uint8Array(capacity);
    this.stage = new Uint8Array(capacity);
    this.attempt = new Uint8Array(capacity);
    this.key = new Int32Array(capacity);
    this.user = new Int32Array(capacity);
    this.session = new Int32Array(capacity);
    this.epoch = new Int32Array(capacity);
    this.t0Us = new Float64Array(capacity);
    this.arriveUs = new Float64Array(capacity);
    this.free = new Int32Array(capacity);
  }

  /** A new call held by its caller. Fields not passed are reset. */
  alloc(from: number, to: number, edge: number, op: number): number {
    let c: number;
    if (this.freeCount > 0) c = this.free[--this.freeCount]!;
    else {
      if (this.highWater === this.gen.length) this.grow();
      c = this.highWater++;
    }
    this.live++;
    this.held[c] = HELD_BY_CALLER;
    this.from[c] = from;
    this.to[c] = to;
    this.edge[c] = edge;
    this.op[c] = op;
    this.parent[c] = -1;
    this.parentGen[c] = 0;
    this.flags[c] = 0;
    this.status[c] = 0;
    this.stage[c] = 0;
    this.attempt[c] = 0;
    this.key[c] = 0;
    this.user[c] = -1;
    this.session[c] = 0;
    this.epoch[c] = 0;
    return c;
  }

  isValid(c: number, gen: number): boolean {
    return this.gen[c] === gen && this.held[c] !== 0;
  }

  isHeldByCaller(c: number): boolean {
    return (this.held[c]! & HELD_BY_CALLER) !== 0;
  }

  isHeldByCallee(c: number): boolean {
    return (this.held[c]! & HELD_BY_CALLEE) !== 0;
  }

  /** Whether `c` (of generation `gen`) is still being served by node `node`: a child's answer can resume it. */
  isServedBy(c: number, gen: number, node: number): boolean {
    return this.gen[c] === gen && (this.held[c]! & HELD_BY_CALLEE) !== 0 && this.to[c] === node;
  }

  takeByCallee(c: number): void {
    if ((this.held[c]! & HELD_BY_CALLEE) !== 0) return;
    this.held[c]! |= HELD_BY_CALLEE;
    const to = this.to[c]!;
    if (to >= this.servedBy.length) {
      const next = new Int32Array(Math.max(to + 1, this.servedBy.length * 2));
      next.set(this.servedBy);
      this.servedBy = next;
    }
    this.servedBy[to]!++;
  }

  /** The caller is done with it (answered, timed out, or the caller died). */
  releaseByCaller(c: number): void {
    this.release(c, HELD_BY_CALLER);
  }

  /** The callee is done with it (replied, or the callee died). */
  releaseByCallee(c: number): void {
    this.release(c, HELD_BY_CALLEE);
  }

  private release(c: number, bit: number): void {
    const h = this.held[c]!;
    if ((h & bit) === 0) throw new Error(`call ${c} released twice`);
    const rest = h & ~bit;
    this.held[c] = rest;
    if (bit === HELD_BY_CALLEE) this.servedBy[this.to[c]!]!--;
    if (rest === 0) {
      this.gen[c] = (this.gen[c]! + 1) | 0;
      this.free[this.freeCount++] = c;
      this.live--;
    }
  }

  private grow(): void {
    const n = this.gen.length * 2;
    const i32 = (a: Int32Array) => {
      const x = new Int32Array(n);
      x.set(a);
      return x;
    };
    const u8 = (a: Uint8Array) => {
      const x = new Uint8Array(n);
      x.set(a);
      return x;
    };
    const f64 = (a: Float64Array) => {
      const x = new Float64Array(n);
      x.set(a);
      return x;
    };
    this.gen = i32(this.gen);
    this.held = u8(this.held);
    this.from = i32(this.from);
    this.to = i32(this.to);
    this.edge = i32(this.edge);
    this.parent = i32(this.parent);
    this.parentGen = i32(this.parentGen);
    this.op = u8(this.op);
    this.flags = u8(this.flags);
    this.status = u8(this.status);
    this.stage = u8(this.stage);
    this.attempt = u8(this.attempt);
    this.key = i32(this.key);
    this.user = i32(this.user);
    this.session = i32(this.session);
    this.epoch = i32(this.epoch);
    this.t0Us = f64(this.t0Us);
    this.arriveUs = f64(this.arriveUs);
    this.free = i32(this.free);
  }
}
