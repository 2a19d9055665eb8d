/**
 * Chart series over a finished run, computed once per run from its per-bucket counters: the
 * charts under the canvas only reveal them up to the playback cursor.
 */
import type { CounterName } from '../../../shared/metrics';
import type { LabRun } from './labRun';

export type ChartUnit = 'per-second' | 'fraction' | 'ms' | 'count' | 'ratio';
export interface ChartSpec {
  id: string;
  title: string;
  unit: ChartUnit;
  series: { label: string; values: (number | null)[] }[];
}
export interface ChartSet {
  /** Width of a chart bucket. */
  bucketMs: number;
  /** Start of each chart bucket, in seconds (uPlot's x axis). */
  tS: number[];
  charts: ChartSpec[];
}

const REASONS: [CounterName, string][] = [
  ['failDown', 'down'],
  ['failTimeout', 'timeout'],
  ['failOverloaded', 'overloaded'],
  ['failNoRoute', 'no route'],
  ['failSessionLost', 'session lost'],
  ['failFenced', 'fenced'],
];

export function chartSet(run: LabRun): ChartSet {
  const raw = run.buckets;
  const bucketMs = Math.max(1000, raw.bucketMs);
  const per = Math.max(1, Math.round(bucketMs / raw.bucketMs));
  const count = Math.ceil(raw.count / per);
  const tS = Array.from({ length: count }, (_, i) => (i * bucketMs) / 1000);
  const ids = (pred: (n: LabRun['nodes'][number]) => boolean) => run.nodes.filter(pred).map((n) => n.id);
  const clients = ids((n) => n.kind === 'client');
  const all = run.nodes.map((n) => n.id);
  /** Sum of `counter` over `nodes` in chart bucket i. */
  const sum = (nodes: string[], counter: CounterName, i: number) => {
    let s = 0;
    for (const id of nodes) {
      const v = raw.counters[id]?.[counter];
      if (v) for (let b = i * per; b < Math.min(raw.count, (i + 1) * per); b++) s += v[b] ?? 0;
    }
    return s;
  };
  const last = (id: string, counter: CounterName, i: number) => raw.counters[id]?.[counter]?.[Math.min(raw.count, (i + 1) * per) - 1] ?? 0;
  const each = (fn: (i: number) => number | null) => tS.map((_, i) => fn(i));
  const seconds = bucketMs / 1000;
  const ended = (i: number) => sum(clients, 'ok', i) + sum(clients, 'failed', i);
  const charts: ChartSpec[] = [];

  charts.push({ id: 'throughput', title: 'Throughput', unit: 'per-second', series: [{ label: 'ok req/s', values: each((i) => sum(clients, 'ok', i) / seconds) }] });
  const reasons = REASONS.filter(([c]) => clients.some((id) => raw.counters[id]?.[c]?.some((v) => v > 0)));
  charts.push({
    id: 'errorRate',
    title: 'Error rate by reason',
    unit: 'fraction',
    series: [
      { label: 'all errors', values: each((i) => (ended(i) > 0 ? sum(clients, 'failed', i) / ended(i) : 0)) },
      ...reasons.map(([c, label]) => ({ label, values: each((i) => (ended(i) > 0 ? sum(clients, c, i) / ended(i) : 0)) })),
    ],
  });
  const latencyAt = (values: number[]) => each((i) => (Number.isFinite(values[i]) ? values[i]! : null));
  charts.push({
    id: 'latency',
    title: 'Latency',
    unit: 'ms',
    series: [
      { label: 'p50', values: latencyAt(run.series.latencyP50) },
      { label: 'p99', values: latencyAt(run.series.latencyP99) },
    ],
  });

  const targets = ids((n) => n.isLbTarget);
  if (targets.length > 0) {
    charts.push({
      id: 'lbShare',
      title: 'Load-balancer share',
      unit: 'fraction',
      series: targets.map((id) => ({
        label: id,
        values: each((i) => {
          const total = sum(targets, 'forwardedTo', i);
          return total > 0 ? sum([id], 'forwardedTo', i) / total : 0;
        }),
      })),
    });
  }
  const hasAny = (counter: CounterName) => all.some((id) => raw.counters[id]?.[counter]?.some((v) => v > 0));
  if (hasAny('cacheHits') || hasAny('cacheMisses')) {
    charts.push({
      id: 'cacheHitRatio',
      title: 'Cache hit ratio',
      unit: 'fraction',
      series: [{ label: 'hit ratio', values: each((i) => {
        const reads = sum(all, 'cacheHits', i) + sum(all, 'cacheMisses', i);
        return reads > 0 ? sum(all, 'cacheHits', i) / reads : null;
      }) }],
    });
  }
  if (hasAny('replLagCount')) {
    charts.push({
      id: 'replicationLag',
      title: 'Replication lag',
      unit: 'ms',
      series: [{ label: 'mean lag', values: each((i) => {
        const n = sum(all, 'replLagCount', i);
        return n > 0 ? sum(all, 'replLagSumUs', i) / n / 1000 : null;
      }) }],
    });
  }
  const owners = all.filter((id) => raw.counters[id]?.ownedPartitions?.some((v) => v > 0));
  if (owners.length > 0) {
    charts.push({ id: 'ownership', title: 'Ownership (partitions owned)', unit: 'count', series: owners.map((id) => ({ label: id, values: each((i) => last(id, 'ownedPartitions', i)) })) });
  }
  if (raw.partitionRequests.some((p) => p.length > 0)) {
    charts.push({
      id: 'hottestPartition',
      title: 'Hottest partition',
      unit: 'ratio',
      series: [{ label: 'max / mean', values: each((i) => {
        const totals: number[] = [];
        for (let b = i * per; b < Math.min(raw.count, (i + 1) * per); b++) (raw.partitionRequests[b] ?? []).forEach((v, p) => (totals[p] = (totals[p] ?? 0) + v));
        const mean = totals.reduce((a, b) => a + b, 0) / Math.max(1, totals.length);
        return mean > 0 ? Math.max(...totals) / mean : null;
      }) }],
    });
  }
  return { bucketMs, tS, charts };
}

/** Index of the last chart bucket revealed at `cursorMs`. */
export const revealedIndex = (set: ChartSet, cursorMs: number): number => Math.min(set.tS.length - 1, Math.floor(cursorMs / set.bucketMs));
