/**
 * A user who sends a second request while the first one's login is still unanswered must not end
 * up with two sessions: with no fault at all, no session may be lost.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import { edge, node, tier } from './helpers';

const lesson3 = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/03-session-state.reference.json', 'utf8')) as Graph;
const withUsers = (g: Graph, users: number, rps: number): Graph => ({
  ...g,
  nodes: g.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, users, rps } } : n)),
});

describe('concurrent requests of one user while its login is in flight', () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8, 9, 10])("lesson 3's session-store design, 1000 users at 400 rps, no fault, seed %i: no session lost", (seed) => {
    const run = simulate(withUsers(lesson3, 1000, 400), { seed, durationMs: 24_000, faults: [] });
    expect(run.summary.sessionsLost).toBe(0);
    expect(run.summary.failedSessionLost).toBe(0);
    expect(run.summary.failed).toBe(0);
  });

  it('a few very busy users (many overlapping logins) lose no session with a session store', () => {
    const g = tier({
      services: 3,
      client: { users: 20, rps: 2000 },
      service: { sessions: 'session-store' },
      extra: [node('sessions', 'session-store', { persistence: true, latencyMs: 3 })],
      extraEdges: [edge('api-1', 'sessions'), edge('api-2', 'sessions'), edge('api-3', 'sessions')],
    });
    const run = simulate(g, { seed: 1, durationMs: 5000, faults: [] });
    expect(run.summary.sessionsLost).toBe(0);
    expect(run.summary.failed).toBe(0);
    // Each user logged in once: later requests reuse the session.
    expect(run.buckets.counters['api-1']?.sessionsCreated?.reduce((a, b) => a + b, 0) ?? 0).toBeLessThanOrEqual(20);
  });

  it('sticky routing with sessions in memory loses no session without a fault', () => {
    for (const seed of [1, 2, 3]) {
      const run = simulate(tier({ services: 3, client: { users: 1000, rps: 400 }, lb: { policy: 'sticky' }, service: { sessions: 'local-memory' } }), { seed, durationMs: 24_000, faults: [] });
      expect(run.summary.sessionsLost).toBe(0);
      expect(run.summary.failed).toBe(0);
    }
    const busy = simulate(tier({ services: 3, client: { users: 20, rps: 2000 }, lb: { policy: 'sticky' }, service: { sessions: 'local-memory' } }), { seed: 1, durationMs: 5000, faults: [] });
    expect(busy.summary.sessionsLost).toBe(0);
    expect(busy.summary.failed).toBe(0);
  });

  it('requests waiting for a login still end exactly once, and count their wait in latency', () => {
    const g = tier({
      services: 1,
      client: { users: 1, rps: 500 },
      service: { sessions: 'session-store' },
      extra: [node('sessions', 'session-store', { persistence: true, latencyMs: 50 })],
      extraEdges: [edge('api-1', 'sessions')],
    });
    const run = simulate(g, { seed: 2, durationMs: 2000, faults: [] });
    expect(run.summary.sessionsLost).toBe(0);
    expect(run.summary.requests).toBe(run.summary.ok + run.summary.failed + run.requestsInFlight);
    expect(run.summary.latencyMax).toBeGreaterThan(50);
  });
});
