// A design that serves nobody earns nothing from the run. For every built-in lesson, designs derived
// from the lesson's reference that fail every request (the users' connections cut; everything
// behind the first hop unwired) are graded inside the lesson's frame with the quiz answers a student
// who did the lesson would give: no metric or structure check may give them points. A check that
// passes on such a design ("no lost writes" when nothing is written, "p99 < 150 ms" over requests
// that failed at once) teaches the wrong thing: setting everything to its extreme would pass it.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { LoadedLesson } from '../../../src/main/packs/validate';
import type { Graph } from '../../../src/shared/graph';
import { predictionAnswers } from '../../support/predictions';
import { EXPECTATIONS, PACK_DIR } from './expectations';

const pack = await loadPackFolder(PACK_DIR);
const SEEDS = [1, 4, 7] as const;

interface DeadDesign {
  name: string;
  /** The reference made to serve nobody, with edits a student could make inside the frame. */
  derive: (reference: Graph) => Graph;
}

const clientIds = (graph: Graph) => new Set(graph.nodes.filter((n) => n.kind === 'client').map((n) => n.id));

const DEAD_DESIGNS: DeadDesign[] = [
  {
    // The users' requests go nowhere: every connection out of a client is deleted.
    name: 'users cut off',
    derive: (reference) => {
      const clients = clientIds(reference);
      return { ...reference, edges: reference.edges.filter((e) => !clients.has(e.source)) };
    },
  },
  {
    // The users reach the first hop, which reaches nothing: every request connection behind it is deleted.
    name: 'nothing behind the first hop',
    derive: (reference) => {
      const clients = clientIds(reference);
      return { ...reference, edges: reference.edges.filter((e) => clients.has(e.source) || e.kind !== 'request') };
    },
  },
];

function grade(entry: LoadedLesson, graph: Graph, seed: number) {
  const lesson = { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } };
  const answers = { ...predictionAnswers(entry.lesson), ...(EXPECTATIONS[entry.lesson.id]?.answers ?? {}) };
  // Without the reach guards (grading's faultReach.ts), which fail these designs anyway: each check must hold on its own.
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, graph, answers, starter: entry.starter, reachGuard: false }, simEngine);
}

const cases = pack.lessons.flatMap((entry) => DEAD_DESIGNS.map((design) => [entry.lesson.id, design.name, entry, design] as const));

describe('a design that serves nobody earns no points', () => {
  it.each(cases)('%s, %s', (_id, _name, entry, design) => {
    const graph = design.derive(entry.reference!);
    const leaks: string[] = [];
    for (const seed of SEEDS) {
      const { report, run } = grade(entry, graph, seed);
      const served = simEngine.readMetric(run, 'ok', { fromMs: 0, toMs: run.durationMs });
      // The derivation really serves nobody (else it proves nothing about this lesson).
      expect(served, `${design.name} served requests`).toBe(0);
      for (const c of report.checks) {
        if (c.type !== 'quiz' && c.points > 0) leaks.push(`seed ${seed}: ${c.type} check "${c.id}" gave ${c.points} point(s), measured=${String(c.measured)} bound=${String(c.bound)}`);
      }
    }
    if (leaks.length > 0) console.log(`${entry.lesson.id} (${design.name}) leaks:\n  ${leaks.join('\n  ')}`);
    expect(leaks).toEqual([]);
  });
});
