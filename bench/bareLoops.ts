/**
 * Bare hand-written event loops of the two benchmark models: the same arrivals, service times,
 * hops and cache, with nothing but a typed-array heap. They are the yardstick for the
 * simulator's overhead (metrics, faults, generality), not a second simulator.
 */
import { Histogram } from '../src/shared/metrics/histogram';
import { partitionOf } from '../src/main/sim/hashing';
import { LruMap } from '../src/main/sim/lru';
import { Rng, ZipfSampler } from '../src/main/sim/rng';

class Heap {
  t = new Float64Array(1 << 16);
  s = new Float64Array(1 << 16);
  kind = new Int32Array(1 << 16);
  req = new Int32Array(1 << 16);
  n = 0;
  seq = 0;
  push(t: number, kind: number, req: number): void {
    if (this.n === this.t.length) this.grow();
    let i = this.n++;
    const sq = this.seq++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.t[p]! < t || (this.t[p] === t && this.s[p]! < sq)) break;
      this.t[i] = this.t[p]!;
      this.s[i] = this.s[p]!;
      this.kind[i] = this.kind[p]!;
      this.req[i] = this.req[p]!;
      i = p;
    }
    this.t[i] = t;
    this.s[i] = sq;
    this.kind[i] = kind;
    this.req[i] = req;
  }
  /** Pops into the `top*` fields. */
  topT = 0;
  topKind = 0;
  topReq = 0;
  pop(): void {
    this.topT = this.t[0]!;
    this.topKind = this.kind[0]!;
    this.topReq = this.req[0]!;
    const n = --this.n;
    const t = this.t[n]!;
    const s = this.s[n]!;
    const k = this.kind[n]!;
    const r = this.req[n]!;
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && (this.t[c + 1]! < this.t[c]! || (this.t[c + 1] === this.t[c] && this.s[c + 1]! < this.s[c]!))) c++;
      if (t < this.t[c]! || (t === this.t[c] && s < this.s[c]!)) break;
      this.t[i] = this.t[c]!;
      this.s[i] = this.s[c]!;
      this.kind[i] = this.kind[c]!;
      this.req[i] = this.req[c]!;
      i = c;
    }
    this.t[i] = t;
    this.s[i] = s;
    this.kind[i] = k;
    this.req[i] = r;
  }
  private grow(): void {
    const g = <T extends Float64Array | Int32Array>(a: T, make: (n: number) => T) => {
      const b = make(a.length * 2);
      b.set(a);
      return b;
    };
    this.t = g(this.t, (n) => new Float64Array(n));
    this.s = g(this.s, (n) => new Float64Array(n));
    this.kind = g(this.kind, (n) => new Int32Array(n));
    this.req = g(this.req, (n) => new Int32Array(n));
  }
}

/** M/M/c: returns completed requests and the mean queueing delay (ms). */
export function bareMmc(c: number, utilisation: number, serviceMs: number, requests: number, seed: number): { done: number; meanWaitMs: number } {
  const rngA = new Rng(seed);
  const rngS = new Rng(seed ^ 0x5bd1e995);
  const meanGapUs = (serviceMs * 1000) / (utilisation * c);
  const serviceUs = serviceMs * 1000;
  const heap = new Heap();
  const arrivedAt = new Float64Array(requests);
  const queue = new Int32Array(requests);
  let qHead = 0;
  let qTail = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let waitSum = 0;
  heap.push(Math.round(rngA.exp(meanGapUs)), 0, 0);
  while (heap.n > 0) {
    heap.pop();
    const now = heap.topT;
    if (heap.topKind === 0) {
      const r = issued++;
      arrivedAt[r] = now;
      if (issued < requests) heap.push(now + Math.max(1, Math.round(rngA.exp(meanGapUs))), 0, 0);
      if (busy < c) {
        busy++;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, r);
      } else queue[qTail++] = r;
    } else {
      done++;
      if (qHead < qTail) {
        const r = queue[qHead++]!;
        waitSum += now - arrivedAt[r]!;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, r);
      } else busy--;
    }
  }
  return { done, meanWaitMs: waitSum / done / 1000 };
}

const K_ARRIVE = 0;
const K_AT_LB = 1;
const K_AT_API = 2;
const K_API_DONE = 3;
const K_AT_CACHE = 4;
const K_AT_DB = 5;
const K_DB_DONE = 6;
const K_BACK_CACHE = 7;
const K_BACK_API = 8;
const K_BACK_LB = 9;
const K_BACK_CLIENT = 10;

