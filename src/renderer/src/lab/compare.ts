/**
 * Side-by-side comparison of two runs under the same seed and faults: every catalogue metric,
 * with the better value marked where "better" has a direction.
 */
import { METRICS, METRIC_NAMES, type MetricName } from '../../../shared/metrics';

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

export const formatCompareValue = (v: number, unit: string): string => {
  if (!Number.isFinite(v)) return '—';
  if (unit === 'fraction') return `${(v * 100).toFixed(2)} %`;
  if (unit === 'ms') return `${v.toFixed(1)} ms`;
  if (unit === 'per-second') return `${v.toFixed(1)}/s`;
  if (unit === 'ratio') return v.toFixed(2);
  return Math.round(v).toLocaleString('en-US');
};
