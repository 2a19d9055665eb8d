// Grades every lesson of the built-in pack on the simulator: for each of ten seeds the reference
// solution passes every check (the starter's part is in grading.test.ts).
import { describe, expect, it } from 'vitest';
import { SEEDS } from './expectations';
import { explain, failing, grade, lessonRows } from './gradeBuiltIn';

describe('every lesson of the built-in pack', () => {
  describe.each(lessonRows)('%s', (_id, entry) => {
    it.each(SEEDS)('seed %i: the reference solution passes every check', (seed) => {
      const report = grade(entry, 'reference', seed);
      expect(failing(report), explain(report)).toEqual([]);
      expect(report.score).toBe(report.maxScore);
    });
  });
});
