import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { simEngine } from '../../../src/main/grading/simEngine';
import { checkSolutions } from '../../../src/main/packs/solutions';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { writePack } from '../../unit/packs/fixtures';
import { referenceGraph, shortPack, starterGraph } from '../grading/lessonFixture';

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

  it('holds for every built-in pack', async () => {
    const packs = readdirSync('lessons', { withFileTypes: true }).filter((e) => e.isDirectory() && e.name !== 'schema');
    expect(packs.length).toBeGreaterThan(0);
    for (const dir of packs) {
      const { pack, problems } = await validatePack(folderSource(path.join('lessons', dir.name)));
      expect(problems.map(formatProblem), dir.name).toEqual([]);
      expect(checkSolutions(pack!, simEngine).map(formatProblem), dir.name).toEqual([]);
    }
  });
});
