/**
 * What each built-in lesson is about, as the grading test checks it: the quiz answers a student
 * who did the lesson would give, and exactly which checks the starter design must fail. The
 * reference solution must pass every check. Both hold on every seed in SEEDS, so no lesson
 * passes or fails by luck.
 */
export interface LessonExpectation {
  /** Quiz answers (check id → choice id) given to both the starter and the reference. */
  answers: Record<string, string>;
  /** Checks the starter fails on every seed; every other check it passes. */
  starterFails: string[];
}

export const SEEDS = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10] as const;

export const PACK_DIR = 'lessons/stateless-vs-stateful';

export const EXPECTATIONS: Record<string, LessonExpectation> = {
  'any-instance': { answers: { 'why-any': 'external' }, starterFails: ['recovered-quickly', 'small-blast'] },
  'remote-state': { answers: { 'remote-calls': '3' }, starterFails: ['p99-target', 'few-errors', 'db-not-saturated'] },
  'session-state': { answers: { 'sticky-share': 'third' }, starterFails: ['no-loss-while-healthy', 'no-loss-at-crash', 'errors-recover', 'state-outside'] },
};
