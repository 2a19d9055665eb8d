// Grades every lesson of the built-in pack on the simulator: for each of ten seeds the starter
// fails exactly the checks its lesson is about (give or take a check it may fail by the noise's
// luck, each with its reason in expectations.ts). The reference solution passing them all is in
// gradingReference.test.ts, the lessons' common wrong answers in gradingWrongAnswers.test.ts (one
// file per part, so two test workers share the runs).
import { describe, expect, it } from 'vitest';
import { EXPECTATIONS, SEEDS } from './expectations';
import { explain, failing, grade, isNotMeasured, lessonRows, pack } from './gradeBuiltIn';

describe('every lesson of the built-in pack', () => {
  it('has an expectation for each lesson, and each lesson a reference solution', () => {
    expect(pack.lessons.map((l) => l.lesson.id).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const l of pack.lessons) expect(l.reference, l.lesson.id).toBeDefined();
  });

  describe.each(lessonRows)('%s', (id, entry) => {
    const expected = EXPECTATIONS[id]!;

    it('names only checks the lesson has', () => {
      const ids = entry.lesson.checks.map((c) => c.id);
      for (const check of expected.starterFails) expect(ids).toContain(check);
      for (const check of Object.keys(expected.answers)) expect(ids).toContain(check);
      for (const check of Object.keys(expected.starterMayFail ?? {})) expect(ids).toContain(check);
      expect(expected.starterFails.length).toBeGreaterThan(0);
    });

    it.each(SEEDS)('seed %i: the starter fails exactly the checks the lesson is about', (seed) => {
      const report = grade(entry, 'starter', seed);
      const mayFail = Object.keys(expected.starterMayFail ?? {});
      expect(failing(report).filter((c) => !mayFail.includes(c)), explain(report)).toEqual(entry.lesson.checks.map((c) => c.id).filter((c) => expected.starterFails.includes(c)));
      // A check fails with a reason only when its metric measured nothing (an empty canvas serves nothing).
      for (const c of report.checks) expect(c.error === undefined || isNotMeasured(c), `${c.id}: ${c.error}`).toBe(true);
      // No free points: an empty canvas (nothing built yet) earns nothing from the run; a check it
      // passes only because nothing is served is an observation worth 0 points.
      if (entry.starter.edges.length === 0) {
        const free = report.checks.filter((c) => c.type !== 'quiz' && c.passed && c.maxPoints > 0).map((c) => c.id);
        expect(free, explain(report)).toEqual([]);
      }
    });
  });
});
