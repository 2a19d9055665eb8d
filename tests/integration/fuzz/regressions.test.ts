/**
 * Shrunk counterexamples the schema-driven fuzzers (simulate.test.ts, grade.test.ts,
 * documents.test.ts) found, each kept as a named case so the bug stays fixed.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { edge, graph, node } from '../../unit/sim/helpers';

describe('fuzz regressions: simulator', () => {
  it('a salted hot key fanned out over a zero-latency link ends each request once (was: InvariantError "ended more requests than it issued")', () => {
    // Found by simulate.test.ts (seed 3): a part answered inline (zero latency, the service full)
    // came back before it was registered as a part, so it ended the whole request on its own.
    const g = graph(
      [
        node('users', 'client', { rps: 2000, readRatio: 0, hotKeySalt: 4, hotKeySaltFanOut: 'writes' }),
        node('api', 'service', { workers: 1, queueLimit: 0, serviceTimeMs: { mean: 50, distribution: 'constant' }, startupMs: 0 }),
      ],
      [edge('users', 'api', { latencyMs: 0 })],
    );
    const run = simulate(g, { seed: 0, durationMs: 500, faults: [{ atMs: 0, action: 'hot-key', target: 'users', params: { key: 0, fraction: 1 } }] });
    // Every write goes to four copies of the hot key and a one-worker service refuses all but one part: each fails once.
    expect(run.summary.requests).toBeGreaterThan(500);
    expect(run.summary.ok + run.summary.failed + run.requestsInFlight).toBe(run.summary.requests);
    expect(run.summary.failed).toBeGreaterThan(run.summary.requests * 0.9);
  });
});
