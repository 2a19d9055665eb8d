/**
 * Chart series over a finished run: each value is `readMetric` (src/shared/metrics/read.ts, the
 * function grading uses) over one chart bucket, so a chart and a check over the same window read
 * the same number. Computed once per run; the charts under the canvas only reveal them up to the
 * playback cursor.
 */
import { FAILURE_REASON_KEYS, FAILURE_REASONS } from '../../../shared/failureReasons';
import type { MetricName, MetricWindow } from '../../../shared/metrics';
import { readMetric } from '../../../shared/metrics/read';
import type { LabRun } from './labRun';

export type ChartUnit = 'per-second' | 'fraction' | 'ms' | 'count' | 'ratio';
export interface ChartSpec {
  id: string;
  title: string;
  unit: ChartUnit;
  /** `key`: the label's key (lab:series.* or domain:reasons.*) when it is words, not a node id. */
  series: { label: string; key?: string; values: (number | null)[] }[];
}
export interface ChartSet {
  /** Width of a chart bucket. */
  bucketMs: number;
  /** Start of each chart bucket, in seconds (uPlot's x axis). */
  tS: number[];
  charts: ChartSpec[];
}


/** The window of chart bucket `i`. */
export const chartWindow = (set: Pick<ChartSet, 'bucketMs'>, i: number): MetricWindow => ({ fromMs: i * set.bucketMs, toMs: (i + 1) * set.bucketMs });

export function chartSet(run: LabRun): ChartSet {
  const bucketMs = Math.max(1000, run.buckets.bucketMs);
  const count = Math.ceil(run.endedAtMs / bucketMs);
  const tS = Array.from({ length: count }, (_, i) => (i * bucketMs) / 1000);
  /** `metric` in every chart bucket; nothing measured (NaN) reads `nothing` (a gap, or 0 where the chart says "none"). */
  const each = (metric: MetricName, node?: string, nothing: number | null = null) =>
    tS.map((_, i) => {
      const v = readMetric(run, metric, chartWindow({ bucketMs }, i), node);
      return Number.isNaN(v) ? nothing : v;
    });
  const hasAny = (values: (number | null)[]) => values.some((v) => v !== null && v > 0);
  const charts: ChartSpec[] = [];

  charts.push({ id: 'throughput', title: 'Throughput', unit: 'per-second', series: [{ label: 'ok req/s', key: 'lab:series.okPerSecond', values: each('throughput') }] });
  // Failures by reason as a share of ended requests: each reason's count over the same denominator errorRate uses.
  const ended = tS.map((_, i) => readMetric(run, 'ok', chartWindow({ bucketMs }, i)) + readMetric(run, 'failed', chartWindow({ bucketMs }, i)));
  const reasons = FAILURE_REASON_KEYS.map((r) => ({ ...FAILURE_REASONS[r], key: `domain:reasons.${r}` })).map(({ metric, label, key }) => ({ label, key, values: each(metric).map((v, i) => (ended[i]! > 0 ? v! / ended[i]! : 0)) })).filter((s) => hasAny(s.values));
  charts.push({ id: 'errorRate', title: 'Error rate by reason', unit: 'fraction', series: [{ label: 'all errors', key: 'lab:series.allErrors', values: each('errorRate', undefined, 0) }, ...reasons] });
  charts.push({ id: 'latency', title: 'Latency', unit: 'ms', series: [{ label: 'p50', values: each('latencyP50') }, { label: 'p99', values: each('latencyP99') }] });

  const targets = run.nodes.filter((n) => n.isLbTarget).map((n) => n.id);
  if (targets.length > 0) charts.push({ id: 'lbShare', title: 'Load-balancer share', unit: 'fraction', series: targets.map((id) => ({ label: id, values: each('lbShare', id, 0) })) });
  const hitRatio = each('cacheHitRatio');
  if (hitRatio.some((v) => v !== null)) charts.push({ id: 'cacheHitRatio', title: 'Cache hit ratio', unit: 'fraction', series: [{ label: 'hit ratio', key: 'lab:series.hitRatio', values: hitRatio }] });
  const lag = each('replicationLagMs');
  if (lag.some((v) => v !== null)) charts.push({ id: 'replicationLag', title: 'Replication lag', unit: 'ms', series: [{ label: 'mean lag', key: 'lab:series.meanLag', values: lag }] });
  const owners = run.nodes.map((n) => ({ label: n.id, values: each('ownedPartitions', n.id) })).filter((s) => hasAny(s.values));
  if (owners.length > 0) charts.push({ id: 'ownership', title: 'Ownership (partitions owned)', unit: 'count', series: owners });
  const hottest = each('hottestPartitionLoad');
  if (hottest.some((v) => v !== null)) charts.push({ id: 'hottestPartition', title: 'Hottest partition', unit: 'ratio', series: [{ label: 'max / mean', key: 'lab:series.maxOverMean', values: hottest }] });
  return { bucketMs, tS, charts };
}

/** Index of the last chart bucket revealed at `cursorMs`. */
export const revealedIndex = (set: ChartSet, cursorMs: number): number => Math.min(set.tS.length - 1, Math.floor(cursorMs / set.bucketMs));
