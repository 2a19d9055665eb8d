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
import { editableKnobs, knobValue, setKnob } from '../../../src/shared/knobs';

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

// Capacity bought within the budget must not stand in for the lesson's fix either. A tier is the
// nodes of a kind that share a capacity knob's value (the three API instances, the three owners),
// and for workers each node alone is one too (the hot owner); each tier's knob goes up step by step (workers
// one more, then twice, three times…; cache entries and database capacity times k; service time
// divided by k) as far as the starter stays within the lesson's budget. The claim: the starter so
// scaled scores no more than the starter. (Not "passes none of the checks the starter fails": where
// the lesson teaches spare capacity, capacity is allowed to buy exactly those checks, below.)
// Before lessons 5 and 11 priced their fix, scaling-out's starter with 6× the API workers (337 of
// 340 credits) went from 3 to 8 of 11, and observability's with twice the owners' workers (117 of
// 120) from 5 to 9 of 9.
/** Lessons where capacity within the budget is part of what the lesson teaches: the checks it may buy, and why. */
const CAPACITY_TAUGHT: Record<string, { checks: readonly string[]; why: string }> = {
  deploying: {
    checks: ['zero-failed', 'p99-during-deploy'],
    why: 'one objective is to plan spare capacity for the instance the deploy takes out; sessions kept in memory are still lost, which no capacity buys',
  },
};

/**
 * A capacity knob's next values from `value`, each buying more capacity than the one before, up to
 * 64 times as much (a service time stops at 0.5 ms, below which the price no longer grows).
 */
function* moreCapacity(path: string, value: number): Generator<number> {
  if (path === 'serviceTimeMs.mean') {
    for (let k = 2; k <= 64 && value / k >= 0.5; k++) yield value / k;
    return;
  }
  if (path === 'workers' && value > 1) yield value + 1;
  for (let k = 2; k <= 64; k++) yield value * k;
}

describe('capacity within the budget does not stand in for the fix', () => {
  const budgeted = pack.lessons.map((l, i) => [l.lesson.id, l, i] as const).filter(([, l]) => l.lesson.checks.some((c) => c.type === 'metric' && c.metric === 'cost' && c.points > 0));
  it.each(budgeted)('%s', (id, entry, lessonIndex) => {
    const budget = entry.lesson.checks.find((c): c is Extract<typeof c, { type: 'metric' }> => c.type === 'metric' && c.metric === 'cost' && c.points > 0)!;
    const seed = SEEDS[lessonIndex % SEEDS.length]!;
    const byLuck = Object.keys(EXPECTATIONS[id]?.starterMayFail ?? {});
    const scoreOf = (report: GradeReport) => [...report.checks, ...(report.predictions ?? [])].filter((c) => !byLuck.includes(c.id)).reduce((sum, c) => sum + c.points, 0);
    const costOf = (report: GradeReport) => report.checks.find((c) => c.id === budget.id)!;
    const base = grade(entry, entry.starter, seed);
    const taught = CAPACITY_TAUGHT[id];
    const seen: string[] = [`starter ${scoreOf(base)}`];
    for (const item of CAPACITY) {
      const found = editableKnobs(entry.lesson, entry.starter).find((k) => k.knob.kind === item.kind && k.knob.path === item.path);
      if (!found || found.knob.type !== 'number') continue;
      const knob = found.knob;
      const byValue = new Map<number, string[]>();
      for (const node of entry.starter.nodes.filter((n) => found.nodes.includes(n.id))) {
        const value = knobValue(node, knob);
        if (typeof value === 'number') byValue.set(value, [...(byValue.get(value) ?? []), node.id]);
      }
      const tiers = [...byValue].flatMap(([value, ids]) => [[value, ids] as const, ...(ids.length > 1 && item.path === 'workers' ? ids.map((one) => [value, [one]] as const) : [])]);
      for (const [value, ids] of tiers) {
        // The most capacity within the budget (and the knob's range).
        let best: { value: number; report: GradeReport } | undefined;
        for (const next of moreCapacity(item.path, value)) {
          if (next < knob.min || next > knob.max) break;
          const graph = { ...entry.starter, nodes: entry.starter.nodes.map((n) => (ids.includes(n.id) ? setKnob(n, knob, next) : n)) };
          const report = grade(entry, graph, seed);
          if (!costOf(report).passed) break;
          best = { value: next, report };
        }
        if (!best) continue;
        const name = `${ids.join('+')} ${item.path} ${value} → ${best.value}`;
        seen.push(`${name} ${scoreOf(best.report)} (${String(costOf(best.report).measured)} of ${String(budget.value)})`);
        const gained = passedScored(best.report).filter((c) => !passedScored(base).includes(c) && !byLuck.includes(c));
        if (taught) {
          expect(gained.filter((c) => !taught.checks.includes(c)), `${id}: the starter with ${name}, within the budget, passes more than the spare capacity the lesson teaches (${taught.why})\n${explain(best.report)}`).toEqual([]);
          continue;
        }
        expect(scoreOf(best.report), `${id}: the starter with ${name} stays within the budget and scores more than the starter, on seed ${seed}\n${explain(best.report)}`).toBeLessThanOrEqual(scoreOf(base));
      }
    }
    console.log(`${id} (seed ${seed}): ${seen.join('; ')}`);
  }, 300_000);
});
