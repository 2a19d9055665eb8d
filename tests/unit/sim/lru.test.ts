import { describe, expect, it } from 'vitest';
import { LruMap } from '../../../src/main/sim/lru';
import { Rng } from '../../../src/main/sim/rng';

/** The behaviour LruMap replaces: a Map where every touch is delete-then-set (oldest first). */
class MapLru {
  readonly m = new Map<number, number>();
  set(k: number, v: number): void {
    this.m.delete(k);
    this.m.set(k, v);
  }
  oldestKey(): number | undefined {
    const it = this.m.keys().next();
    return it.done === true ? undefined : it.value;
  }
}

describe('LruMap', () => {
  it('keeps the same entries, values and recency order as a Map under random gets, sets, deletes, evictions and clears', () => {
    for (const [keySpace, capacity] of [
      [50, 10],
      [5000, 300],
      [200, 1000],
    ] as const) {
      const rng = new Rng(keySpace);
      const lru = new LruMap(4);
      const ref = new MapLru();
      for (let step = 0; step < 40_000; step++) {
        const k = rng.int(keySpace) - (keySpace >> 3); // some negative keys too
        const r = rng.next();
        if (r < 0.45) expect(lru.get(k)).toBe(ref.m.get(k));
        else if (r < 0.85) {
          lru.set(k, step);
          ref.set(k, step);
          if (lru.size > capacity) {
            const oldest = ref.oldestKey()!;
            expect(lru.oldestKey()).toBe(oldest);
            lru.delete(oldest);
            ref.m.delete(oldest);
          }
        } else if (r < 0.9999) expect(lru.delete(k)).toBe(ref.m.delete(k));
        else {
          lru.clear();
          ref.m.clear();
        }
        expect(lru.size).toBe(ref.m.size);
      }
      // Draining oldest-first gives the Map's iteration order.
      const order: number[] = [];
      for (let k = lru.oldestKey(); k !== undefined; k = lru.oldestKey()) {
        expect(lru.get(k)).toBe(ref.m.get(k));
        order.push(k);
        lru.delete(k);
      }
      expect(order).toEqual([...ref.m.keys()]);
      expect(lru.has(order[0] ?? 0)).toBe(false);
    }
  });
});
