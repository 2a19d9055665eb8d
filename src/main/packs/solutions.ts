/**
 * DESIGN.md §5: every lesson ships a starter that fails its checks and a reference solution that
 * passes them. This grades both, and each declared common wrong answer (which must fail the checks
 * it names), so an author (pack:validate --run) and the tests can prove it; a lesson that declares
 * variants is proved on the lesson as written and on `VARIANT_SAMPLES` sampled students' variants
 * (students "student-1" … "student-20").
 */
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { sampleStudents } from '../../shared/variants';
import type { SimEngine } from '../grading/engine';
import { gradeLesson } from '../grading/grade';
import { applyGraphEdit } from '../../shared/graphEdit';
import { allKnobsAt } from '../../shared/knobs';
import { englishNote, lessonForStudent, variantMessage } from '../grading/variant';
import { packMessage, type PackMessage } from '../../shared/i18n/packTexts';
import { problemOf, type Problem } from './crossRefs';

const errorDetail = (error: unknown) => (error instanceof Error ? error.message : String(error));
import type { LoadedPack } from './validate';

/** What a check measured, in the validator's words. */
const measuredOf = (check: { measured: string | number | boolean | null }): PackMessage => (check.measured === null ? packMessage('run.nothingMeasured') : packMessage('run.measured', { value: String(check.measured) }));

/** How many students' variants `--run` proves a lesson with variants over. */
export const VARIANT_SAMPLES = 20;

export function checkSolutions(pack: LoadedPack, engine: SimEngine, variantSamples = VARIANT_SAMPLES): Problem[] {
  const problems: Problem[] = [];
  for (const loaded of pack.lessons) {
    if (loaded.lesson.checks.length === 0) continue;
    if (loaded.reference === undefined) {
      problems.push(problemOf(loaded.file, 'reference', packMessage('run.noReference')));
      continue;
    }
    problems.push(...proveLesson(pack, engine, loaded.file, loaded.lesson, loaded.starter, loaded.reference, ''));
    problems.push(...proveWrongAnswers(pack, engine, loaded.file, loaded.lesson, loaded.starter));
    problems.push(...proveServesNobody(pack, engine, loaded.file, loaded.lesson, loaded.starter, loaded.reference));
    problems.push(...proveKnobsAtMinimum(pack, engine, loaded.file, loaded.lesson, loaded.starter, loaded.reference));
    if (!loaded.lesson.variants) continue;
    for (const student of sampleStudents(variantSamples)) {
      const own = lessonForStudent(loaded, student);
      const parameters = loaded.lesson.variants.parameters;
      const which = own.variant ? packMessage('run.variantOf', { student, values: englishNote(variantMessage(own.variant, parameters), parameters) }) : '';
      problems.push(...proveLesson(pack, engine, loaded.file, own.lesson, own.starter, own.reference as Graph, which));
    }
  }
  return problems;
}

/** The starter fails at least one graded check and the reference passes them all; `which` names the variant in messages. */
function proveLesson(pack: LoadedPack, engine: SimEngine, file: string, lesson: Lesson, starter: Graph, reference: Graph, which: PackMessage | ''): Problem[] {
  const problems: Problem[] = [];
  // Quiz answers are not part of a graph, so quizzes are left out of both proofs.
  const graded = (graph: Graph) =>
    gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, starter }, engine).report.checks.filter((c) => c.type !== 'quiz');
  try {
    const start = graded(starter);
    if (start.length > 0 && start.every((c) => c.passed)) problems.push(problemOf(file, 'starter', packMessage('run.starterPasses', { which })));
    for (const check of graded(reference)) {
      if (check.passed) continue;
      const index = lesson.checks.findIndex((c) => c.id === check.id);
      const bounded = check.bound ? packMessage('run.expected', { measured: measuredOf(check), bound: check.bound }) : measuredOf(check);
      problems.push(problemOf(file, `checks[${index}]`, packMessage('run.referenceFails', { check: check.id, which, detail: check.error ? packMessage('run.checkError', { detail: bounded, error: check.error }) : bounded })));
    }
  } catch (error) {
    problems.push(problemOf(file, '(document root)', packMessage('run.gradingFailed', { which, detail: errorDetail(error) })));
  }
  return problems;
}

