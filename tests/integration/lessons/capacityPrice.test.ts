// "Every knob has a price": capacity's is the cost metric. Wherever maximum capacity (every worker,
// the fastest instances, the biggest database and cache the lesson lets the student set) buys a scored
// check on the lesson's starter or one of its wrong answers, the lesson must charge for it: a scored
// cost check (cost or cost per 1000 served) that the capacity-maxed design fails. Before lessons 2, 5,
// 7, 8 and 12 had their budgets, maximum workers took scaling-out's starter from 2 to 7 of 10 and two
// of deploying's wrong answers to full marks.
// And the charge must outweigh what was bought: maximum capacity never raises a starter's or a wrong
// answer's score. With a 1-point budget alone it did (deploying's two signed-token instances went
// from 5 to 8 of 9, scaling-out's starter from 3 to 7 of 11, build-it-yourself's two instances from 6
// to 10 of 11); grading now scores what capacity buys only within the budget (grade.ts holdToBudget).
// Each design is graded on one seed of SEEDS, in turn.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import type { LoadedLesson } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { predictionAnswers } from '../../support/predictions';
import { PRICED, pricedDesign } from '../../support/priced';
import { EXPECTATIONS, SEEDS } from './expectations';
import { explain, pack } from './gradeBuiltIn';
import { simEngine } from '../../../src/main/grading/simEngine';

const CAPACITY = PRICED.filter((p) => p.isCapacity === true);
const COST_METRICS: ReadonlySet<string> = new Set(['cost', 'costPer1kServed']);

function grade(entry: LoadedLesson, graph: Graph, seed: number): GradeReport {
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const answers = { ...predictionAnswers(entry.lesson), ...(EXPECTATIONS[entry.lesson.id]?.answers ?? {}) };
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers, starter: entry.starter }, simEngine).report;
}

const passedScored = (report: GradeReport): string[] => report.checks.filter((c) => c.passed && c.maxPoints > 0).map((c) => c.id);

describe('capacity that buys a check is charged for, and maximum capacity never raises a score', () => {
  it.each(pack.lessons.map((l, i) => [l.lesson.id, l, i] as const))('%s', (_id, entry, lessonIndex) => {
    const costChecks = entry.lesson.checks.filter((c) => c.type === 'metric' && COST_METRICS.has(c.metric) && c.points > 0).map((c) => c.id);
    // A check a design fails only on some seeds (the lesson's mayFail: luck of the noise) is not one capacity buys.
    const designs: [string, Graph, readonly string[]][] = [
      ['starter', entry.starter, Object.keys(EXPECTATIONS[entry.lesson.id]?.starterMayFail ?? {})],
      ...entry.lesson.wrongAnswers.map((w): [string, Graph, readonly string[]] => [w.id, applyGraphEdit(entry.starter, w.edit), w.mayFail]),
    ];
    const bought: string[] = [];
    const scores: string[] = [];
    for (const [designIndex, [name, graph, byLuck]] of designs.entries()) {
      const seed = SEEDS[(lessonIndex + designIndex) % SEEDS.length]!;
      const generous = pricedDesign(entry, graph, CAPACITY, `${name} generous`).graph;
      if (JSON.stringify(generous) === JSON.stringify(graph)) continue;
      const base = grade(entry, graph, seed);
      const before = new Set(passedScored(base));
      const after = grade(entry, generous, seed);
      // Spending never pays: the same design scores no more with every capacity knob at its maximum
      // (a check it may fail by the noise's luck left out on both sides).
      const scoreOf = (report: GradeReport) => [...report.checks, ...(report.predictions ?? [])].filter((c) => !byLuck.includes(c.id)).reduce((sum, c) => sum + c.points, 0);
      scores.push(`${name} ${scoreOf(base)} → ${scoreOf(after)}`);
      expect(scoreOf(after), `${entry.lesson.id}: ${name} with maximum capacity scores more than without it, on seed ${seed}\n${explain(after)}`).toBeLessThanOrEqual(scoreOf(base));
      const gained = passedScored(after).filter((id) => !before.has(id) && !byLuck.includes(id));
      if (gained.length === 0) continue;
      bought.push(`${name} + capacity passes ${gained.join(', ')} on seed ${seed}`);
      // The price: a scored cost check this capacity fails.
      expect(costChecks, `${entry.lesson.id}: ${name} with maximum capacity passes ${gained.join(', ')}, and no scored check charges for capacity`).not.toEqual([]);
      expect(after.checks.filter((c) => costChecks.includes(c.id) && !c.passed).map((c) => c.id), `${entry.lesson.id}: ${name} with maximum capacity`).not.toEqual([]);
    }
    // A lesson with a budget: the reference with maximum capacity fails it too (the reference's own pass is gradingReference's).
    if (costChecks.length > 0) {
      const report = grade(entry, pricedDesign(entry, entry.reference!, CAPACITY, 'reference generous').graph, SEEDS[lessonIndex % SEEDS.length]!);
      expect(report.checks.filter((c) => costChecks.includes(c.id) && !c.passed).map((c) => c.id), `${entry.lesson.id}: the reference with maximum capacity`).not.toEqual([]);
    }
    if (bought.length > 0) console.log(`${entry.lesson.id}: ${bought.join('; ')}`);
  }, 60_000);
});