/** client → lb → service → cache (read-through) → database, hop latencies as in bench/models.ts. */
export function bareTier(rps: number, requests: number, seed: number): { done: number; hitRatio: number } {
  const rng = new Rng(seed);
  const zipf = new ZipfSampler(100_000, 1);
  const heap = new Heap();
  const cap = 1 << 20;
  const key = new Int32Array(cap);
  const start = new Float64Array(cap);
  const apiQueue: number[] = [];
  const dbQueue: number[] = [];
  // The same LRU structure as the simulator's cache node (a JS Map under delete-then-set is ~1 µs a touch in V8).
  const cache = new LruMap();
  let apiBusy = 0;
  let dbBusy = 0;
  let issued = 0;
  let done = 0;
  let hits = 0;
  let misses = 0;
  const meanGapUs = 1e6 / rps;
  heap.push(1, K_ARRIVE, 0);
  while (heap.n > 0) {
    heap.pop();
    const now = heap.topT;
    const r = heap.topReq;
    switch (heap.topKind) {
      case K_ARRIVE: {
        const id = issued++ & (cap - 1);
        key[id] = zipf.sample(rng);
        start[id] = now;
        if (issued < requests) heap.push(now + Math.max(1, Math.round(rng.exp(meanGapUs))), K_ARRIVE, 0);
        heap.push(now + 1000, K_AT_LB, id);
        break;
      }
      case K_AT_LB:
        heap.push(now + 200, K_AT_API, r);
        break;
      case K_AT_API:
        if (apiBusy < 64) {
          apiBusy++;
          heap.push(now + Math.round(rng.exp(1000)), K_API_DONE, r);
        } else apiQueue.push(r);
        break;
      case K_API_DONE:
        heap.push(now + 200, K_AT_CACHE, r);
        break;
      case K_AT_CACHE: {
        const k = key[r]!;
        const exp = cache.get(k);
        if (exp !== undefined && exp > now) {
          hits++;
          cache.set(k, exp);
          heap.push(now + 200 + 200, K_BACK_API, r);
        } else {
          misses++;
          heap.push(now + 200 + 500, K_AT_DB, r);
        }
        break;
      }
      case K_AT_DB:
        if (dbBusy < 200) {
          dbBusy++;
          heap.push(now + 2000, K_DB_DONE, r);
        } else dbQueue.push(r);
        break;
      case K_DB_DONE:
        heap.push(now + 500, K_BACK_CACHE, r);
        if (dbQueue.length > 0) heap.push(now + 2000, K_DB_DONE, dbQueue.shift()!);
        else dbBusy--;
        break;
      case K_BACK_CACHE: {
        const k = key[r]!;
        cache.set(k, now + 600_000_000);
        if (cache.size > 20_000) cache.delete(cache.oldestKey()!);
        heap.push(now + 200, K_BACK_API, r);
        break;
      }
      case K_BACK_API:
        heap.push(now + 200, K_BACK_LB, r);
        if (apiQueue.length > 0) heap.push(now + Math.round(rng.exp(1000)), K_API_DONE, apiQueue.shift()!);
        else apiBusy--;
        break;
      case K_BACK_LB:
        heap.push(now + 1000, K_BACK_CLIENT, r);
        break;
      case K_BACK_CLIENT:
        done++;
        break;
    }
  }
  return { done, hitRatio: hits / (hits + misses) };
}

interface Ev {
  t: number;
  seq: number;
  kind: number;
  req: number;
}

/** A binary heap of plain event objects: how a simulator is usually written by hand. */
class ObjectHeap {
  private readonly items: Ev[] = [];
  private seq = 0;
  get size(): number {
    return this.items.length;
  }
  push(t: number, kind: number, req: number): void {
    const items = this.items;
    const e: Ev = { t, seq: this.seq++, kind, req };
    let i = items.length;
    items.push(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      const pe = items[p]!;
      if (pe.t < t || (pe.t === t && pe.seq < e.seq)) break;
      items[i] = pe;
      i = p;
    }
    items[i] = e;
  }
  pop(): Ev {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    const n = items.length;
    if (n > 0) {
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= n) break;
        if (c + 1 < n && (items[c + 1]!.t < items[c]!.t || (items[c + 1]!.t === items[c]!.t && items[c + 1]!.seq < items[c]!.seq))) c++;
        const ce = items[c]!;
        if (last.t < ce.t || (last.t === ce.t && last.seq < ce.seq)) break;
        items[i] = ce;
        i = c;
      }
      items[i] = last;
    }
    return top;
  }
}

