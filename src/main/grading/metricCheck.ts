/** Behavioural checks: a metric over a window of the run, compared with a bound. */
import { gradeMessage, keyedError, type GradeMessage, type UnmeasuredKey } from '../../shared/i18n/gradeTexts';
import type { MetricCheck } from '../../shared/checks';
import { METRICS, type RunResult } from '../../shared/metrics';
import { compare, formatBound } from './compare';
import type { SimEngine } from './engine';
import { resolveWindow, type FaultTiming } from './window';

/** Bounds the "show me" scan, so a long run with small buckets cannot stall grading. */
const SCAN_BUCKETS_MAX = 5000;

export interface MetricOutcome {
  passed: boolean;
  /** The value over the window; null when the window held no data (e.g. no request ended). */
  measured: number | null;
  bound: string;
  window?: { fromMs: number; toMs: number };
  firstViolationMs?: number;
  error?: string;
  /** `error` as a key of GRADE_TEXTS (absent for a lesson's own window problems, which the pack validator reports). */
  errorKey?: GradeMessage;
}

/**
 * When a failed check first goes wrong, so the UI can seek there. Counts (sums) are read
 * cumulatively from the window's start: "sessionsLost == 0" is violated when the first session is
 * lost. Rates, percentiles and gauges are read bucket by bucket: the first bucket that breaks the
 * bound on its own. When no single bucket does (an average just over the bound), the cumulative
 * reading decides; failing that, the window's start.
 */
function firstViolation(run: RunResult, engine: SimEngine, check: MetricCheck, fromMs: number, toMs: number): number {
  const bucketMs = run.buckets.bucketMs > 0 ? run.buckets.bucketMs : toMs - fromMs;
  const isCount = METRICS[check.metric].aggregate.kind === 'sum';
  const violates = (from: number, to: number) => {
    const value = engine.readMetric(run, check.metric, { fromMs: from, toMs: to }, check.node);
    return !Number.isNaN(value) && !compare(value, check.op, check.value);
  };
  const first = Math.ceil(fromMs / bucketMs) * bucketMs;
  const steps: number[] = [];
  for (let t = first; t < toMs && steps.length < SCAN_BUCKETS_MAX; t += bucketMs) steps.push(t);
  if (!isCount) {
    for (const t of steps) if (violates(t, Math.min(t + bucketMs, toMs))) return t;
  }
  const cumulative = (i: number) => violates(fromMs, Math.min((steps[i] as number) + bucketMs, toMs));
  // A count only grows, so against an upper bound ("< 5", "== 0") the cumulative reading, once
  // violated, stays violated: binary search keeps long runs cheap (each read walks the window).
  const isMonotone = isCount && (check.op === '<' || check.op === '<=' || (check.op === '==' && check.value === 0));
  if (isMonotone && steps.length > 0 && cumulative(steps.length - 1)) {
    let lo = 0;
    let hi = steps.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative(mid)) hi = mid;
      else lo = mid + 1;
    }
    return steps[lo] as number;
  }
  for (let i = 0; i < steps.length; i++) if (cumulative(i)) return steps[i] as number;
  return fromMs;
}

export function evaluateMetric(run: RunResult, engine: SimEngine, check: MetricCheck, faults: readonly FaultTiming[]): MetricOutcome {
  const unit = METRICS[check.metric].unit;
  const bound = formatBound(check.op, check.value, unit);
  const window = resolveWindow(check.window, faults, run.durationMs);
  if (!window.ok) return { passed: false, measured: null, bound, error: window.error };
  const { fromMs, toMs } = window.value;
  if (check.node !== undefined && !run.nodes.some((n) => n.id === check.node)) {
    return { passed: false, measured: null, bound, window: window.value, ...keyedError(gradeMessage('check.noSuchNode', { node: check.node })) };
  }
  if (check.requireServed === true && !(engine.readMetric(run, 'ok', window.value) > 0)) {
    // Nothing served in the window: the bound would only describe requests that all failed (or none at all).
    return { passed: false, measured: null, bound, window: window.value, firstViolationMs: fromMs, ...keyedError(gradeMessage('unmeasured.requestServed')) };
  }
  const value = engine.readMetric(run, check.metric, window.value, check.node);
  if (Number.isNaN(value)) {
    // Not measured (e.g. no recovery finished): a bound never passes on nothing.
    const reason = gradeMessage((METRICS[check.metric] as { unmeasured?: UnmeasuredKey }).unmeasured ?? 'check.nothingMeasured');
    return { passed: false, measured: null, bound, window: window.value, firstViolationMs: fromMs, ...keyedError(reason) };
  }
  if (compare(value, check.op, check.value)) return { passed: true, measured: value, bound, window: window.value };
  return { passed: false, measured: value, bound, window: window.value, firstViolationMs: firstViolation(run, engine, check, fromMs, toMs) };
}
