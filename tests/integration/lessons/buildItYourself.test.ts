// Lesson 13 grades behaviour, not boxes: two designs built differently from its empty canvas both
// pass on every seed, graded as the app grades them (held to the lesson's frame), and the empty
// canvas and half-built designs do not.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { Graph } from '../../../src/shared/graph';
import { builtTier } from './builtTier';
import { PACK_DIR, SEEDS } from './expectations';

const pack = await loadPackFolder(PACK_DIR);
const entry = pack.lessons.find((l) => l.lesson.id === 'build-it-yourself')!;
const FAST_CHECKS = { healthCheck: { intervalMs: 200, unhealthyAfter: 2, timeoutMs: 200 } };

const grade = (graph: Graph, seed: number) =>
  gradeLesson(
    { packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: { ...entry.lesson, scenario: { ...entry.lesson.scenario, seed } }, graph, starter: entry.starter, answers: { 'why-busiest': 'any' } },
    simEngine,
  ).report;
const failing = (graph: Graph, seed: number) => grade(graph, seed).checks.filter((c) => !c.passed).map((c) => `${c.id}=${String(c.measured)}`);

const DESIGNS: [string, Graph][] = [
  ['the reference: a session store behind three instances, round-robin', entry.reference!],
  ['signed tokens, four smaller instances, least-connections, no session store', builtTier(entry.starter, { instances: 4, service: { sessions: 'signed-token', workers: 6 }, balancer: { policy: 'least-connections', ...FAST_CHECKS } })],
];

describe('lesson 13, build it yourself', () => {
  it('starts from an empty canvas: the users alone, locked, and nothing else', () => {
    expect(entry.starter.nodes.map((n) => n.id)).toEqual(['users']);
    expect(entry.starter.edges).toEqual([]);
    expect(entry.lesson.locked).toEqual(['users']);
    // No check names a node or a structure: only what the run measured.
    expect(entry.lesson.checks.map((c) => c.type).filter((t) => t === 'structure')).toEqual([]);
  });

  it('passes two different designs on every seed', () => {
    const kinds = DESIGNS.map(([, g]) => g.nodes.map((n) => n.kind).sort().join(','));
    expect(new Set(kinds).size).toBe(2);
    for (const [name, design] of DESIGNS) for (const seed of SEEDS) expect(failing(design, seed), `${name}, seed ${seed}`).toEqual([]);
  });

  it('fails the empty canvas and a half-built design (one instance, no balancer) on every seed', () => {
    const halfBuilt = builtTier(entry.starter, { instances: 1 });
    for (const seed of SEEDS) {
      expect(failing(entry.starter, seed).length, `empty, seed ${seed}`).toBeGreaterThanOrEqual(4);
      expect(failing(halfBuilt, seed).map((f) => f.split('=')[0]), `half-built, seed ${seed}`).toEqual(expect.arrayContaining(['serves-load', 'survives-crash']));
    }
  });
});
