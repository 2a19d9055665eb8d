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

export interface VerifyInput {
  packId: string;
  lesson: Lesson;
  starter: Graph;
  reference?: Graph;
  seeds: number[];
}

export function verifyLesson(input: VerifyInput, engine: SimEngine, onProgress: (fraction: number) => void = () => {}): VerifyResult {
  const { lesson, seeds } = input;
  const designs: [VerifyDesign, Graph][] = [['starter', input.starter]];
  if (input.reference) designs.push(['reference', input.reference]);
  for (const wrong of lesson.wrongAnswers) designs.push([wrongDesign(wrong.id), applyGraphEdit(input.starter, wrong.edit)]);
  // Quiz answers are not part of a design: quizzes are left out, as in pack:validate --run.
  const graded = lesson.checks.filter((c) => c.type !== 'quiz');
  const rows = new Map<string, VerifyCheckRow>(graded.map((c) => [c.id, { checkId: c.id, designs: {}, isFreePoint: false, isFlaky: false, wrongPasses: [] }]));
  const errors: VerifyResult['errors'] = [];
  const total = designs.length * seeds.length;
  let done = 0;
  for (const [design, graph] of designs) {
    for (const seed of seeds) {
      try {
        const { report } = gradeLesson({ packId: input.packId, packVersion: '0.0.0', lesson: { ...lesson, scenario: { ...lesson.scenario, seed } }, graph, starter: input.starter }, engine);
        for (const check of report.checks) {
          const row = rows.get(check.id);
          if (!row) continue;
          const cell = (row.designs[design] ??= { passed: 0, total: 0, measured: [] });
          cell.total++;
          if (check.passed) cell.passed++;
          if (check.unit) row.unit = check.unit as MetricUnit;
          cell.measured.push(check.error ? check.error : check.measured);
        }
      } catch (error) {
        errors.push({ design, message: error instanceof Error ? error.message : String(error) });
        break;
      }
      onProgress(++done / total);
    }
  }
  for (const row of rows.values()) {
    const starter = row.designs.starter;
    const reference = row.designs.reference;
    row.isFreePoint = starter !== undefined && starter.total > 0 && starter.passed === starter.total;
    row.isFlaky = reference !== undefined && reference.passed < reference.total;
    row.wrongPasses = lesson.wrongAnswers.filter((w) => w.fails.includes(row.checkId) && (row.designs[wrongDesign(w.id)]?.passed ?? 0) > 0).map((w) => w.id);
  }
  return { lessonId: lesson.id, seeds, checks: [...rows.values()], errors };
}
