/**
 * A cache in front of a tier (a balancer's request edge to a cache: a caching reverse proxy, as
 * nginx's proxy_cache or Varnish). A read is looked up by its key first: a hit is answered by the
 * cache and never reaches an owner, so a hot key's reads stop piling onto its owner; a miss (or
 * a cache that is down) goes on to the target the balancer's policy picks, and a good answer
 * fills the cache. Writes are not cached and do not invalidate: a hit serves what was filled,
 * even when the key was written since, until its TTL ends. That is the price, counted as
 * staleReads at the cache (CacheNode.noteWrite). Messages on long-lived connections bypass it.
 */
import { FLAG_ONE_WAY, OP, STATUS } from '../calls';
import type { Sim, SimEdge, SimNode } from '../engine';
import type { CacheNode } from './cache';

/** The balancer asked its cache about this call already (its stage: the balancer's own field for a call it serves). */
const LOOKED_UP = 1;

export class FrontCache {
  constructor(
    private readonly sim: Sim,
    private readonly lb: SimNode,
    private readonly edge: SimEdge,
  ) {}

  private get cache(): CacheNode {
    return this.sim.nodes[this.edge.to] as CacheNode;
  }

  /** A read not looked up yet goes to the cache first (true: sent there). */
  lookup(c: number, isPinned: boolean): boolean {
    const calls = this.sim.calls;
    if (isPinned || calls.op[c] !== OP.read || calls.stage[c] === LOOKED_UP) return false;
    calls.stage[c] = LOOKED_UP;
    const child = this.sim.newCall(this.lb, this.edge, OP.read);
    calls.parent[child] = c;
    calls.parentGen[child] = calls.gen[c]!;
    calls.key[child] = calls.key[c]!;
    calls.flags[child] = 0;
    this.sim.sendRequest(child);
    return true;
  }

  /**
   * The answer to `child`, if it is the cache's (true: handled): a hit answers the read; anything
   * else (a miss, a cache down or timed out) sends it on with `forward`.
   */
  answered(child: number, forward: (c: number) => void): boolean {
    const sim = this.sim;
    const calls = sim.calls;
    if (calls.to[child] !== this.edge.to) return false;
    const parent = calls.parent[child]!;
    const status = calls.status[child]!;
    const isMine = calls.isServedBy(parent, calls.parentGen[child]!, this.lb.idx);
    calls.releaseByCaller(child);
    if (!isMine) return true;
    if (status === STATUS.ok) sim.reply(this.lb, parent, STATUS.ok);
    else forward(parent);
    return true;
  }

  /** A target answered `c` with `status`: a looked-up read fills the cache; an acknowledged write makes cached copies stale. */
  served(c: number, status: number): void {
    if (status !== STATUS.ok) return;
    const calls = this.sim.calls;
    const key = calls.key[c]!;
    if (calls.op[c] === OP.write) {
      this.cache.noteWrite(key);
      return;
    }
    if (calls.stage[c] !== LOOKED_UP) return;
    const fill = this.sim.newCall(this.lb, this.edge, OP.fill);
    calls.key[fill] = key;
    calls.flags[fill] = FLAG_ONE_WAY;
    this.sim.sendRequest(fill);
  }
}
