// What the grading tests of the built-in pack share (grading*.test.ts, split in three so that two
// test workers share the work): the pack, grading a lesson's design on a seed, and reading a report.
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { LoadedLesson } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';
import { predictionAnswers } from '../../support/predictions';
import { EXPECTATIONS, PACK_DIR } from './expectations';

export const pack = await loadPackFolder(PACK_DIR);

/** The lessons as describe.each rows: [id, lesson]. */
export const lessonRows = pack.lessons.map((l) => [l.lesson.id, l] as const);

export function grade(entry: LoadedLesson, which: 'starter' | 'reference' | Graph, seed: number): GradeReport {
  const graph = which === 'starter' ? entry.starter : which === 'reference' ? entry.reference : which;
  if (graph === undefined) throw new Error(`${entry.lesson.id} has no reference solution`);
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const answers = { ...predictionAnswers(entry.lesson), ...(EXPECTATIONS[entry.lesson.id]?.answers ?? {}) };
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers }, simEngine).report;
}

/** Ids of the failing checks, in lesson order. */
export const failing = (report: GradeReport) => report.checks.filter((c) => !c.passed).map((c) => c.id);
/** The check failed because its metric measured nothing in the window (e.g. no request was served). */
export const isNotMeasured = (c: GradeReport['checks'][number]) => c.errorKeys !== undefined && c.errorKeys.length > 0 && c.errorKeys.every((k) => k.key.startsWith('unmeasured.'));
export const explain = (report: GradeReport) => report.checks.map((c) => `${c.passed ? 'pass' : 'FAIL'} ${c.id} measured=${String(c.measured)} bound=${String(c.bound)}${c.error ? ` error=${c.error}` : ''}`).join('\n');
