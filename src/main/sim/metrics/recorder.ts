/**
 * Records per-node counters into fixed-width time buckets while a run goes. Memory is
 * buckets × nodes × counters (plus one sparse histogram per node per bucket), independent of
 * how many requests the run makes.
 */
import { COUNTERS, EDGE_COUNTERS, MAX_COUNTERS, type CounterName, type EdgeCounterName, type RunBuckets, type SparseHistogram } from '../../../shared/metrics';
import { Histogram } from '../../../shared/metrics/histogram';
import { hashString } from '../rng';

export const NC = COUNTERS.length;
/** Counter index by name, for the hot path. */
export const C = Object.fromEntries(COUNTERS.map((n, i) => [n, i])) as Record<CounterName, number>;
const IS_MAX = COUNTERS.map((n) => MAX_COUNTERS.has(n));
export const NE = EDGE_COUNTERS.length;
/** Edge counter index by name: edgeCur[edge * NE + counter]. */
export const E = Object.fromEntries(EDGE_COUNTERS.map((n, i) => [n, i])) as Record<EdgeCounterName, number>;

/** Picks a bucket width so a run has at most ~600 buckets, never finer than 100 ms. */
export function bucketMsFor(durationMs: number): number {
  for (const b of [100, 200, 500, 1000, 2000, 5000, 10_000]) if (durationMs / b <= 600) return b;
  return 10_000;
}

/** A stored value's exact bits, read as two 32-bit words (one buffer for the module: no allocation per value; every platform the app runs on is little-endian, so the words are the same everywhere). */
const bits = new Float64Array(1);
const words = new Int32Array(bits.buffer);

export interface GaugeSource {
  /** Writes this node's gauges into the current bucket. */
  sampleGauges(rec: Recorder): void;
}

export class Recorder {
  readonly bucketUs: number;
  bucketIndex = 0;
  bucketEndUs: number;
  /** Current bucket, node-major: cur[node * NC + counter]. */
  cur: Float64Array;
  private hists: Histogram[] = [];
  /** Latencies of failed answers only: served latency is the whole less these (failures are rare, so this stays small and off the hot path). */
  private failedHists: Histogram[] = [];
  private stored: (number[] | undefined)[][] = [];
  private storedLatency: (SparseHistogram | null)[][] = [];
  private storedFailed: (SparseHistogram | null)[][] = [];
  private ids: string[] = [];
  readonly partitions: number;
  partCur: Float64Array;
  private partStored: number[][] = [];
  /** Current bucket's edge counters, edge-major: edgeCur[edge * NE + counter] (edges by Sim index). */
  edgeCur = new Float64Array(16 * NE);
  /** Per edge (by Sim index): its id when it is a request edge (others record nothing), and its series. */
  private edgeIds: (string | null)[] = [];
  private edgeStored: (number[] | undefined)[][] = [];
  /** Hash of each node's and edge's id (the outcome hash names a row by its id, not its position). */
  private nodeKeys: number[] = [];
  private edgeKeys: number[] = [];
  /**
   * The outcome hash, two lanes (the trace hash folds them in): every non-zero counter and gauge of
   * every closed bucket, by its row's id, its counter and its exact value. What a run measures but no
   * event shows (the cost of an idle worker, a read served stale, a write kept or lost) lives here.
   */
  hash1 = 0x2f8c6a1d;
  hash2 = 0x6b43a9b5;

  constructor(
    readonly bucketMs: number,
    partitions: number,
  ) {
    this.bucketUs = bucketMs * 1000;
    this.bucketEndUs = this.bucketUs;
    this.cur = new Float64Array(16 * NC);
    this.partitions = partitions;
    this.partCur = new Float64Array(partitions);
  }

  addNode(id: string): number {
    const idx = this.ids.length;
    this.ids.push(id);
    this.nodeKeys.push(hashString(id));
    this.hists.push(new Histogram());
    this.failedHists.push(new Histogram());
    this.stored.push(new Array<number[] | undefined>(NC).fill(undefined));
    this.storedLatency.push(new Array<SparseHistogram | null>(this.bucketIndex).fill(null));
    this.storedFailed.push(new Array<SparseHistogram | null>(this.bucketIndex).fill(null));
    if ((idx + 1) * NC > this.cur.length) {
      const next = new Float64Array(this.cur.length * 2);
      next.set(this.cur);
      this.cur = next;
    }
    return idx;
  }

  /** Registers an edge under its Sim index; only request edges are stored. */
  addEdge(id: string, isRequest: boolean): void {
    const idx = this.edgeIds.length;
    this.edgeIds.push(isRequest ? id : null);
    this.edgeKeys.push(hashString(id, 0x9747b28c));
    this.edgeStored.push(new Array<number[] | undefined>(NE).fill(undefined));
    if ((idx + 1) * NE > this.edgeCur.length) {
      const next = new Float64Array(this.edgeCur.length * 2);
      next.set(this.edgeCur);
      this.edgeCur = next;
    }
  }

  add(node: number, counter: number, v: number): void {
    this.cur[node * NC + counter]! += v;
  }

  max(node: number, counter: number, v: number): void {
    const i = node * NC + counter;
    if (v > this.cur[i]!) this.cur[i] = v;
  }

