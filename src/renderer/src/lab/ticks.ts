/** Y-axis ticks a student can read: 0 up to a round top, in steps of 1, 2 or 5 × 10^k, at least three. */

/** The round step (1, 2 or 5 × 10^k) at or above `raw`. */
function niceStep(raw: number): number {
  const pow = 10 ** Math.floor(Math.log10(raw));
  const f = raw / pow;
  return (f <= 1 ? 1 : f <= 2 ? 2 : f <= 5 ? 5 : 10) * pow;
}

/**
 * Ticks from 0 to the first round value at or above `max` (1 when nothing was measured), about
 * `target` steps apart; `isInteger`: whole steps only (counts). Always at least three ticks.
 */
export function niceTicks(max: number, target = 4, isInteger = false): number[] {
  const top = Number.isFinite(max) && max > 0 ? max : 1;
  let step = niceStep(top / target);
  if (isInteger) step = Math.max(1, step);
  const steps = Math.max(2, Math.ceil(top / step - 1e-9));
  return Array.from({ length: steps + 1 }, (_, i) => Number((i * step).toPrecision(12)));
}

/** Pixels the y axis needs for its labels (uPlot's 12 px axis font, about 7 px a character, and a gap). */
export const yAxisWidth = (labels: readonly (string | null | undefined)[]): number => Math.max(62, 14 + 7 * Math.max(0, ...labels.map((l) => l?.length ?? 0)));

/**
 * A chart's y ticks: whole steps for units whose labels show whole numbers (counts, and rates,
 * whose labels round to a whole "/s"), so no two labels read the same ("1/s" for 0.5 and 1).
 */
export const chartTicks = (max: number, unit: 'per-second' | 'fraction' | 'ms' | 'count' | 'ratio'): number[] => niceTicks(max, 4, unit === 'count' || unit === 'per-second');
