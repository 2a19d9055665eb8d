import type { Lesson } from '../../src/shared/lesson';

/** An answer to each "predict before you run" question (its first choice): predictions are graded for completion. */
export const predictionAnswers = (lesson: Pick<Lesson, 'predictions'>): Record<string, string> =>
  Object.fromEntries(lesson.predictions.map((p) => [p.id, p.choices[0]!.id]));