/** M/M/c as bareMmc, with plain event objects in an array heap instead of typed arrays. */
export function bareMmcObjects(c: number, utilisation: number, serviceMs: number, requests: number, seed: number): { done: number; meanWaitMs: number } {
  const rngA = new Rng(seed);
  const rngS = new Rng(seed ^ 0x5bd1e995);
  const meanGapUs = (serviceMs * 1000) / (utilisation * c);
  const serviceUs = serviceMs * 1000;
  const heap = new ObjectHeap();
  const queue: number[] = [];
  let qHead = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let waitSum = 0;
  heap.push(Math.round(rngA.exp(meanGapUs)), 0, 0);
  while (heap.size > 0) {
    const e = heap.pop();
    const now = e.t;
    if (e.kind === 0) {
      issued++;
      if (issued < requests) heap.push(now + Math.max(1, Math.round(rngA.exp(meanGapUs))), 0, 0);
      if (busy < c) {
        busy++;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, now);
      } else queue.push(now);
    } else {
      done++;
      if (qHead < queue.length) {
        waitSum += now - queue[qHead++]!;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, 0);
      } else busy--;
    }
  }
  return { done, meanWaitMs: waitSum / done / 1000 };
}

/** Folds one event into a two-word trace hash, as the simulator's loop does (loop.ts fold). */
function foldInto(h: Int32Array, t: number, seq: number, type: number, nh: number): void {
  const lo = t >>> 0;
  const hi = (t / 4294967296) >>> 0;
  let h1 = h[0]!;
  let h2 = h[1]!;
  h1 = Math.imul(h1 ^ lo, 0x85ebca6b);
  h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
  h1 = Math.imul(h1 ^ hi ^ (type << 24) ^ nh, 0xcc9e2d51);
  h2 = Math.imul(h2 ^ (seq >>> 0), 0x1b873593);
  h2 = Math.imul((h2 << 15) | (h2 >>> 17), 5) + 0x561ccd1b;
  h2 = Math.imul(h2 ^ nh ^ (type << 28) ^ lo, 0x85ebca6b);
  h[0] = h1;
  h[1] = h2;
}

/** Folds the status of an answer a caller takes into the hash, as the simulator does (loop.ts foldOutcome). */
function foldStatusInto(h: Int32Array, status: number): void {
  let h1 = h[0]!;
  let h2 = h[1]!;
  h1 = Math.imul(h1 ^ (status + 0x3c6ef372), 0xcc9e2d51);
  h1 = (h1 << 15) | (h1 >>> 17);
  h2 = Math.imul(h2 ^ (status + 0x7f4a7c15), 0x85ebca6b);
  h2 = (h2 << 13) | (h2 >>> 19);
  h[0] = h1;
  h[1] = h2;
}

/**
 * The per-request work StateLab's M/M/4 model does that the queueing model does not need: three
 * more draws (user, read or write, key) with the key's partition counted, four events folded into
 * a trace hash (the two heap events and the two zero-delay deliveries) with the status of the answer
 * the client takes, the client's and the
 * service's counters, and a latency histogram at each. No call records, links, timeouts, node
 * dispatch or time buckets. One class serves both bound loops, so they differ only in their heap.
 */
class ModelWork {
  private readonly hash = new Int32Array(2);
  // Counters of the client (0..3) and the service (4..10); partitions; one histogram each.
  private readonly cur = new Float64Array(16);
  private readonly partitions = new Float64Array(64);
  private readonly clientHist = new Histogram();
  private readonly serviceHist = new Histogram();
  private seq = 0;

  /** Any event taken off the heap. */
  event(now: number): void {
    foldInto(this.hash, now, this.seq++, 3, 0x1234);
  }

  /** A request arrives: its draws come from the arrival stream, as StateLab's client draws from its own. */
  arrival(now: number, rngA: Rng, isServed: boolean): void {
    const cur = this.cur;
    const user = rngA.int(1000);
    const isRead = rngA.next() < 1;
    const key = rngA.int(10_000);
    this.partitions[partitionOf(key, 64)]! += 1;
    cur[0]! += 1;
    cur[1]! += user >= 0 && isRead ? 1 : 0;
    foldInto(this.hash, now, this.seq++, 1, 0x5678);
    cur[4]! += 1;
    if (isServed) cur[6]! += 1;
  }

