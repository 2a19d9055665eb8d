/**
 * Evaluates any catalogue metric over a time window of a finished run, for the whole system or
 * one node. Pure and in src/shared, so the grader, the lab's charts (renderer/src/lab/series.ts) and
 * the CLI all read runs through this one function: their numbers agree by construction.
 */
import { METRICS, METRIC_NAMES, type Aggregation, type CounterName, type MetricName, type MetricWindow, type RunResult } from '../metrics';

/** What reading a metric needs of a run: its per-bucket counters, its nodes and how far it got. */
export type MetricSource = Pick<RunResult, 'buckets' | 'nodes' | 'endedAtMs'>;
import { HISTOGRAM_SIZE, addSparse, quantileOf } from './histogram';

/**
 * Reads `metric` over [fromMs, toMs) (default: the whole run), for `nodeId` or the metric's default
 * scope. NaN when the metric is undefined there (nothing to measure: see `unmeasured` in the
 * catalogue); counts read 0.
 */
export function readMetric(run: MetricSource, metric: MetricName, window: Partial<MetricWindow> = {}, nodeId?: string): number {
  const def = METRICS[metric];
  if (def === undefined) throw new Error(`Unknown metric "${String(metric)}". Known metrics: ${METRIC_NAMES.join(', ')}.`);
  const B = run.buckets.bucketMs;
  const fromMs = Math.max(0, window.fromMs ?? 0);
  const toMs = Math.min(window.toMs ?? run.endedAtMs, run.endedAtMs);
  const b0 = Math.ceil(fromMs / B);
  const b1 = Math.min(run.buckets.count - 1, Math.ceil(toMs / B) - 1);
  let nodes: string[];
  if (nodeId !== undefined) {
    if (!run.nodes.some((n) => n.id === nodeId)) throw new Error(`No node "${nodeId}" in this run.`);
    nodes = [nodeId];
  } else nodes = run.nodes.filter((n) => def.scope === 'all' || n.kind === 'client').map((n) => n.id);
  // An empty window (b1 < b0) reads every total as 0: counts 0, ratios and percentiles NaN.

  const total = (counter: CounterName, ids: readonly string[] = nodes): number => {
    let s = 0;
    for (const id of ids) {
      const arr = run.buckets.counters[id]?.[counter];
      if (arr === undefined) continue;
      for (let b = b0; b <= b1; b++) s += arr[b] ?? 0;
    }
    return s;
  };
  const agg: Aggregation = def.aggregate;
  switch (agg.kind) {
    case 'sum':
      return total(agg.counter) * agg.scale;
    case 'max': {
      // The largest latency of no request is undefined; other maxima (keys moved) are 0 when nothing happened.
      if (agg.counter === 'latencyMaxUs' && total('ok') + total('failed') === 0) return NaN;
      let m = 0;
      for (const id of nodes) {
        const arr = run.buckets.counters[id]?.[agg.counter];
        if (arr === undefined) continue;
        for (let b = b0; b <= b1; b++) m = Math.max(m, arr[b] ?? 0);
      }
      return m * agg.scale;
    }
    case 'last': {
      let s = 0;
      for (const id of nodes) s += run.buckets.counters[id]?.[agg.counter]?.[b1] ?? 0;
      return s;
    }
    case 'ratio': {
      const denNodes = agg.isDenFromClients === true && nodeId === undefined ? run.nodes.filter((n) => n.kind === 'client').map((n) => n.id) : nodes;
      const den = agg.den.reduce((s, c) => s + total(c, denNodes), 0);
      return den === 0 ? NaN : (total(agg.num) / den) * agg.scale;
    }
    case 'perSecond': {
      const seconds = (Math.min((b1 + 1) * B, run.endedAtMs) - b0 * B) / 1000;
      return seconds <= 0 ? 0 : total(agg.counter) / seconds;
    }
    case 'percentile': {
      const dense = new Float64Array(HISTOGRAM_SIZE);
      let n = 0;
      // Served only: every answer less the failed ones; a run made before failures were kept apart reads as not measured.
      const failed = agg.isServedOnly === true ? run.buckets.latencyFailed : undefined;
      if (agg.isServedOnly === true && failed === undefined) return NaN;
      for (const id of nodes) {
        const hs = run.buckets.latency[id];
        const fs = failed?.[id];
        for (let b = b0; b <= b1; b++) {
          const h = hs?.[b];
          if (h) n += addSparse(dense, h);
          const f = fs?.[b];
          if (f) n += addSparse(dense, f, -1);
        }
      }
      return n === 0 ? NaN : quantileOf(dense, n, agg.quantile) / 1000;
    }
    case 'share': {
      const targets = run.nodes.filter((n) => n.isLbTarget).map((n) => n.id);
      const all = total('forwardedTo', targets);
      if (all === 0) return NaN;
      if (nodeId !== undefined) return total('forwardedTo', [nodeId]) / all;
      return Math.max(...targets.map((id) => total('forwardedTo', [id]))) / all;
    }
    case 'imbalance': {
      const ofLoads = (loads: number[]): number => {
        const mean = loads.reduce((s, v) => s + v, 0) / loads.length;
        return loads.length === 0 || mean === 0 ? NaN : Math.max(...loads) / mean;
      };
      const edges = run.buckets.edges;
      const balancers = run.nodes.filter((n) => n.lbTargetEdges !== undefined && n.lbTargetEdges.length > 0);
      // Runs made before per-balancer edges were recorded: every target of every balancer at once.
      if (edges === undefined || balancers.length === 0) return ofLoads(run.nodes.filter((n) => n.isLbTarget).map((n) => total('forwardedTo', [n.id])));
      const edgeTotal = (id: string): number => {
        const arr = edges[id]?.requests;
        let s = 0;
        if (arr !== undefined) for (let b = b0; b <= b1; b++) s += arr[b] ?? 0;
        return s;
      };
      // Each balancer over its own targets; a balancer node reads its own, anything else the worst.
      const own = balancers.find((n) => n.id === nodeId);
      if (own !== undefined) return ofLoads(own.lbTargetEdges!.map(edgeTotal));
      let worst = NaN;
      for (const lb of balancers) {
        const v = ofLoads(lb.lbTargetEdges!.map(edgeTotal));
        if (!Number.isNaN(v) && !(v <= worst)) worst = v;
      }
      return worst;
    }
    case 'hottestPartition': {
      const rows = run.buckets.partitionRequests;
      if (rows.length === 0) return NaN;
      const sums = new Float64Array(rows[0]?.length ?? 0);
      for (let b = b0; b <= b1; b++) rows[b]?.forEach((v, p) => (sums[p]! += v));
      let s = 0;
      let m = 0;
      for (const v of sums) {
        s += v;
        m = Math.max(m, v);
      }
      return s === 0 ? NaN : m / (s / sums.length);
    }
  }
}

/** Every catalogue metric over one window (NaN where nothing was measured). */
export function readAllMetrics(run: MetricSource, window: Partial<MetricWindow> = {}, nodeId?: string): Record<MetricName, number> {
  const out = {} as Record<MetricName, number>;
  for (const name of METRIC_NAMES) out[name] = readMetric(run, name, window, nodeId);
  return out;
}
