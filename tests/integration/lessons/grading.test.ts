// Grades every lesson of the built-in pack on the simulator: for each of ten seeds the starter
// fails exactly the checks its lesson is about, the reference solution passes them all, and each
// common wrong answer the lesson declares (its `wrongAnswers`) fails exactly the checks it names.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { LoadedLesson } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { predictionAnswers } from '../../support/predictions';
import { EXPECTATIONS, PACK_DIR, SEEDS } from './expectations';

const pack = await loadPackFolder(PACK_DIR);

function grade(entry: LoadedLesson, which: 'starter' | 'reference' | Graph, seed: number): GradeReport {
  const graph = which === 'starter' ? entry.starter : which === 'reference' ? entry.reference : which;
  if (graph === undefined) throw new Error(`${entry.lesson.id} has no reference solution`);
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const answers = { ...predictionAnswers(entry.lesson), ...(EXPECTATIONS[entry.lesson.id]?.answers ?? {}) };
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers }, simEngine).report;
}

/** Ids of the failing checks, in lesson order. */
const failing = (report: GradeReport) => report.checks.filter((c) => !c.passed).map((c) => c.id);
/** The check failed because its metric measured nothing in the window (e.g. no request was served). */
const isNotMeasured = (c: GradeReport['checks'][number]) => c.errorKeys !== undefined && c.errorKeys.length > 0 && c.errorKeys.every((k) => k.key.startsWith('unmeasured.'));
const explain = (report: GradeReport) => report.checks.map((c) => `${c.passed ? 'pass' : 'FAIL'} ${c.id} measured=${String(c.measured)} bound=${String(c.bound)}${c.error ? ` error=${c.error}` : ''}`).join('\n');

describe('every lesson of the built-in pack', () => {
  it('has an expectation for each lesson, and each lesson a reference solution', () => {
    expect(pack.lessons.map((l) => l.lesson.id).sort()).toEqual(Object.keys(EXPECTATIONS).sort());
    for (const l of pack.lessons) expect(l.reference, l.lesson.id).toBeDefined();
  });

  describe.each(pack.lessons.map((l) => [l.lesson.id, l] as const))('%s', (id, entry) => {
    const expected = EXPECTATIONS[id]!;

    it('names only checks the lesson has', () => {
      const ids = entry.lesson.checks.map((c) => c.id);
      for (const check of expected.starterFails) expect(ids).toContain(check);
      for (const check of Object.keys(expected.answers)) expect(ids).toContain(check);
      expect(expected.starterFails.length).toBeGreaterThan(0);
    });

    it.each(SEEDS)('seed %i: the starter fails exactly the checks the lesson is about', (seed) => {
      const report = grade(entry, 'starter', seed);
      expect(failing(report), explain(report)).toEqual(entry.lesson.checks.map((c) => c.id).filter((c) => expected.starterFails.includes(c)));
      // A check fails with a reason only when its metric measured nothing (an empty canvas serves nothing).
      for (const c of report.checks) expect(c.error === undefined || isNotMeasured(c), `${c.id}: ${c.error}`).toBe(true);
      // No free points: an empty canvas (nothing built yet) earns nothing from the run; a check it
      // passes only because nothing is served is an observation worth 0 points.
      if (entry.starter.edges.length === 0) {
        const free = report.checks.filter((c) => c.type !== 'quiz' && c.passed && c.maxPoints > 0).map((c) => c.id);
        expect(free, explain(report)).toEqual([]);
      }
    });

    const wrongAnswers = entry.lesson.wrongAnswers.flatMap((w) => SEEDS.map((seed) => [w.name.en, seed, w] as const));
    it.each(wrongAnswers)('wrong answer "%s", seed %i: fails only what it has not fixed', (_name, seed, wrong) => {
      const report = grade(entry, applyGraphEdit(entry.starter, wrong.edit), seed);
      expect(failing(report).filter((c) => !wrong.mayFail.includes(c)), explain(report)).toEqual(entry.lesson.checks.map((c) => c.id).filter((c) => wrong.fails.includes(c)));
      // A wrong answer never earns full marks: it fails at least one check worth points.
      expect(report.checks.filter((c) => !c.passed && c.maxPoints > 0).map((c) => c.id), explain(report)).not.toEqual([]);
      expect(report.score, explain(report)).toBeLessThan(report.maxScore);
    });

    it.each(SEEDS)('seed %i: the reference solution passes every check', (seed) => {
      const report = grade(entry, 'reference', seed);
      expect(failing(report), explain(report)).toEqual([]);
      expect(report.score).toBe(report.maxScore);
    });
  });
});
