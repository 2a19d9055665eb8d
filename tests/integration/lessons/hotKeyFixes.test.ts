// Lesson 11's hot key has more than one right answer. The reference sends reads to the owners'
// replicas; a cache in front of the owners (the balancer looks reads up there first) passes the
// hot-key checks too, on every seed. (Salting the classic way, where a read asks every sub-key,
// spreads writes, not reads: it is one of the lesson's declared wrong answers.)
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { GradeReport } from '../../../src/shared/gradeReport';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { GraphEditSchema, type GraphEdit } from '../../../src/shared/lesson';
import { EXPECTATIONS, PACK_DIR, SEEDS } from './expectations';

const pack = await loadPackFolder(PACK_DIR);
const entry = pack.lessons.find((l) => l.lesson.id === 'observability')!;
const HOT_KEY_CHECKS = ['p99-fixed', 'errors-fixed', 'within-budget'];

function grade(edit: GraphEdit, seed: number): GradeReport {
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const graph = applyGraphEdit(entry.starter, edit);
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers: EXPECTATIONS.observability!.answers }, simEngine).report;
}
const results = (report: GradeReport) => Object.fromEntries(report.checks.filter((c) => HOT_KEY_CHECKS.includes(c.id)).map((c) => [c.id, `${c.passed ? 'pass' : 'FAIL'} ${String(c.measured)}`]));
const hotKeyPasses = (report: GradeReport) => report.checks.filter((c) => HOT_KEY_CHECKS.includes(c.id)).every((c) => c.passed);

const edits = {
  cache: GraphEditSchema.parse({
    addNodes: [{ id: 'front', kind: 'cache', label: 'Cache', position: { x: 200, y: 40 }, props: { capacity: 1000, ttlMs: 1000, latencyMs: 0.5 } }],
    addEdges: [{ id: 'lb-front', source: 'lb', target: 'front', kind: 'request', props: { latencyMs: 0.5, jitterMs: 0, lossRate: 0 } }],
  }),
};

describe('lesson 11: other fixes of the hot key', () => {
  it('the starter fails the hot-key checks (so passing them below is the fix)', () => {
    expect(hotKeyPasses(grade(GraphEditSchema.parse({}), 1))).toBe(false);
  });

  it.each(SEEDS)('seed %i: a cache in front of the owners passes the hot-key checks', (seed) => {
    const report = grade(edits.cache, seed);
    expect(hotKeyPasses(report), JSON.stringify(results(report))).toBe(true);
  });
});