  /** A request completes after `serviceUsed` µs at the service. */
  completion(now: number, serviceUsed: number): void {
    const cur = this.cur;
    cur[7]! += 1;
    cur[8]! += serviceUsed;
    if (serviceUsed > cur[9]!) cur[9] = serviceUsed;
    this.serviceHist.record(serviceUsed);
    foldInto(this.hash, now, this.seq++, 2, 0x9abc);
    foldStatusInto(this.hash, 0);
    cur[2]! += 1;
    cur[3]! += serviceUsed;
    if (serviceUsed > cur[10]!) cur[10] = serviceUsed;
    this.clientHist.record(serviceUsed);
  }

  /** A queued request starts after waiting `waitUs`. */
  dequeued(waitUs: number): void {
    this.cur[5]! += waitUs;
    this.cur[6]! += 1;
  }

  /** Keeps the work observable, so the compiler cannot drop it. */
  check(): void {
    if (this.hash[0] === 0 && this.hash[1] === 0 && this.cur[0] === 0 && this.partitions[0] === -1) throw new Error('unreachable');
  }
}

/**
 * Not a yardstick of its own but a bound on one: bareMmcObjects plus ModelWork. A simulator with
 * call records, links, timeouts, dispatch and time buckets cannot run faster than this loop on a
 * plain-object heap. Its extra draws come from the arrival stream, so its arrivals (and its mean
 * wait) differ from bareMmcObjects': another sample path of the same queue.
 */
export function bareMmcWithModelWork(c: number, utilisation: number, serviceMs: number, requests: number, seed: number): { done: number; meanWaitMs: number } {
  const rngA = new Rng(seed);
  const rngS = new Rng(seed ^ 0x5bd1e995);
  const meanGapUs = (serviceMs * 1000) / (utilisation * c);
  const serviceUs = serviceMs * 1000;
  const heap = new ObjectHeap();
  const work = new ModelWork();
  const queue: number[] = [];
  let qHead = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let waitSum = 0;
  heap.push(Math.round(rngA.exp(meanGapUs)), 0, 0);
  while (heap.size > 0) {
    const e = heap.pop();
    const now = e.t;
    work.event(now);
    if (e.kind === 0) {
      issued++;
      if (issued < requests) heap.push(now + Math.max(1, Math.round(rngA.exp(meanGapUs))), 0, 0);
      work.arrival(now, rngA, busy < c);
      if (busy < c) {
        busy++;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, now);
      } else queue.push(now);
    } else {
      done++;
      work.completion(now, now - e.req);
      if (qHead < queue.length) {
        const arrived = queue[qHead++]!;
        waitSum += now - arrived;
        work.dequeued(now - arrived);
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, arrived);
      } else busy--;
    }
  }
  work.check();
  return { done, meanWaitMs: waitSum / done / 1000 };
}

/** The same bound on the typed-array heap StateLab itself uses: the fastest a simulator of this model could be. */
export function bareMmcWithModelWorkTyped(c: number, utilisation: number, serviceMs: number, requests: number, seed: number): { done: number; meanWaitMs: number } {
  const rngA = new Rng(seed);
  const rngS = new Rng(seed ^ 0x5bd1e995);
  const meanGapUs = (serviceMs * 1000) / (utilisation * c);
  const serviceUs = serviceMs * 1000;
  const heap = new Heap();
  const work = new ModelWork();
  const arrivedAt = new Float64Array(requests);
  const queue = new Int32Array(requests);
  let qHead = 0;
  let qTail = 0;
  let busy = 0;
  let issued = 0;
  let done = 0;
  let waitSum = 0;
  heap.push(Math.round(rngA.exp(meanGapUs)), 0, 0);
  while (heap.n > 0) {
    heap.pop();
    const now = heap.topT;
    work.event(now);
    if (heap.topKind === 0) {
      const r = issued++;
      arrivedAt[r] = now;
      if (issued < requests) heap.push(now + Math.max(1, Math.round(rngA.exp(meanGapUs))), 0, 0);
      work.arrival(now, rngA, busy < c);
      if (busy < c) {
        busy++;
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, r);
      } else queue[qTail++] = r;
    } else {
      done++;
      work.completion(now, now - arrivedAt[heap.topReq]!);
      if (qHead < qTail) {
        const r = queue[qHead++]!;
        waitSum += now - arrivedAt[r]!;
        work.dequeued(now - arrivedAt[r]!);
        heap.push(now + Math.round(rngS.exp(serviceUs)), 1, r);
      } else busy--;
    }
  }
  work.check();
  return { done, meanWaitMs: waitSum / done / 1000 };
}
