/**
 * Side-by-side comparison of two runs under the same seed and faults: every catalogue metric,
 * with the better value marked where "better" has a direction.
 */
import type { Graph } from '../../../shared/graph';
import { METRICS, METRIC_NAMES, type MetricName } from '../../../shared/metrics';
import { readMetric } from '../../../shared/metrics/read';
import type { Fault } from '../../../shared/scenario';
import type { LabRun } from './labRun';
import { chartUnitOf, chartWindow, type ChartSpec } from './series';

/** Metrics where more is better; those not listed here or in LOWER_IS_BETTER are neutral. */
const HIGHER_IS_BETTER: ReadonlySet<MetricName> = new Set(['ok', 'throughput', 'cacheHitRatio', 'acknowledgedWrites', 'instancesUp']);
const NEUTRAL: ReadonlySet<MetricName> = new Set(['requests', 'lbShare', 'ownedPartitions', 'sessionsHeld', 'rebalances', 'failovers', 'fencedWrites']);

export interface CompareRow {
  metric: MetricName;
  label: string;
  unit: string;
  current: number;
  variant: number;
  /** Which side is better; undefined when equal or when the metric has no direction. */
  better?: 'current' | 'variant';
}

export function compareRows(current: Record<string, number>, variant: Record<string, number>): CompareRow[] {
  return METRIC_NAMES.map((metric) => {
    const a = current[metric] ?? NaN;
    const b = variant[metric] ?? NaN;
    const row: CompareRow = { metric, label: METRICS[metric].label, unit: METRICS[metric].unit, current: a, variant: b };
    if (!NEUTRAL.has(metric) && Number.isFinite(a) && Number.isFinite(b) && Math.abs(a - b) > 1e-9 * Math.max(1, Math.abs(a), Math.abs(b))) {
      const isHigherBetter = HIGHER_IS_BETTER.has(metric);
      row.better = (a > b) === isHigherBetter ? 'current' : 'variant';
    }
    return row;
  });
}


/**
 * Whether a saved design belongs with the one being edited. In a lesson (`locked` non-empty) it does
 * when it holds the lesson's locked nodes with the same kinds: they cannot be deleted, so every
 * design made in the lesson has them, and a free design or another lesson's does not.
 */
export function isVariantOf(variant: Graph, current: Graph, locked: readonly string[]): boolean {
  return locked.every((id) => {
    const mine = current.nodes.find((n) => n.id === id);
    return !mine || variant.nodes.some((n) => n.id === id && n.kind === mine.kind);
  });
}

/** The words of faultsNote: the lab namespace's noFaults, theseFaults (plural), leftOut, bothRan. */
export type NoteWords = (key: 'noFaults' | 'theseFaults' | 'leftOut' | 'bothRan', values?: Record<string, string | number>) => string;

/** One line naming the faults both runs had, and those left out because the variant lacks their target. */
export function faultsNote(seed: number, applied: readonly Fault[], dropped: readonly Fault[], variantName: string, describe: (f: Fault) => string, t: NoteWords): string {
  const list = (faults: readonly Fault[]) => faults.map(describe).join('; ');
  const used = applied.length === 0 ? t('noFaults') : t('theseFaults', { count: applied.length, list: list(applied) });
  const left = dropped.length === 0 ? '' : t('leftOut', { variant: variantName, list: list(dropped) });
  return `${t('bothRan', { seed, used })}${left}`;
}

/**
 * The row the comparison's chart opens on: the first metric where one design does better (the
 * table's order is the catalogue's, users' view first), else the error rate.
 */
export function firstDifference(rows: readonly CompareRow[]): MetricName {
  return rows.find((r) => r.better !== undefined)?.metric ?? 'errorRate';
}

/** Whether a row's two values are the same (both unmeasured counts as the same). */
export const isSame = (r: CompareRow): boolean => Object.is(r.current, r.variant) || Math.abs(r.current - r.variant) <= 1e-9 * Math.max(1, Math.abs(r.current), Math.abs(r.variant));

/**
 * One metric of both runs over time, on one chart: each value is `readMetric` over one chart bucket
 * (as the lab's charts and the grader read it), one line per design. Both runs share the scenario,
 * so their buckets line up; the longer run sets the time axis.
 */
export function compareChart(current: LabRun, variant: LabRun, metric: MetricName, labels: readonly [string, string]): { tS: number[]; endMs: number; spec: ChartSpec } {
  const bucketMs = Math.max(1000, current.buckets.bucketMs, variant.buckets.bucketMs);
  const endMs = Math.max(current.endedAtMs, variant.endedAtMs);
  const tS = Array.from({ length: Math.ceil(endMs / bucketMs) }, (_, i) => (i * bucketMs) / 1000);
  const def = METRICS[metric];
  const nothing = def.unit === 'count' ? 0 : null;
  const line = (run: LabRun, label: string) => ({
    label,
    values: tS.map((_, i) => {
      if (i * bucketMs >= run.endedAtMs) return null;
      const v = readMetric(run, metric, chartWindow({ bucketMs }, i));
      return Number.isNaN(v) ? nothing : v;
    }),
  });
  return { tS, endMs, spec: { id: `compare-${metric}`, title: def.label, unit: chartUnitOf(metric), series: [line(current, labels[0]), line(variant, labels[1])], metric } };
}
