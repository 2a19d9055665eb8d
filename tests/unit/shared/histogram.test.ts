import { describe, expect, it } from 'vitest';
import { HISTOGRAM_SIZE, Histogram, bucketOf } from '../../../src/shared/metrics/histogram';
import { Rng } from '../../../src/main/sim/rng';

/** What takeSparse must return: every non-zero count, index ascending, from a plain count of bucket indices. */
function expectedSparse(values: number[]): number[] | null {
  if (values.length === 0) return null;
  const counts = new Map<number, number>();
  for (const v of values) counts.set(bucketOf(v), (counts.get(bucketOf(v)) ?? 0) + 1);
  return [...counts].sort((a, b) => a[0] - b[0]).flat();
}

describe('Histogram.takeSparse', () => {
  it('returns every recorded count by ascending index and clears, bucket after bucket', () => {
    const rng = new Rng(11);
    const h = new Histogram();
    for (let bucket = 0; bucket < 200; bucket++) {
      // Some buckets empty, some with one value, some spread over the whole range (bits 0 and 31 of a word included).
      const n = bucket % 7 === 0 ? 0 : bucket % 5 === 0 ? 1 : rng.int(400);
      const values: number[] = [];
      for (let k = 0; k < n; k++) {
        const r = rng.next();
        values.push(r < 0.3 ? rng.int(128) : r < 0.9 ? Math.floor(rng.exp(20_000)) : rng.int(0xffffffff));
      }
      if (bucket % 11 === 0) values.push(0, 31, 32, 63, 4_000_000_000);
      for (const v of values) h.record(v);
      expect(h.takeSparse()).toEqual(expectedSparse(values));
      expect(h.counts.every((c) => c === 0)).toBe(true);
    }
  });

  it('takes the last index of the table', () => {
    const h = new Histogram();
    h.record(2 ** 40);
    h.record(2 ** 40);
    expect(h.takeSparse()).toEqual([HISTOGRAM_SIZE - 1, 2]);
    expect(h.takeSparse()).toBeNull();
  });
});
