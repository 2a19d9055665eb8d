import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');

describe('grading a design that removed the node a fault targets', () => {
  it('fails the run-based checks with a reason naming the node instead of crashing', async () => {
    const pack = await loadPack(folderSource(BUILTIN));
    const { lesson, starter } = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
    const target = lesson.scenario.faults[0]!.target;
    const graph = {
      ...starter,
      nodes: starter.nodes.filter((n) => n.id !== target),
      edges: starter.edges.filter((e) => e.source !== target && e.target !== target),
    };
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph }, simEngine);
    const runChecks = report.checks.filter((c) => c.type !== 'structure');
    expect(runChecks.length).toBeGreaterThan(0);
    for (const check of runChecks) {
      expect(check.passed).toBe(false);
      expect(check.error).toContain(`no node "${target}"`);
    }
    expect(report.checks.some((c) => c.type === 'structure' && c.error === undefined)).toBe(true);
    expect(report.score).toBe(report.checks.reduce((sum, c) => sum + c.points, 0));
  });
});
