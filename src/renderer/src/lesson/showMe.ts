import type { CheckResult } from '../../../shared/gradeReport';

/**
 * The moment a failed check's Show me seeks to, or undefined when there is none to show: a metric
 * that measured nothing (no request served, no recovery finished) has no moment it went wrong, only
 * its window's start ("Show me (0.0 s)" on a whole-run check), so it gets no Show me. Decided at
 * display time, so older reports read the same.
 */
export function showMeAtMs(check: Pick<CheckResult, 'passed' | 'firstViolationMs' | 'measured'>): number | undefined {
  if (check.passed || check.measured === null) return undefined;
  return check.firstViolationMs;
}
