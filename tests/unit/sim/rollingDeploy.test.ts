/**
 * A drained rolling deploy takes the next instance out only once the balancer routes to the one
 * it just restarted: with enough spare instances, nothing fails, however slow the health checks.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';

const reference = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/07-deploying.reference.json', 'utf8')) as Graph;
const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/07-deploying.lesson.json', 'utf8')) as { scenario: { seed: number; durationMs: number; faults: never[] } };
const withHealthInterval = (g: Graph, intervalMs: number): Graph => ({
  ...g,
  nodes: g.nodes.map((n) => (n.kind === 'load-balancer' ? { ...n, props: { ...n.props, healthCheck: { intervalMs, unhealthyAfter: 3 } } } : n)),
});

describe('rolling deploy with draining', () => {
  it.each([1, 2, 3, 4, 5])("lesson 7's three-instance design with a 500 ms health check, seed %i: no request fails", (seed) => {
    const run = simulate(withHealthInterval(reference, 500), { ...lesson.scenario, seed });
    expect(run.summary.failedOverloaded).toBe(0);
    expect(run.summary.failed).toBe(0);
  });

  it('drains the next instance only after the balancer sees the restarted one healthy', () => {
    const run = simulate(withHealthInterval(reference, 500), lesson.scenario);
    const at = (kind: string, node?: string) => run.events.filter((e) => e.kind === kind && (node === undefined || e.node === node)).map((e) => e.atMs);
    const drained = at('drained');
    expect(drained).toHaveLength(3);
    expect(drained[1]).toBeGreaterThanOrEqual(at('recovered-detected', 'api-1')[0]!);
    expect(drained[2]).toBeGreaterThanOrEqual(at('recovered-detected', 'api-2')[0]!);
    expect(at('deploy-done')[0]).toBeGreaterThanOrEqual(at('recovered-detected', 'api-3')[0]!);
  });
});
