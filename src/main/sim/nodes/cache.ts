/**
 * A Redis/Memcached-like cache: LRU (lru.ts: a Map's delete-and-set recency order, without a Map), a
 * TTL per entry, empty after a restart or a flush. With an edge to a database it reads through
 * on a miss; without one it answers "miss" and the service goes to the database itself. A key a
 * rebalance moved to another owner misses (its entries were filled for the old owner). Behind a
 * balancer it caches a tier's reads (frontCache.ts) and counts the hits that served an old value.
 */
import type { CacheProps } from '../../../shared/nodeProps';
import { FLAG_COLD, OP, STATUS } from '../calls';
import { SimNode, type Sim, type SimEdge } from '../engine';
import { C } from '../metrics/recorder';
import { LruMap } from '../lru';
import type { Rng } from '../rng';

export class CacheNode extends SimNode {
  /** key → expiry (µs); iteration order is least recently used first. */
  private readonly entries = new LruMap();
  private dbEdge: SimEdge | undefined;
  private readonly latUs: number;
  private readonly ttlUs: number;
  /** Keys written (acknowledged behind a balancer that caches here, frontCache.ts) while cached: key → when. */
  private readonly writtenUs = new Map<number, number>();

  constructor(
    sim: Sim,
    idx: number,
    id: string,
    rng: Rng,
    readonly props: CacheProps,
  ) {
    super(sim, idx, id, 'cache', rng);
    this.latUs = Math.round(props.latencyMs * 1000);
    this.ttlUs = props.ttlMs * 1000;
    this.timeoutUs = Math.round(props.callTimeoutMs * 1000);
  }

  override start(): void {
    this.dbEdge = this.edgeTo('database');
  }

  override onRequest(c: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const key = calls.key[c]!;
    const op = calls.op[c]!;
    if (op === OP.fill) {
      this.insert(key);
      return;
    }
    if (op !== OP.read) {
      sim.reply(this, c, STATUS.ok, this.latUs * this.serviceFactor);
      return;
    }
    const exp = this.entries.get(key);
    // A key that moved to another owner was never cached for it (FLAG_COLD): a cold miss.
    const isCold = (calls.flags[c]! & FLAG_COLD) !== 0;
    if (exp !== undefined && exp > sim.nowUs && !isCold) {
      sim.rec.add(this.idx, C.cacheHits, 1);
      // Filled (its expiry less the TTL) before the key's last write: an old value.
      const written = this.writtenUs.get(key);
      if (written !== undefined && written > exp - this.ttlUs) sim.rec.add(this.idx, C.staleReads, 1);
      this.entries.set(key, exp);
      sim.reply(this, c, STATUS.ok, this.latUs * this.serviceFactor);
      return;
    }
    sim.rec.add(this.idx, C.cacheMisses, 1);
    if (exp !== undefined) this.entries.delete(key);
    if (this.dbEdge === undefined) {
      sim.reply(this, c, STATUS.miss, this.latUs * this.serviceFactor);
      return;
    }
    const child = sim.newCall(this, this.dbEdge, OP.read, sim.model.databaseLeader(this.dbEdge.to));
    calls.parent[child] = c;
    calls.parentGen[child] = calls.gen[c]!;
    calls.key[child] = key;
    sim.sendRequest(child, this.latUs);
  }

  override onResponse(child: number): void {
    const sim = this.sim;
    const calls = sim.calls;
    const parent = calls.parent[child]!;
    const status = calls.status[child]!;
    calls.releaseByCaller(child);
    if (!calls.isServedBy(parent, calls.parentGen[child]!, this.idx)) return;
    if (status === STATUS.ok) this.insert(calls.key[parent]!);
    sim.reply(this, parent, status);
  }

  /** A write of `key` was acknowledged: a cached copy of it is old from now on (counted, not invalidated). */
  noteWrite(key: number): void {
    if (this.entries.has(key)) this.writtenUs.set(key, this.sim.nowUs);
  }

  private insert(key: number): void {
    this.writtenUs.delete(key);
    this.entries.set(key, this.sim.nowUs + this.ttlUs);
    if (this.entries.size > this.props.capacity) {
      const oldest = this.entries.oldestKey();
      if (oldest !== undefined) this.entries.delete(oldest);
    }
  }

  /** cache-flush, or the memory of a crashed cache: every entry gone. */
  flush(): void {
    this.entries.clear();
    this.writtenUs.clear();
  }

  override onCrash(): void {
    this.flush();
  }
}
