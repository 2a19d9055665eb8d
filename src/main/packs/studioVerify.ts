/**
 * The studio's live verification: grades the lesson's starter, reference and common wrong answers
 * on several seeds and counts, per check, how often each passed, with what it measured. A check the
 * starter passes on every seed is a free point; one the reference fails on some seed is flaky; a
 * wrong answer passing, on some seed, a check it must fail is named on that check. Pure over a SimEngine,
 * so the worker (workers/studioVerifyJob.ts) and the tests run the same code.
 */
import type { Graph } from '../../shared/graph';
import { applyGraphEdit } from '../../shared/graphEdit';
import type { Lesson } from '../../shared/lesson';
import type { MetricUnit } from '../../shared/metrics';
import { wrongDesign, type VerifyCheckRow, type VerifyDesign, type VerifyResult } from '../../shared/studio';
import type { SimEngine } from '../grading/engine';
import { gradeLesson } from '../grading/grade';
import { lessonForStudent } from '../grading/variant';
import { sampleStudents } from '../../shared/variants';

export interface VerifyInput {
  packId: string;
  lesson: Lesson;
  starter: Graph;
  reference?: Graph;
  seeds: number[];
}

type Run = { design: VerifyDesign; graph: Graph; lesson: Lesson; starter: Graph };

/** Grades each run and counts, per check and design, the passes and what was measured. */
function tally(lesson: Lesson, runs: Run[], packId: string, engine: SimEngine, errors: VerifyResult['errors'], step: () => void): VerifyCheckRow[] {
  // Quiz answers are not part of a design: quizzes are left out, as in pack:validate --run.
  const graded = lesson.checks.filter((c) => c.type !== 'quiz');
  const rows = new Map<string, VerifyCheckRow>(graded.map((c) => [c.id, { checkId: c.id, designs: {}, isFreePoint: false, isFlaky: false, wrongPasses: [] }]));
  const broken = new Set<VerifyDesign>();
  for (const run of runs) {
    if (broken.has(run.design)) {
      step();
      continue;
    }
    try {
      const { report } = gradeLesson({ packId, packVersion: '0.0.0', lesson: run.lesson, graph: run.graph, starter: run.starter }, engine);
      for (const check of report.checks) {
        const row = rows.get(check.id);
        if (!row) continue;
        const cell = (row.designs[run.design] ??= { passed: 0, total: 0, measured: [] });
        cell.total++;
        if (check.passed) cell.passed++;
        if (check.unit) row.unit = check.unit as MetricUnit;
        if (check.bound !== null) row.bound = check.bound;
        // A check that measured nothing (no request served, no recovery in its window) reads as
        // nothing measured (null, "—"), as the lesson panel says it. A check grading could not
        // evaluate (a fault target the design lacks) keeps what the run measured, as the lesson
        // panel shows it, and its reason once per cell, with its keys, for the panel to say in the
        // author's language beside the table, not as a value in it.
        const isUnmeasured = (check.errorKeys ?? []).length > 0 && check.errorKeys!.every((k) => k.key.startsWith('unmeasured.'));
        const isError = check.error !== undefined && !isUnmeasured;
        if (isError) cell.error ??= { text: check.error!, ...(check.errorKeys ? { keys: check.errorKeys } : {}) };
        cell.measured.push(check.measured);
      }
    } catch (error) {
      errors.push({ design: run.design, message: error instanceof Error ? error.message : String(error) });
      broken.add(run.design);
    }
    step();
  }
  for (const row of rows.values()) {
    const starter = row.designs.starter;
    const reference = row.designs.reference;
    row.isFreePoint = starter !== undefined && starter.total > 0 && starter.passed === starter.total;
    row.isFlaky = reference !== undefined && reference.passed < reference.total;
    row.wrongPasses = lesson.wrongAnswers.filter((w) => w.fails.includes(row.checkId) && (row.designs[wrongDesign(w.id)]?.passed ?? 0) > 0).map((w) => w.id);
  }
  return [...rows.values()];
}

/**
 * Grades starter, reference and wrong answers on `seeds`; a lesson with variants also has its
 * starter and reference graded as `seeds.length` sampled students get it ("student-1" …, each with
 * their own values and seed), as `pack:validate --run` proves it.
 */
export function verifyLesson(input: VerifyInput, engine: SimEngine, onProgress: (fraction: number) => void = () => {}): VerifyResult {
  const { lesson, seeds } = input;
  const designs: [VerifyDesign, Graph][] = [['starter', input.starter]];
  if (input.reference) designs.push(['reference', input.reference]);
  for (const wrong of lesson.wrongAnswers) designs.push([wrongDesign(wrong.id), applyGraphEdit(input.starter, wrong.edit)]);
  const runs: Run[] = designs.flatMap(([design, graph]) => seeds.map((seed) => ({ design, graph, lesson: { ...lesson, scenario: { ...lesson.scenario, seed } }, starter: input.starter })));
  const students = lesson.variants ? sampleStudents(seeds.length) : [];
  const sampled: Run[] = [];
  const variants: NonNullable<VerifyResult['variants']>['students'] = [];
  for (const student of students) {
    const own = lessonForStudent({ lesson, starter: input.starter, reference: input.reference }, student);
    if (!own.variant) continue;
    variants.push({ student, seed: own.variant.seed, values: own.variant.values });
    sampled.push({ design: 'starter', graph: own.starter as Graph, lesson: own.lesson, starter: own.starter as Graph });
    if (own.reference) sampled.push({ design: 'reference', graph: own.reference, lesson: own.lesson, starter: own.starter as Graph });
  }
  const total = runs.length + sampled.length;
  let done = 0;
  const step = () => onProgress(++done / total);
  const errors: VerifyResult['errors'] = [];
  const checks = tally(lesson, runs, input.packId, engine, errors, step);
  const result: VerifyResult = { lessonId: lesson.id, seeds, checks, errors };
  if (sampled.length > 0) result.variants = { students: variants, checks: tally(lesson, sampled, input.packId, engine, errors, step) };
  return result;
}
