/**
 * Chart series over a finished run: each value is `readMetric` (src/shared/metrics/read.ts, the
 * function grading uses) over one chart bucket, so a chart and a check over the same window read
 * the same number. Computed once per run; the charts under the canvas only reveal them up to the
 * playback cursor.
 */
import { FAILURE_REASON_KEYS, FAILURE_REASONS } from '../../../shared/failureReasons';
import { METRIC_NAMES, METRICS, type MetricName, type MetricUnit, type MetricWindow } from '../../../shared/metrics';
import { readMetric } from '../../../shared/metrics/read';
import type { LabRun } from './labRun';

export type ChartUnit = 'per-second' | 'fraction' | 'ms' | 'count' | 'ratio';
export interface ChartSpec {
  id: string;
  title: string;
  unit: ChartUnit;
  /** `key`: the label's key (lab:series.* or domain:reasons.*) when it is words, not a node id. */
  /** `label` in English (ids for a node's line), `key` its message key, `node` the node a line is of (named in the student's language). */
  series: { label: string; key?: string; node?: string; values: (number | null)[] }[];
  /** Set on a chart the student picked from the catalogue (it can be removed again). */
  metric?: MetricName;
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

/** Metrics a student can add as a chart: the whole catalogue except the per-node load-balancer share (charted per target already). */
export const PICKABLE_METRICS: readonly MetricName[] = METRIC_NAMES.filter((m) => m !== 'lbShare');
/** Metrics a chart of the default set already shows (the catalogue need not add them again). */
const DEFAULT_CHART_METRICS: ReadonlySet<MetricName> = new Set<MetricName>([
  'throughput', 'errorRate', 'latencyP50', 'latencyP99', 'lbShare', 'requests', 'connectionsOpen', 'cacheHitRatio', 'replicationLagMs', 'replicationWaitMs', 'ownedPartitions', 'hottestPartitionLoad',
]);

/**
 * The charts a lesson starts with besides the default set: the metrics its checks grade and its
 * predictions measure, in lesson order. A step that says "read *conflicting writes*" or "note
 * *remote calls per request*" then finds it under the canvas without knowing the catalogue.
 */
export function lessonChartMetrics(lesson: { checks: readonly { metric?: MetricName }[]; predictions: readonly { measure: { metric: MetricName } }[] }): MetricName[] {
  const named = [...lesson.checks.map((c) => c.metric), ...lesson.predictions.map((p) => p.measure.metric)];
  return [...new Set(named.filter((m): m is MetricName => m !== undefined && !DEFAULT_CHART_METRICS.has(m) && PICKABLE_METRICS.includes(m)))];
}

/** A picked metric's chart id. */
export const pickedChartId = (metric: MetricName) => `metric-${metric}`;
const CHART_UNIT: Record<MetricUnit, ChartUnit> = { count: 'count', partitions: 'count', fraction: 'fraction', ms: 'ms', 'per-second': 'per-second', ratio: 'ratio' };
/** The chart unit a catalogue metric is drawn in. */
export const chartUnitOf = (metric: MetricName): ChartUnit => CHART_UNIT[METRICS[metric].unit];

/**
 * The charts under the canvas: the default set, then one chart per metric the student picked
 * from the catalogue (over all nodes, as a check without a node reads it).
 */
export function chartSet(run: LabRun, picked: readonly MetricName[] = []): ChartSet {
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
  if (targets.length > 0) charts.push({ id: 'lbShare', title: 'Load-balancer share', unit: 'fraction', series: targets.map((id) => ({ label: id, node: id, values: each('lbShare', id, 0) })) });
  // Per-node views for stateful tiers: which instance receives the load, and which holds the connections.
  if (targets.length > 1) {
    const perSecond = (id: string) => tS.map((_, i) => readMetric(run, 'requests', chartWindow({ bucketMs }, i), id) / (Math.min(bucketMs, run.endedAtMs - i * bucketMs) / 1000));
    charts.push({ id: 'requestsPerNode', title: 'Requests received per node', unit: 'per-second', series: targets.map((id) => ({ label: id, node: id, values: perSecond(id) })) });
  }
  const holders = run.nodes.map((n) => ({ label: n.id, node: n.id, values: each('connectionsOpen', n.id, 0) })).filter((s) => hasAny(s.values));
  if (holders.length > 0) charts.push({ id: 'connections', title: 'Open connections per node', unit: 'count', series: holders });
  const hitRatio = each('cacheHitRatio');
  if (hitRatio.some((v) => v !== null)) charts.push({ id: 'cacheHitRatio', title: 'Cache hit ratio', unit: 'fraction', series: [{ label: 'hit ratio', key: 'lab:series.hitRatio', values: hitRatio }] });
  const lag = each('replicationLagMs');
  // Sync and semi-sync writes wait for their followers: the round trip the write latency includes.
  const wait = each('replicationWaitMs');
  const waitSeries = wait.some((v) => v !== null) ? [{ label: 'write waits for replicas', key: 'lab:series.writeWait', values: wait }] : [];
  // One series per replica when there are several: each replica's own lag.
  const replicas = run.nodes.map((n) => ({ label: n.id, node: n.id, values: each('replicationLagMs', n.id) })).filter((s) => s.values.some((v) => v !== null));
  const lagSeries = replicas.length > 1 ? replicas : [{ label: 'mean lag', key: 'lab:series.meanLag', values: lag }];
  if (lag.some((v) => v !== null)) charts.push({ id: 'replicationLag', title: 'Replication lag', unit: 'ms', series: [...lagSeries, ...waitSeries] });
  const owners = run.nodes.map((n) => ({ label: n.id, node: n.id, values: each('ownedPartitions', n.id) })).filter((s) => hasAny(s.values));
  if (owners.length > 0) charts.push({ id: 'ownership', title: 'Ownership (partitions owned)', unit: 'count', series: owners });
  const hottest = each('hottestPartitionLoad');
  // Partition load only means something where instances own partitions (a stateless tier's "hottest
  // partition 1.3" in lessons 13, 16 and 18 read as a problem to fix); the metric stays in the picker.
  if (owners.length > 0 && hottest.some((v) => v !== null)) charts.push({ id: 'hottestPartition', title: 'Hottest partition', unit: 'ratio', series: [{ label: 'max / mean', key: 'lab:series.maxOverMean', values: hottest }] });
  // Several user populations (lessons 15 and 17: one per zone or workload) are read apart: a picked
  // metric of what users see gets one line per client beside the line over all of them.
  const clients = run.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  for (const metric of picked) {
    const def = METRICS[metric];
    const nothing = def.unit === 'count' ? 0 : null;
    const perClient = def.scope === 'clients' && clients.length > 1 ? clients.map((id) => ({ label: id, node: id, values: each(metric, id, nothing) })) : [];
    const whole = perClient.length > 0 ? { label: 'all users', key: 'lab:series.allUsers' } : { label: def.label, key: `domain:metrics.${metric}.name` };
    charts.push({ id: pickedChartId(metric), title: def.label, unit: CHART_UNIT[def.unit], series: [{ ...whole, values: each(metric, undefined, nothing) }, ...perClient], metric });
  }
  return { bucketMs, tS, charts };
}

/** Index of the last chart bucket revealed at `cursorMs`. */
export const revealedIndex = (set: ChartSet, cursorMs: number): number => Math.min(set.tS.length - 1, Math.floor(cursorMs / set.bucketMs));

/**
 * The hover read-out of chart bucket `idx`: its time and each series' value, or nothing past the
 * revealed bucket (the run has not got there yet).
 */
export function hoverValues(set: Pick<ChartSet, 'tS'>, spec: ChartSpec, idx: number | null | undefined, revealed: number): { atS: number; values: { label: string; value: number | null }[] } | undefined {
  if (idx === null || idx === undefined || idx < 0 || idx >= set.tS.length || idx > revealed) return undefined;
  return { atS: set.tS[idx]!, values: spec.series.map((s) => ({ label: s.label, value: s.values[idx] ?? null })) };
}
