/**
 * Log-linear histogram of integer microseconds (HdrHistogram's layout with 64 sub-buckets per
 * power of two): values below 128 are exact, above that the relative error is at most 1/64, and
 * the table is 1,728 counters whatever the request count, so a run's memory never grows with it.
 * Hand-written because the npm HdrHistogram ports carry WASM/encoding baggage we do not need and
 * we must control the exact bucket layout (it is stored in run results).
 */
import type { SparseHistogram } from '../metrics';

const SUB_BITS = 6;
const SUB_COUNT = 1 << SUB_BITS; // 64
const LINEAR_LIMIT = SUB_COUNT * 2; // values below this are their own bucket
export const HISTOGRAM_SIZE = LINEAR_LIMIT + (31 - SUB_BITS) * SUB_COUNT;

/** Bucket index of a non-negative value (clamped to 2^32 - 1). */
export function bucketOf(value: number): number {
  let v = value < 0 ? 0 : value > 0xffffffff ? 0xffffffff : Math.floor(value);
  if (v < LINEAR_LIMIT) return v;
  v = v >>> 0;
  const msb = 31 - Math.clz32(v);
  const shift = msb - SUB_BITS;
  return LINEAR_LIMIT + (shift - 1) * SUB_COUNT + ((v >>> shift) - SUB_COUNT);
}

/** Lowest value that falls in a bucket. */
export function bucketLow(index: number): number {
  if (index < LINEAR_LIMIT) return index;
  const shift = Math.floor((index - LINEAR_LIMIT) / SUB_COUNT) + 1;
  const sub = ((index - LINEAR_LIMIT) % SUB_COUNT) + SUB_COUNT;
  return sub * 2 ** shift;
}

/** Middle of a bucket: the value a percentile reports, halving the worst-case error. */
export function bucketMid(index: number): number {
  if (index < LINEAR_LIMIT) return index;
  const low = bucketLow(index);
  const width = bucketLow(index + 1) - low;
  return low + (width - 1) / 2;
}

export class Histogram {
  /** Counts of one time bucket (32-bit: half the cache lines of doubles on the hot path). */
  readonly counts = new Uint32Array(HISTOGRAM_SIZE);
  /**
   * One bit per count that is non-zero since the last takeSparse, so taking it visits only the
   * counts recorded (a bucket's latencies fill tens of the 1,728 counts, spread over hundreds).
   */
  private readonly marks = new Uint32Array(Math.ceil(HISTOGRAM_SIZE / 32));
  total = 0;
  /** Highest bucket recorded since the last takeSparse, so taking it scans only up to there. */
  private top = -1;

  record(value: number): void {
    const i = bucketOf(value);
    const n = this.counts[i]!;
    this.counts[i] = n + 1;
    this.total++;
    // Only a count's first value can mark it or raise the top.
    if (n === 0) {
      this.marks[i >>> 5]! |= 1 << (i & 31);
      if (i > this.top) this.top = i;
    }
  }

  /** Flattens to [index, count, ...] (index ascending) and clears, for storing a bucket of a run. */
  takeSparse(): SparseHistogram | null {
    if (this.total === 0) return null;
    const out: number[] = [];
    const c = this.counts;
    const marks = this.marks;
    const lastWord = this.top >>> 5;
    this.top = -1;
    for (let w = 0; w <= lastWord; w++) {
      let m = marks[w]!;
      if (m === 0) continue;
      marks[w] = 0;
      while (m !== 0) {
        // The lowest set bit first: indices come out ascending.
        const i = (w << 5) | (31 - Math.clz32(m & -m));
        out.push(i, c[i]!);
        c[i] = 0;
        m &= m - 1;
      }
    }
    this.total = 0;
    return out;
  }
}

/** Adds a stored sparse histogram into a dense count array (`sign` -1 takes a subset of it back out); returns the count added. */
export function addSparse(into: Float64Array, sparse: SparseHistogram, sign: 1 | -1 = 1): number {
  let total = 0;
  for (let i = 0; i < sparse.length; i += 2) {
    into[sparse[i]!]! += sign * sparse[i + 1]!;
    total += sign * sparse[i + 1]!;
  }
  return total;
}

/** The value at quantile q (0..1) of a dense count array with `total` entries; 0 when empty. */
export function quantileOf(counts: Float64Array, total: number, q: number): number {
  if (total <= 0) return 0;
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let i = 0; i < counts.length; i++) {
    seen += counts[i]!;
    if (seen >= rank) return bucketMid(i);
  }
  return bucketMid(counts.length - 1);
}
