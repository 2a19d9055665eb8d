/**
 * Pure helpers of the studio's "predict before you run" editor: a new question, moving one up or
 * down, and what is wrong with one (keys of the studio namespace's `predict.problems`).
 */
import type { z } from 'zod';
import type { PredictionSchema } from '../../../shared/instructor';

/** A prediction as the lesson document holds it (points may be left to their default). */
export type PredictionDoc = z.input<typeof PredictionSchema>;

/** A two-choice question on the error rate, under an id not taken by a check or another prediction. */
export function newPrediction(usedIds: readonly string[]): PredictionDoc {
  const used = new Set(usedIds);
  let id = 'predict';
  for (let n = 2; used.has(id); n++) id = `predict-${n}`;
  return {
    id,
    question: { en: '' },
    choices: [
      { id: 'a', text: { en: '' }, max: 0.01 },
      { id: 'b', text: { en: '' }, min: 0.01 },
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
