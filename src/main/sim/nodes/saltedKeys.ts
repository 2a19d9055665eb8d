/**
 * Key salting (a client's `hotKeySalt`): the application splits a key it knows is hot into K
 * sub-keys, which land in different partitions. `hotKeySaltFanOut` says who pays:
 * - reads (the classic salt, for a write-hot key): a write goes to one sub-key chosen at random,
 *   so each sub-key holds part of the key's data; a read must ask all K and merge.
 * - writes (copies, for a read-hot key): a write goes to all K copies; a read asks one.
 * The fanned-out operation costs K calls and ends when its slowest part answers (it fails when
 * any part fails after its retries). Each owner holding a sub-key sees every fanned-out call, so
 * salting a key only spreads the operation that goes to one sub-key.
 */

/** Sub-key i of a key; sub-key 0 is the key itself. Beyond the largest key count (10 M), so no sub-key is another real key. */
export const subKey = (key: number, i: number): number => (i === 0 ? key : key + i * 10_000_019);

export interface SaltGroup {
  /** Parts not answered yet. */
  remaining: number;
  /** The first failure of a part (0: all answered ok so far). */
  status: number;
  t0Us: number;
}

/** The fan-outs of one client in flight: which call is a part of which logical request. */
export class SaltedKeys {
  /** call index → [gen, group]: a call index is reused, so its generation says it is still the same call. */
  private readonly parts = new Map<number, { gen: number; group: SaltGroup }>();

  constructor(readonly count: number) {}

  /** Starts a logical read of `count` parts; `register` each part's call. */
  open(t0Us: number): SaltGroup {
    return { remaining: this.count, status: 0, t0Us };
  }

  register(c: number, gen: number, group: SaltGroup): void {
    this.parts.set(c, { gen, group });
  }

  /** A part is retried as call `next`: it stays a part of the same read. */
  moved(c: number, gen: number, next: number, nextGen: number): void {
    const p = this.parts.get(c);
    if (p === undefined || p.gen !== gen) return;
    this.parts.delete(c);
    this.parts.set(next, { gen: nextGen, group: p.group });
  }

  /**
   * Call `c` ended with `status` (no more retries). undefined: it is no part of a fan-out read (it
   * ends its own request); null: other parts are still out; else the read's outcome and start.
   */
  ended(c: number, gen: number, status: number): SaltGroup | null | undefined {
    const p = this.parts.get(c);
    if (p === undefined || p.gen !== gen) return undefined;
    this.parts.delete(c);
    const g = p.group;
    if (g.status === 0 && status !== 0) g.status = status;
    g.remaining--;
    return g.remaining > 0 ? null : g;
  }

  /** The client crashed: its open reads ended with it. */
  reset(): void {
    this.parts.clear();
  }
}
