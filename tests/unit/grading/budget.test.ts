// In a lesson with a budget, what capacity buys scores only within it (grade.ts holdToBudget): a
// design over the budget that meets an error or latency check earns nothing for it, with the reason,
// while a check of what money cannot buy (sessions lost) keeps its points.
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateChecks } from '../../../src/main/grading/grade';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec } from '../../../src/shared/graph';
import { gradeText } from '../../../src/shared/i18n/gradeTexts';
import { parseUntrustedJson } from '../../../src/shared/json';
import { lessonSpec, type Lesson } from '../../../src/shared/lesson';
import { fakeEngine, fakeRun, type Series } from './fakeRun';

const example = (name: string) => parseUntrustedJson(readFileSync(path.resolve(__dirname, '../../fixtures/examples', name), 'utf8'), 1e6);
const graph = loadDocument(example('stateless-tier.graph.json'), graphSpec);
const lessonWith = (budgetPoints: number): Lesson =>
  loadDocument(
    {
      ...(example('session-state.lesson.json') as object),
      checks: [
        { id: 'few-errors', type: 'metric', metric: 'errorRate', op: '<', value: 0.01, points: 3 },
        { id: 'fast', type: 'metric', metric: 'latencyP99', op: '<', value: 100, points: 2 },
        { id: 'no-lost-sessions', type: 'metric', metric: 'sessionsLost', op: '==', value: 0, points: 2 },
        { id: 'budget', type: 'metric', metric: 'cost', op: '<=', value: 100, points: budgetPoints },
      ],
    },
    lessonSpec,
  );
const zeros = Array.from({ length: 60 }, () => 0);
/** Every check met; the cost over the run is `cost` (spread over its buckets). */
const run = (cost: number): Series => ({ errorRate: { '*': zeros }, latencyP99: { '*': zeros.map(() => 50) }, sessionsLost: { '*': zeros }, cost: { '*': zeros.map(() => cost / 60) } });
const grade = (lesson: Lesson, series: Series) => {
  const r = fakeRun(lesson.scenario.durationMs, series);
  return evaluateChecks({ packId: 'p', packVersion: '1.0.0', lesson, graph, answers: {} }, r, fakeEngine(r));
};

describe('a budget', () => {
  it('within it, every check met scores', () => {
    const report = grade(lessonWith(1), run(90));
    expect(report.checks.map((c) => [c.id, c.passed, c.points])).toEqual([
      ['few-errors', true, 3],
      ['fast', true, 2],
      ['no-lost-sessions', true, 2],
      ['budget', true, 1],
    ]);
    expect(report.score).toBe(8);
  });

  it('over it, the error and latency checks met earn nothing and say why; lost sessions keep their points', () => {
    const report = grade(lessonWith(1), run(600));
    expect(report.checks.map((c) => [c.id, c.passed, c.points])).toEqual([
      ['few-errors', false, 0],
      ['fast', false, 0],
      ['no-lost-sessions', true, 2],
      ['budget', false, 0],
    ]);
    // Capacity bought 5 points and the budget cost 1: without the rule this design scored 7 of 8.
    expect(report.score).toBe(2);
    const fast = report.checks[1]!;
    expect(fast.measured).toBe(50);
    expect(fast.errorKeys).toEqual([{ key: 'check.overBudget' }]);
    expect(fast.error).toContain("over the lesson's budget");
    expect(gradeText(fast.errorKeys![0]!, 'zh-CN')).toContain('超出了本课程的预算');
    // The check's own feedback is about a failure it did not have: it is not shown.
    expect(fast.feedback).toBeUndefined();
  });

  it('a cost check worth no points is an observation, not a budget: it takes nothing away', () => {
    const report = grade(lessonWith(0), run(600));
    expect(report.checks.map((c) => [c.id, c.passed, c.points])).toEqual([
      ['few-errors', true, 3],
      ['fast', true, 2],
      ['no-lost-sessions', true, 2],
      ['budget', false, 0],
    ]);
  });
});