  set(node: number, counter: number, v: number): void {
    this.cur[node * NC + counter] = v;
  }

  /** An answered request's latency at a node (µs); `isOk` when it succeeded (served), else it is also kept among the failed. */
  latency(node: number, us: number, isOk: boolean): void {
    const base = node * NC;
    this.cur[base + C.latencySumUs]! += us;
    if (us > this.cur[base + C.latencyMaxUs]!) this.cur[base + C.latencyMaxUs] = us;
    this.hists[node]!.record(us);
    if (!isOk) this.failedHists[node]!.record(us);
  }

  /** Closes the current bucket: samples gauges, stores non-zero counters, clears. */
  flush(sources: readonly GaugeSource[]): void {
    for (const s of sources) s.sampleGauges(this);
    const b = this.bucketIndex;
    this.foldValue(-1, b);
    for (let n = 0; n < this.ids.length; n++) {
      this.takeRow(this.stored[n]!, this.cur, n * NC, b, this.nodeKeys[n]!, true);
      this.storedLatency[n]!.push(this.hists[n]!.takeSparse());
      this.storedFailed[n]!.push(this.failedHists[n]!.takeSparse());
    }
    for (let e = 0; e < this.edgeIds.length; e++) {
      // Only request edges are hashed (replication messages count on their own edges, unread).
      this.takeRow(this.edgeStored[e]!, this.edgeCur, e * NE, b, this.edgeKeys[e]!, this.edgeIds[e] !== null);
    }
    this.foldRow(this.partCur, 0, this.partitions, 0x27d4eb2f);
    // A plain copy loop: Array.from walks a typed array through its iterator, many times slower.
    const part = this.partCur;
    const row: number[] = [];
    for (let p = 0; p < part.length; p++) row.push(part[p]!);
    this.partStored.push(row);
    part.fill(0);
    this.bucketIndex++;
    this.bucketEndUs += this.bucketUs;
  }

  /**
   * Closes one row of counters (cur[base ...]) for bucket `bucket`, in one pass: folds its non-zero
   * values into the outcome hash (when `isHashed`, as foldRow does), appends every value to its
   * series and clears it. A series is created, zero-filled for the earlier buckets, only once its
   * counter is non-zero.
   */
  private takeRow(store: (number[] | undefined)[], cur: Float64Array, base: number, bucket: number, key: number, isHashed: boolean): void {
    for (let k = 0; k < store.length; k++) {
      const v = cur[base + k]!;
      let arr = store[k];
      if (v !== 0) {
        if (isHashed) this.foldValue(key ^ Math.imul(k + 1, 0x9e3779b1), v);
        if (arr === undefined) {
          arr = new Array<number>(bucket).fill(0);
          store[k] = arr;
        }
      } else if (arr === undefined) continue;
      arr.push(v);
      cur[base + k] = 0;
    }
  }

  /** Folds a row's non-zero values (cur[base ...], `count` of them) into the outcome hash, each with its counter. */
  private foldRow(cur: Float64Array, base: number, count: number, key: number): void {
    for (let k = 0; k < count; k++) {
      const v = cur[base + k]!;
      if (v !== 0) this.foldValue(key ^ Math.imul(k + 1, 0x9e3779b1), v);
    }
  }

  private foldValue(key: number, v: number): void {
    bits[0] = v;
    let h1 = this.hash1;
    let h2 = this.hash2;
    h1 = Math.imul(h1 ^ key ^ words[0]!, 0xcc9e2d51);
    h1 = Math.imul((h1 << 13) | (h1 >>> 19), 5) + 0xe6546b64;
    h2 = Math.imul(h2 ^ key ^ words[1]!, 0x1b873593);
    h2 = Math.imul((h2 << 15) | (h2 >>> 17), 5) + 0x561ccd1b;
    this.hash1 = h1 | 0;
    this.hash2 = h2 | 0;
  }

  result(): RunBuckets {
    const count = this.bucketIndex;
    const counters: RunBuckets['counters'] = {};
    const latency: RunBuckets['latency'] = {};
    const latencyFailed: NonNullable<RunBuckets['latencyFailed']> = {};
    this.ids.forEach((id, n) => {
      const out: Partial<Record<CounterName, number[]>> = {};
      this.stored[n]!.forEach((arr, k) => {
        if (arr === undefined) return;
        while (arr.length < count) arr.push(IS_MAX[k] ? 0 : 0);
        out[COUNTERS[k]!] = arr;
      });
      counters[id] = out;
      latency[id] = this.storedLatency[n]!;
      latencyFailed[id] = this.storedFailed[n]!;
    });
    const edges: NonNullable<RunBuckets['edges']> = {};
    this.edgeIds.forEach((id, e) => {
      if (id === null) return;
      const out: Partial<Record<EdgeCounterName, number[]>> = {};
      this.edgeStored[e]!.forEach((arr, k) => {
        if (arr === undefined) return;
        while (arr.length < count) arr.push(0);
        out[EDGE_COUNTERS[k]!] = arr;
      });
      edges[id] = out;
    });
    const usesPartitions = this.partStored.some((row) => row.some((v) => v !== 0));
    return { bucketMs: this.bucketMs, count, counters, latency, latencyFailed, partitionRequests: usesPartitions ? this.partStored : [], edges };
  }
}
