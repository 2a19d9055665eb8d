/**
 * A request that waits at its client behind its user's login is still the user's wait: its
 * timeout runs from when the attempt was issued, it gives up (a timeout at the client, retried
 * per the client's policy or ended) when that runs out, and once sent after waiting it has only
 * the rest. Before, its timeout started only when it was sent: on a lossy users' link users waited
 * many timeouts long, and thousands of requests were still open when the run ended.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import { edge, node, tier } from './helpers';

const TIMEOUT_MS = 500;
const BACKOFF_MS = 50;
const RPS = 300;
const DURATION_MS = 10_000;

/** Users whose link to the balancer loses `lossRate`, with sessions in a store, so requests wait for their user's login. */
function lossyLogins(lossRate: number, retries: number, connection: 'request' | 'long-lived' = 'request', users = 300): Graph {
  const g = tier({
    services: 2,
    client: { users, rps: RPS, timeoutMs: TIMEOUT_MS, retries, retryBackoffMs: BACKOFF_MS, connection },
    service: { sessions: 'session-store' },
    extra: [node('sessions', 'session-store', { latencyMs: 1 })],
    extraEdges: [edge('api-1', 'sessions'), edge('api-2', 'sessions')],
  });
  return { ...g, edges: g.edges.map((e) => (e.source === 'users' ? { ...e, props: { ...e.props, lossRate } } : e)) };
}

/** The longest a user may wait for one request: every attempt its timeout, every retry its backoff first. */
function budgetMs(retries: number): number {
  return (1 + retries) * TIMEOUT_MS + retries * BACKOFF_MS;
}

describe('a request waiting behind its user login', () => {
  it.each([
    [0.5, 0, 1],
    [0.9, 0, 2],
    [0.5, 2, 3],
    [0.9, 3, 4],
  ])('users link losing %f, %i retries (seed %i): no user waits past the retry policy, and the run ends what it started', (lossRate, retries, seed) => {
    const run = simulate(lossyLogins(lossRate, retries), { seed, durationMs: DURATION_MS, faults: [] });
    const s = run.summary;
    expect(s.ok + s.failed + run.requestsInFlight).toBe(s.requests);
    // The link does lose requests, and they fail as timeouts (else this tests nothing).
    expect(s.failedTimeout).toBeGreaterThan(50);
    expect(s.failedTimeout).toBe(s.failed);
    // The slowest request ended within its budget (a few ms of slack for the same-instant order).
    expect(s.latencyMax).toBeLessThanOrEqual(budgetMs(retries) + 5);
    // Only requests issued in the last budget of the run may still be open: about rps x budget, with room for chance.
    expect(run.requestsInFlight).toBeLessThan((RPS * budgetMs(retries) * 1.3) / 1000);
  });

  it('users whose logins keep failing see their waiting requests time out, retried then ended, rather than waiting on', () => {
    // Nothing comes back and 5 users share 300 requests a second: nearly every request waits for
    // its user's login, which is lost, and gives up waiting.
    const run = simulate(lossyLogins(1, 1, 'request', 5), { seed: 5, durationMs: DURATION_MS, faults: [] });
    const s = run.summary;
    expect(s.ok).toBe(0);
    // Everything that started more than a budget before the end has ended, as a timeout (the
    // logins themselves are a few per second: nearly all of these waited for one).
    expect(s.failed).toBeGreaterThan(RPS * ((DURATION_MS - budgetMs(1)) / 1000) * 0.8);
    expect(s.failedTimeout).toBe(s.failed);
    expect(s.latencyMax).toBeLessThanOrEqual(budgetMs(1) + 5);
    expect(s.latencyP50).toBeGreaterThanOrEqual(budgetMs(1) - 5);
  });

  it('with long-lived connections a retry that waits gets its own timeout, not what the first attempt left', () => {
    const run = simulate(lossyLogins(0.9, 2, 'long-lived'), { seed: 6, durationMs: DURATION_MS, faults: [] });
    const s = run.summary;
    expect(s.ok + s.failed + run.requestsInFlight).toBe(s.requests);
    expect(s.latencyMax).toBeLessThanOrEqual(budgetMs(2) + 5);
    expect(run.requestsInFlight).toBeLessThan((RPS * budgetMs(2) * 1.3) / 1000);
  });
});
