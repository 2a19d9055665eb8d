/** A rebalance is a change in which target owns keys: adding a target that is not yet healthy is none. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';

const starter = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/05-scaling-out.starter.json', 'utf8')) as Graph;
const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/05-scaling-out.lesson.json', 'utf8')) as { scenario: { seed: number; durationMs: number; faults: never[] } };

describe('rebalances', () => {
  it("lesson 5's starter: scaling out the hash-routed tier is one rebalance, counted when the clone is routed to", () => {
    const run = simulate(starter, lesson.scenario);
    expect(run.summary.rebalances).toBe(1);
    const logged = run.events.filter((e) => e.kind === 'rebalance-done');
    expect(logged).toHaveLength(1);
    expect(logged[0]!.value).toBeGreaterThan(0);
    // Nothing moved when the clone was added (10 s), only once it was seen healthy.
    expect(readMetric(run, 'rebalances', { fromMs: 10_000, toMs: 10_001 })).toBe(0);
    expect(logged[0]!.atMs).toBeGreaterThan(10_000);
  });

  it('every logged rebalance moved some keys', () => {
    for (const seed of [1, 2, 3]) {
      const run = simulate(starter, { ...lesson.scenario, seed });
      const logged = run.events.filter((e) => e.kind === 'rebalance-done');
      expect(logged.every((e) => (e.value ?? 0) > 0)).toBe(true);
      expect(run.summary.rebalances).toBe(logged.length);
    }
  });
});
