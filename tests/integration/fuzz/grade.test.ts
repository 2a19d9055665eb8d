/**
 * Grading is bounded and total: any design the graph schema accepts, graded against the built-in
 * lessons (held to each lesson's frame, for a sampled student's variant), gives a well-formed
 * report (GradeReportSchema) with every score within [0, max], or the run's event-budget error;
 * nothing else is thrown. The designs are a lesson's starter with props redrawn from the kinds'
 * schemas, nodes dropped, and arbitrary nodes and edges added (so the lesson's fault targets exist
 * in some cases and not in others). The lesson's run is cut short so the case count stays useful;
 * its fault and window times stay as written (some now fall after the end).
 * GRADE_FUZZ_RUNS raises the case count.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import type { SimEngine } from '../../../src/main/grading/engine';
import { lessonForStudent } from '../../../src/main/grading/variant';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { EventBudgetError, readMetric, simulate } from '../../../src/main/sim/index';
import { GradeReportSchema, type GradeReport } from '../../../src/shared/gradeReport';
import { EDGE_KINDS, GraphSchema } from '../../../src/shared/graph';
import type { Lesson } from '../../../src/shared/lesson';
import { NODE_PROPS_SCHEMAS } from '../../../src/shared/nodeProps';
import { deepFreeze, graphArb, isSimInputError } from '../../support/graphArb';
import { arbFromZod } from '../../support/zodArb';
import { PACK_DIR } from '../lessons/expectations';

const RUNS = Number(process.env.GRADE_FUZZ_RUNS ?? 120);
const MAX_EVENTS = 40_000;
const pack = await loadPackFolder(PACK_DIR);

const engine: SimEngine = {
  simulate: (graph, scenario) => simulate(graph, scenario, { maxEvents: MAX_EVENTS }),
  readMetric: (run, metric, window, nodeId) => readMetric(run, metric, window, nodeId),
};

/** Answers a student could give: for each quiz and prediction, one of its choices, a stray id, or nothing. */
function answersArb(lesson: Lesson): fc.Arbitrary<Record<string, string>> {
  const questions = [...lesson.checks.flatMap((c) => (c.type === 'quiz' ? [{ id: c.id, choices: c.choices.map((x) => x.id) }] : [])), ...(lesson.predictions ?? []).map((p) => ({ id: p.id, choices: p.choices.map((x) => x.id) }))];
  return fc
    .tuple(...questions.map((q) => fc.option(fc.constantFrom(...q.choices, 'not-a-choice'), { nil: undefined })))
    .map((picked) => Object.fromEntries(questions.flatMap((q, i) => (picked[i] === undefined ? [] : [[q.id, picked[i]]]))));
}

const designArb = fc.integer({ min: 0, max: pack.lessons.length - 1 }).chain((lessonIdx) => {
  const starter = pack.lessons[lessonIdx]!.starter;
  return fc.record({
    lessonIdx: fc.constant(lessonIdx),
    student: fc.option(fc.string({ maxLength: 12 }), { nil: undefined }),
    durationMs: fc.integer({ min: 1, max: 4000 }),
    // Per starter node: keep it as is, redraw its props from its kind's schema, or drop it.
    starterNodes: fc.tuple(...starter.nodes.map((n) => fc.oneof(fc.constant('keep' as const), fc.constant('drop' as const), arbFromZod(NODE_PROPS_SCHEMAS[n.kind]).map((props) => ({ props }))))),
    extra: graphArb({ maxNodes: 4, maxEdges: 5 }),
    crossEdges: fc.array(fc.record({ s: fc.nat(), t: fc.nat(), kind: fc.constantFrom(...EDGE_KINDS) }), { maxLength: 5 }),
    // Answers to the lesson's own quizzes and predictions (any of their choices, or none), or stray keys.
    answers: fc.oneof(fc.dictionary(fc.string({ maxLength: 10 }), fc.string({ maxLength: 10 }), { maxKeys: 3 }), answersArb(pack.lessons[lessonIdx]!.lesson)),
  });
});

type Design = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

/** What grading gave: its report, or the budget error (the host reports it as an error). */
function gradeOnce(d: Design): GradeReport | 'budget' | 'refused' | 'invalid' {
  const entry = lessonForStudent(pack.lessons[d.lessonIdx]!, d.student);
  const starter = entry.starter;
  const nodes = [
    ...starter.nodes.flatMap((n, i) => {
      const what = d.starterNodes[i];
      if (what === 'drop') return [];
      return [what === 'keep' || what === undefined ? n : { ...n, props: what.props as Record<string, unknown> }];
    }),
    ...d.extra.nodes,
  ];
  const ids = nodes.map((n) => n.id);
  const kept = new Set(ids);
  const edges = [
    ...starter.edges.filter((e) => kept.has(e.source) && kept.has(e.target)),
    ...d.extra.edges,
    ...d.crossEdges.filter(() => ids.length > 1).map((e, j) => ({ id: `x${j}`, source: ids[e.s % ids.length]!, target: ids[(e.s + 1 + (e.t % Math.max(1, ids.length - 1))) % ids.length]!, kind: e.kind })),
  ];
  const parsed = GraphSchema.safeParse({ format: 'statelab.graph', version: 1, nodes, edges });
  if (!parsed.success) {
    if (process.env.FUZZ_STATS) console.log(parsed.error.issues.map((i) => i.path.join('.') + ' ' + i.message).join('; '));
    return 'refused';
  }
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, durationMs: d.durationMs } };
  try {
    return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: deepFreeze(parsed.data), starter, answers: d.answers }, engine).report;
  } catch (e) {
    if (e instanceof EventBudgetError) return 'budget';
    // A design the simulator refuses (props out of range, two coordinators) is refused by name, as in the lab.
    if (isSimInputError(e)) return 'invalid';
    throw e;
  }
}

describe('grading any accepted design against the built-in lessons', () => {
  it(`gives a well-formed report with scores in [0, max], a budget error or a named input error (${RUNS} cases)`, () => {
    const seen = { report: 0, budget: 0, refused: 0, invalid: 0 };
    fc.assert(
      fc.property(designArb, (d) => {
        const report = gradeOnce(d);
        if (typeof report === 'string') {
          seen[report]++;
          return;
        }
        seen.report++;
        const parsed = GradeReportSchema.safeParse(report);
        expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
        expect(report.score).toBeGreaterThanOrEqual(0);
        expect(report.score).toBeLessThanOrEqual(report.maxScore);
        for (const c of [...report.checks, ...(report.predictions ?? [])]) {
          expect(c.points).toBeGreaterThanOrEqual(0);
          expect(c.points).toBeLessThanOrEqual(c.maxPoints);
          if (typeof c.measured === 'number') expect(Number.isFinite(c.measured), `${c.id} measured ${c.measured}`).toBe(true);
        }
        // Deterministic: the same design grades the same.
        expect(gradeOnce(d)).toEqual(report);
      }),
      { numRuns: RUNS, seed: Number(process.env.GRADE_FUZZ_SEED ?? 20_261_127), endOnFailure: true },
    );
    if (process.env.FUZZ_STATS) console.log(seen);
    expect(seen.report).toBeGreaterThan(RUNS / 4);
  }, 30_000 + RUNS * 1000);
});