/** Each common wrong answer must fail the checks it names, or those checks do not catch it. */
function proveWrongAnswers(pack: LoadedPack, engine: SimEngine, file: string, lesson: Lesson, starter: Graph): Problem[] {
  const problems: Problem[] = [];
  lesson.wrongAnswers.forEach((wrong, i) => {
    try {
      const graph = applyGraphEdit(starter, wrong.edit);
      const report = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, starter }, engine).report.checks;
      for (const id of wrong.fails) {
        const check = report.find((c) => c.id === id);
        if (check?.passed !== true) continue;
        problems.push(problemOf(file, `wrongAnswers[${i}]`, packMessage('run.wrongPasses', { wrong: wrong.id, check: id, detail: check.bound ? packMessage('run.bound', { measured: measuredOf(check), bound: check.bound }) : measuredOf(check) })));
      }
    } catch (error) {
      problems.push(problemOf(file, `wrongAnswers[${i}]`, packMessage('run.wrongFailed', { wrong: wrong.id, detail: errorDetail(error) })));
    }
  });
  return problems;
}

/**
 * A design that serves nobody earns no points: the reference with every connection out of the
 * users (the clients) cut must not pass a metric or structure check worth points. "No lost writes"
 * holds when nothing is written, a p99 over requests that all failed at once is small: such a check
 * needs `requireServed` (or a path from the users, or 0 points as an observation).
 */
function proveServesNobody(pack: LoadedPack, engine: SimEngine, file: string, lesson: Lesson, starter: Graph, reference: Graph): Problem[] {
  const clients = new Set(reference.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  if (clients.size === 0) return [];
  const cut: Graph = { ...reference, edges: reference.edges.filter((e) => !clients.has(e.source)) };
  try {
    // Without the reach guards: they fail every check of a design whose faults miss it, which would hide a check lacking requireServed.
    const { report, run } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: cut, starter, reachGuard: false }, engine);
    if (engine.readMetric(run, 'ok', { fromMs: 0, toMs: run.durationMs }) > 0) return [];
    return report.checks
      .filter((c) => c.type !== 'quiz' && c.passed && c.points > 0)
      .map((c) =>
        problemOf(
          file,
          `checks[${lesson.checks.findIndex((check) => check.id === c.id)}]`,
          c.type === 'metric' ? packMessage('run.servesNobodyMetric', { check: c.id, points: c.points, measured: String(c.measured) }) : packMessage('run.servesNobodyStructure', { check: c.id, points: c.points }),
        ),
      );
  } catch (error) {
    return [problemOf(file, 'reference', packMessage('run.cutFailed', { detail: errorDetail(error) }))];
  }
}

/**
 * Every knob has a price (DESIGN.md §3): the reference with every number the student may turn at
 * its minimum (health checks every 10 ms, a 10 ms lease, 1 ms timeouts, one worker...) must fail a
 * graded check, or the lesson teaches that the quickest setting is free. (At their maximum, some
 * knobs are honestly free in a lesson, such as health checks in one where nothing dies: the tests
 * search those one by one, tests/integration/lessons/knobExtremes.test.ts.) A lesson that scores
 * only structure and quizzes is left alone: it grades what the design is, not how it runs.
 */
function proveKnobsAtMinimum(pack: LoadedPack, engine: SimEngine, file: string, lesson: Lesson, starter: Graph, reference: Graph): Problem[] {
  // A lesson that scores no metric grades the design's shape, not how it runs: no setting is on trial.
  if (!lesson.checks.some((c) => c.type === 'metric' && c.points > 0)) return [];
  const graph = allKnobsAt(lesson, reference, 'min');
  if (graph === reference) return [];
  try {
    const checks = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, starter }, engine).report.checks.filter((c) => c.type !== 'quiz' && c.maxPoints > 0);
    if (checks.length === 0 || checks.some((c) => !c.passed)) return [];
    return [problemOf(file, 'checks', packMessage('run.knobsFree'))];
  } catch (error) {
    // A design too heavy to simulate fails its grading: that is a price too.
    return error instanceof Error && error.name === 'EventBudgetError' ? [] : [problemOf(file, 'reference', packMessage('run.knobsFailed', { detail: errorDetail(error) }))];
  }
}
