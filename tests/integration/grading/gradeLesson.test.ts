import { beforeAll, describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { folderSource } from '../../../src/main/packs/source';
import { validatePack, type LoadedLesson } from '../../../src/main/packs/validate';
import { writePack } from '../../unit/packs/fixtures';
import { shortPack } from './lessonFixture';

let lesson: LoadedLesson;
beforeAll(async () => {
  const { pack, problems } = await validatePack(folderSource(writePack(shortPack())));
  expect(problems).toEqual([]);
  lesson = pack!.lessons[0]!;
});

const grade = (graph: LoadedLesson['starter'], answers: Record<string, string> = {}) =>
  gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson: lesson.lesson, graph, answers }, simEngine).report;

describe('grading a lesson on the simulator', () => {
  it('fails the starter: sessions lost at the crash, with the time to seek to and filled feedback', () => {
    const report = grade(lesson.starter);
    const lost = report.checks.find((c) => c.id === 'no-lost-sessions')!;
    expect(lost.passed).toBe(false);
    expect(lost.measured).toBeGreaterThan(0);
    expect(lost.window).toEqual({ fromMs: 4000, toMs: 10_000 });
    expect(lost.firstViolationMs).toBeGreaterThanOrEqual(4000);
    expect(lost.firstViolationMs).toBeLessThan(10_000);
    expect(lost.feedback?.en).toBe(`${lost.measured} sessions were lost after api-2 crashed.`);
    expect(report.checks.find((c) => c.id === 'external-state')?.passed).toBe(false);
    expect(report.score).toBeLessThan(report.maxScore);
  });

  it('passes the reference solution on every behavioural and structural check', () => {
    const report = grade(lesson.reference!, { 'which-crashed': 'api-2' });
    expect(report.checks.map((c) => [c.id, c.passed])).toEqual([
      ['no-lost-sessions', true],
      ['errors-recover', true],
      ['external-state', true],
      ['which-crashed', true],
    ]);
    expect(report.score).toBe(report.maxScore);
  });

  it('decides the quiz from the run: the crashed instance got the fewest requests', () => {
    expect(grade(lesson.reference!, { 'which-crashed': 'api-1' }).checks.find((c) => c.id === 'which-crashed')?.passed).toBe(false);
  });

  it('calls a quiz without a title by its question, not its id, in the report the results and class results list', () => {
    const quiz = grade(lesson.reference!, { 'which-crashed': 'api-2' }).checks.find((c) => c.id === 'which-crashed')!;
    expect(quiz.title).toEqual({ en: 'Which instance received the fewest requests?' });
  });

  it('grades locked nodes as the lesson set them: turning the users down does not pass', () => {
    const quiet = { ...lesson.starter, nodes: lesson.starter.nodes.map((n) => (n.id === 'users' ? { ...n, props: { ...n.props, rps: 1, users: 1 } } : n)) };
    const cheat = gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson: lesson.lesson, graph: quiet }, simEngine).report;
    const fair = gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson: lesson.lesson, graph: quiet, starter: lesson.starter }, simEngine).report;
    expect(fair.checks.find((c) => c.id === 'no-lost-sessions')?.measured).toBeGreaterThan(cheat.checks.find((c) => c.id === 'no-lost-sessions')?.measured as number);
    expect(fair).toEqual({ ...grade(lesson.starter), notes: ['Locked node "users" was changed; graded with the lesson\'s settings for it.'], noteKeys: [{ key: 'frame.lockedChanged', params: { node: 'users' } }] });
  });

  it('is deterministic: the same design gives the same report and trace hash', () => {
    expect(grade(lesson.starter)).toEqual(grade(lesson.starter));
  });
});

describe('a scenario fault aimed at a node the design lacks', () => {
  const withoutApi2 = (graph: LoadedLesson['starter']) => ({ ...graph, nodes: graph.nodes.filter((n) => n.id !== 'api-2'), edges: graph.edges.filter((e) => e.source !== 'api-2' && e.target !== 'api-2') });
  const reason = (graph: LoadedLesson['starter'], starter: LoadedLesson['starter']) =>
    gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson: lesson.lesson, graph, starter }, simEngine).report.checks.find((c) => c.id === 'no-lost-sessions')!;

  it('asks the student to undo the deletion when the starter had the node', () => {
    const check = reason(withoutApi2(lesson.starter), lesson.starter);
    expect(check.passed).toBe(false);
    expect(check.errorKeys?.map((k) => k.key)).toEqual(['check.missingFaultTarget']);
    expect(check.error).toContain('Undo its deletion');
  });

  it('asks the student to add it when the starter never had it (the student is to build it), not to undo or start over', () => {
    const starter = withoutApi2(lesson.starter);
    const check = reason(starter, starter);
    expect(check.passed).toBe(false);
    expect(check.errorKeys?.map((k) => k.key)).toEqual(['check.faultTargetToAdd']);
    expect(check.error).not.toMatch(/Undo|Start over/);
    expect(check.error).toContain('no such node yet');
  });
});
