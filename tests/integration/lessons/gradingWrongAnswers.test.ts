// Grades every lesson of the built-in pack on the simulator: on each seed of WRONG_ANSWER_SEEDS
// (three; all ten of SEEDS with STATELAB_SEEDS=all) each common wrong answer the lesson declares
// (its `wrongAnswers`) fails exactly the checks it names (the starter's part is in grading.test.ts).
import { describe, expect, it } from 'vitest';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { WRONG_ANSWER_SEEDS } from './expectations';
import { explain, failing, grade, lessonRows } from './gradeBuiltIn';

describe('every lesson of the built-in pack', () => {
  describe.each(lessonRows.filter(([, entry]) => entry.lesson.wrongAnswers.length > 0))('%s', (_id, entry) => {
    const wrongAnswers = entry.lesson.wrongAnswers.flatMap((w) => WRONG_ANSWER_SEEDS.map((seed) => [w.name.en, seed, w] as const));
    it.each(wrongAnswers)('wrong answer "%s", seed %i: fails only what it has not fixed', (_name, seed, wrong) => {
      const report = grade(entry, applyGraphEdit(entry.starter, wrong.edit), seed);
      expect(failing(report).filter((c) => !wrong.mayFail.includes(c)), explain(report)).toEqual(entry.lesson.checks.map((c) => c.id).filter((c) => wrong.fails.includes(c)));
      // A wrong answer never earns full marks: it fails at least one check worth points.
      expect(report.checks.filter((c) => !c.passed && c.maxPoints > 0).map((c) => c.id), explain(report)).not.toEqual([]);
      expect(report.score, explain(report)).toBeLessThan(report.maxScore);
    });
  });
});
