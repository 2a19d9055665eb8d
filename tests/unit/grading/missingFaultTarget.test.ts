import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import type { Graph } from '../../../src/shared/graph';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const pack = await loadPack(folderSource(BUILTIN));
const without = (graph: Graph, id: string): Graph => ({
  ...graph,
  nodes: graph.nodes.filter((n) => n.id !== id),
  edges: graph.edges.filter((e) => e.source !== id && e.target !== id),
});

describe('grading a design that removed the node a fault targets', () => {
  it('fails the run-based checks with a reason naming the node instead of crashing', () => {
    const { lesson, starter } = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
    const target = lesson.scenario.faults[0]!.target;
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: without(starter, target) }, simEngine);
    const runChecks = report.checks.filter((c) => c.type === 'metric');
    expect(runChecks.length).toBeGreaterThan(0);
    for (const check of runChecks) {
      expect(check.passed).toBe(false);
      expect(check.error).toContain(`"${target}"`);
    }
    expect(report.checks.some((c) => c.type === 'structure' && c.error === undefined)).toBe(true);
    expect(report.score).toBe(report.checks.reduce((sum, c) => sum + c.points, 0));
  });

  // Lesson 16 (sessions-choice): a student who moves sessions into tokens deletes the session store,
  // which the scenario crashes at 10 s. They cannot type a node id, so the reason names the store as
  // the canvas did and says how to get it back; their answers to the fixed quizzes still count.
  it('names the node as the starter showed it, says how to get it back, and keeps fixed quiz answers', () => {
    const { lesson, starter, reference } = pack.lessons.find((l) => l.lesson.id === 'sessions-choice')!;
    const store = starter.nodes.find((n) => n.id === 'sessions')!;
    const answers = { 'why-not-store': 'outage', 'ttl-price': 'refresh' };
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph: without(reference!, 'sessions'), answers, starter }, simEngine);
    for (const check of report.checks.filter((c) => c.type === 'metric')) {
      expect(check.passed).toBe(false);
      expect(check.error).toContain(store.label);
      expect(check.error).toContain('Undo');
      expect(check.error).toContain('Start over');
      expect(check.error).not.toContain('put it back with that id');
    }
    for (const id of Object.keys(answers)) {
      const quiz = report.checks.find((c) => c.id === id)!;
      expect([quiz.passed, quiz.error]).toEqual([true, undefined]);
    }
  });
});
