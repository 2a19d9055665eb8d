import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simEngine } from '../../../src/main/grading/simEngine';
import { checkSolutions } from '../../../src/main/packs/solutions';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { writePack } from '../../unit/packs/fixtures';
import { referenceGraph, shortLesson, shortPack, starterGraph } from '../grading/lessonFixture';

const solutionProblems = async (files: Record<string, unknown>) => {
  const { pack, problems } = await validatePack(folderSource(writePack(files)));
  expect(problems).toEqual([]);
  return checkSolutions(pack!, simEngine).map(formatProblem);
};
const LESSON = 'lessons/session-state.lesson.json';

describe('starter fails, reference passes', () => {
  it('holds for a good lesson', async () => {
    expect(await solutionProblems(shortPack())).toEqual([]);
  });

  it('catches a reference that fails and a starter that already passes', async () => {
    const swapped = { ...shortPack(), 'graphs/session-state.starter.json': referenceGraph(), 'graphs/session-state.reference.json': starterGraph() };
    const problems = await solutionProblems(swapped);
    expect(problems[0]).toBe(`${LESSON}: starter: the starter already passes every check: there is nothing for the student to do`);
    expect(problems[1]).toMatch(/^lessons\/session-state\.lesson\.json: checks\[0\]: the reference solution fails check "no-lost-sessions" \(measured \d+, expected == 0\)$/);
    expect(problems).toContain(`${LESSON}: checks[2]: the reference solution fails check "external-state" (nothing measured)`);
  });

  it('reports a common wrong answer that passes a check it must fail, and accepts one that fails it', async () => {
    const lesson = shortLesson();
    // The reference's change, declared as a wrong answer: it loses no sessions, so the claim is false.
    const store = { id: 'sessions', kind: 'session-store', label: 'Sessions', position: { x: 700, y: 300 }, props: {} };
    const toStore = ['api-1', 'api-2', 'api-3'];
    const fixed = {
      id: 'store',
      name: { en: 'Sessions in a store' },
      edit: { addNodes: [store], addEdges: toStore.map((api) => ({ id: `${api}-sessions`, source: api, target: 'sessions' })), setProps: Object.fromEntries(toStore.map((api) => [api, { sessions: 'session-store' }])) },
      fails: ['no-lost-sessions'],
    };
    const roundRobin = { id: 'round-robin', name: { en: 'Round-robin, sessions in memory' }, edit: { setProps: { lb: { policy: 'round-robin' } } }, fails: ['no-lost-sessions'] };
    const problems = await solutionProblems({ ...shortPack(), [LESSON]: { ...lesson, wrongAnswers: [roundRobin, fixed] } });
    expect(problems).toEqual([expect.stringMatching(/^lessons\/session-state\.lesson\.json: wrongAnswers\[1\]: the wrong answer "store" passes check "no-lost-sessions", which it must fail \(measured 0, bound == 0\)$/)]);
  });

  it('reports a check that gives points to a design that serves nobody (the reference with the users cut off)', async () => {
    // The example lesson as first written: "no session lost" holds when nobody logs in, and a
    // session store on the canvas counts even when no request reaches it.
    const lesson = shortLesson();
    const vacuous = (lesson.checks as Record<string, unknown>[]).map((c) => {
      if (c.id === 'no-lost-sessions') return Object.fromEntries(Object.entries(c).filter(([k]) => k !== 'requireServed'));
      if (c.id === 'external-state') return { ...c, require: { node: { kind: 'session-store' } } };
      return c;
    });
    const problems = await solutionProblems({ ...shortPack(), [LESSON]: { ...lesson, checks: vacuous } });
    expect(problems).toEqual([
      `${LESSON}: checks[0]: check "no-lost-sessions" gives 3 point(s) to a design that serves nobody (the reference with the users' connections cut; measured 0): set "requireServed": true, or make it an observation worth 0 points`,
      `${LESSON}: checks[2]: check "external-state" gives 1 point(s) to a design that serves nobody (the reference with the users' connections cut): require a path from the users (a client), or make it an observation worth 0 points`,
    ]);
  });

  it('reports a lesson whose reference still passes with every setting the student may change at its minimum', async () => {
    // The structure check and a metric check every design passes score: one worker, 1 ms timeouts
    // and 10 ms health checks cost nothing.
    const lesson = shortLesson();
    const structureOnly = (lesson.checks as Record<string, unknown>[]).map((c) => (c.type === 'structure' ? c : { ...c, points: 0 }));
    const anything = { id: 'anything', title: { en: 'Anything' }, type: 'metric', metric: 'errorRate', op: '<=', value: 1, points: 1, feedback: { en: 'Always.' } };
    const free = [...structureOnly, anything];
    const problems = await solutionProblems({ ...shortPack(), [LESSON]: { ...lesson, checks: free } });
    expect(problems).toContain(
      `${LESSON}: checks: the reference with every setting the student may change at its minimum (detectors, timeouts, leases, capacity) passes every check: no check charges for the price of a knob turned to its extreme`,
    );
    // As written, the lesson charges for it; a lesson that scores only its structure grades no setting.
    expect((await solutionProblems(shortPack())).filter((p) => p.includes('at its minimum'))).toEqual([]);
    expect((await solutionProblems({ ...shortPack(), [LESSON]: { ...lesson, checks: structureOnly } })).filter((p) => p.includes('at its minimum'))).toEqual([]);
  });

  it('holds for every built-in pack', async () => {
    const packs = readdirSync('lessons', { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'schema');
    expect(packs.length).toBeGreaterThan(0);
    for (const dir of packs) {
      const { pack, problems } = await validatePack(folderSource(path.join('lessons', dir.name)));
      expect(problems.map(formatProblem), dir.name).toEqual([]);
      expect(checkSolutions(pack!, simEngine).map(formatProblem), dir.name).toEqual([]);
    }
    // Every lesson's starter and reference, its wrong answers and 20 students' variants: a few thousand runs.
  }, 300_000);
});
