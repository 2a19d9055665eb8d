/**
 * DESIGN.md §5: every lesson ships a starter that fails its checks and a reference solution that
 * passes them. This grades both, and each declared common wrong answer (which must fail the checks
 * it names), so an author (pack:validate --run) and the tests can prove it.
 */
import type { SimEngine } from '../grading/engine';
import { gradeLesson } from '../grading/grade';
import { applyGraphEdit } from '../../shared/graphEdit';
import type { Problem } from './crossRefs';
import type { LoadedPack } from './validate';

export function checkSolutions(pack: LoadedPack, engine: SimEngine): Problem[] {
  const problems: Problem[] = [];
  for (const { file, lesson, starter, reference } of pack.lessons) {
    if (lesson.checks.length === 0) continue;
    const grade = (graph: typeof starter) =>
      gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, starter }, engine).report;
    try {
      // Quiz answers are not part of a graph, so quizzes are left out of both proofs.
      const graded = (graph: typeof starter) => grade(graph).checks.filter((c) => c.type !== 'quiz');
      const start = graded(starter);
      if (start.length > 0 && start.every((c) => c.passed)) problems.push({ file, path: 'starter', message: 'the starter already passes every check: there is nothing for the student to do' });
      if (reference === undefined) {
        problems.push({ file, path: 'reference', message: 'a lesson with checks needs a reference solution that passes them' });
        continue;
      }
      for (const check of graded(reference)) {
        if (check.passed) continue;
        const measured = check.measured === null ? 'nothing measured' : `measured ${String(check.measured)}`;
        const index = lesson.checks.findIndex((c) => c.id === check.id);
        problems.push({ file, path: `checks[${index}]`, message: `the reference solution fails check "${check.id}" (${measured}${check.bound ? `, expected ${check.bound}` : ''}${check.error ? `: ${check.error}` : ''})` });
      }
      // Each common wrong answer must fail the checks it names, or those checks do not catch it.
      lesson.wrongAnswers.forEach((wrong, i) => {
        const report = graded(applyGraphEdit(starter, wrong.edit));
        for (const id of wrong.fails) {
          const check = report.find((c) => c.id === id);
          if (check?.passed !== true) continue;
          const measured = check.measured === null ? 'nothing measured' : `measured ${String(check.measured)}`;
          problems.push({ file, path: `wrongAnswers[${i}]`, message: `the wrong answer "${wrong.id}" passes check "${id}", which it must fail (${measured}${check.bound ? `, bound ${check.bound}` : ''})` });
        }
      });
    } catch (error) {
      problems.push({ file, path: '(document root)', message: `grading failed: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  return problems;
}
