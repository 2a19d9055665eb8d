/** Bound comparison and the text forms grade reports and feedback show. */
import type { CompareOp } from '../../shared/checks';
import type { MetricUnit } from '../../shared/metrics';

export type Scalar = string | number | boolean;

/**
 * Ordering ops need two numbers; equality works on any scalar. Anything else (a missing prop, a
 * string against a number) does not satisfy the bound, so a check never passes by accident.
 */
export function compare(measured: Scalar | undefined, op: CompareOp, bound: Scalar): boolean {
  if (measured === undefined) return op === '!=';
  if (op === '==') return measured === bound;
  if (op === '!=') return measured !== bound;
  if (typeof measured !== 'number' || typeof bound !== 'number' || Number.isNaN(measured)) return false;
  switch (op) {
    case '<':
      return measured < bound;
    case '<=':
      return measured <= bound;
    case '>=':
      return measured >= bound;
    case '>':
      return measured > bound;
  }
}

/** Four significant digits: enough to read a miss, and the same text on every machine. */
const round = (x: number): string => String(Number(x.toPrecision(4)));

/** A value as a student reads it: fractions as percentages, milliseconds with their unit. */
export function formatValue(value: Scalar | null, unit?: MetricUnit): string {
  if (value === null) return 'no data';
  if (typeof value !== 'number') return String(value);
  if (unit === 'fraction') return `${round(value * 100)}%`;
  if (unit === 'ms') return `${round(value)} ms`;
  if (unit === 'per-second') return `${round(value)}/s`;
  return round(value);
}

/** "< 1%", "== 0", "<= 80 ms". */
export const formatBound = (op: CompareOp, value: Scalar, unit?: MetricUnit): string => `${op} ${formatValue(value, unit)}`;
