/**
 * Pure helpers of the studio's "predict before you run" editor: a new question, moving one up or
 * down, and what is wrong with one (keys of the studio namespace's `predict.problems`).
 */
import type { z } from 'zod';
import type { PredictionSchema } from '../../../shared/instructor';
import { METRICS, type MetricName, type MetricUnit } from '../../../shared/metrics';

/** A prediction as the lesson document holds it (points may be left to their default). */
export type PredictionDoc = z.input<typeof PredictionSchema>;

/**
 * Where a new question's two answers split the measurement, by the metric's unit: none or some of
 * a count, half of a fraction, twice the mean of a ratio. A metric whose interesting line lies
 * elsewhere says so below (an error rate: under 1 %).
 */
const SPLIT_BY_UNIT: Record<MetricUnit, number> = { count: 1, fraction: 0.5, ms: 100, 'per-second': 100, ratio: 2, partitions: 1 };
const SPLIT_BY_METRIC: Partial<Record<MetricName, number>> = { errorRate: 0.01 };

/** The value a new question on `metric` splits its two answers at. */
export function defaultSplit(metric: MetricName): number {
  return SPLIT_BY_METRIC[metric] ?? SPLIT_BY_UNIT[METRICS[metric].unit];
}

/** A new question's bounds on `metric`: the first answer below the split, the second at or above it. */
export function defaultBounds(metric: MetricName): [{ max: number }, { min: number }] {
  const split = defaultSplit(metric);
  return [{ max: split }, { min: split }];
}

type Bounds = { min?: number | undefined; max?: number | undefined };
const sameBounds = (a: Bounds | undefined, b: Bounds): boolean => a?.min === b.min && a?.max === b.max;

/**
 * Switches prediction `p` (a draft) to `metric`. Bounds the author left at the old metric's
 * default (the first two answers split there, the others unbounded) move to the new metric's
 * default; bounds the author edited stay as they are.
 */
export function setPredictionMetric(p: PredictionDoc, metric: MetricName): void {
  const old = p.measure.metric;
  if (old === metric) return;
  const before = defaultBounds(old);
  const untouched = p.choices.every((c, i) => sameBounds(c, before[i] ?? {}));
  p.measure.metric = metric;
  if (!untouched) return;
  defaultBounds(metric).forEach((bound, i) => {
    const choice = p.choices[i];
    if (!choice) return;
    delete choice.min;
    delete choice.max;
    Object.assign(choice, bound);
  });
}

/** A two-choice question on the error rate, under an id not taken by a check or another prediction. */
export function newPrediction(usedIds: readonly string[]): PredictionDoc {
  const used = new Set(usedIds);
  let id = 'predict';
  for (let n = 2; used.has(id); n++) id = `predict-${n}`;
  return {
    id,
    question: { en: '' },
    choices: [
      { id: 'a', text: { en: '' }, ...defaultBounds('errorRate')[0] },
      { id: 'b', text: { en: '' }, ...defaultBounds('errorRate')[1] },
    ],
    measure: { metric: 'errorRate' },
    points: 1,
  };
}

/** The list with item `index` moved by `delta` places (unchanged at either end). */
export function movePrediction<T>(list: readonly T[], index: number, delta: -1 | 1): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  [out[index], out[to]] = [out[to] as T, out[index] as T];
  return out;
}

export interface PredictionProblem {
  key: 'badId' | 'duplicateId' | 'noQuestion' | 'emptyChoice' | 'minAboveMax' | 'duplicateChoice';
  params?: Record<string, string | number>;
}

/** What is wrong with prediction `index`; ids are shared with the lesson's checks. */
export function predictionProblems(list: readonly PredictionDoc[], index: number, checkIds: readonly string[]): PredictionProblem[] {
  const p = list[index];
  if (!p) return [];
  const problems: PredictionProblem[] = [];
  if (!/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(p.id) || p.id.length > 64) problems.push({ key: 'badId' });
  else if (checkIds.includes(p.id) || list.some((o, i) => i !== index && o.id === p.id)) problems.push({ key: 'duplicateId', params: { id: p.id } });
  if (!p.question.en.trim()) problems.push({ key: 'noQuestion' });
  const seen = new Set<string>();
  p.choices.forEach((c, i) => {
    if (!c.text.en.trim()) problems.push({ key: 'emptyChoice', params: { n: i + 1 } });
    if (c.min !== undefined && c.max !== undefined && c.min > c.max) problems.push({ key: 'minAboveMax', params: { n: i + 1 } });
    if (seen.has(c.id)) problems.push({ key: 'duplicateChoice', params: { id: c.id } });
    seen.add(c.id);
  });
  return problems;
}
