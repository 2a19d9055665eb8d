/** A check on a metric that measured nothing fails with the reason, never passes on a 0. */
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { Graph } from '../../../src/shared/graph';

const pack = await loadPackFolder('lessons/stateless-vs-stateful');
const rooms = pack.lessons.find((l) => l.lesson.id === 'rooms')!;
const withLease = (g: Graph, leaseTtlMs: number): Graph => ({
  ...g,
  nodes: g.nodes.map((n) => (n.kind === 'coordinator' ? { ...n, props: { ...n.props, leaseTtlMs } } : n)),
});

describe('grading a metric with nothing measured', () => {
  it("lesson 10's starter with a 10 s lease fails \"recovery <= 3000 ms\": no recovery finished", () => {
    const graph = withLease(rooms.starter, 10_000);
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: rooms.lesson, graph, answers: {} }, simEngine);
    const check = report.checks.find((c) => c.id === 'rooms-back-fast')!;
    expect(check).toMatchObject({ passed: false, measured: null, error: 'no recovery finished in the window' });
  });
});
