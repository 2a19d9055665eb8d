/**
 * Tokens cost revocation (issue 12, item 3): a session store forgets a revoked session at once,
 * while a signed token is accepted until it expires; a short token lifetime bounds that window
 * but costs a refresh call each time a token expires. Tokens also carry their bytes.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Scenario } from '../../../src/shared/scenario';
import { edge, node, tier } from './helpers';

/** 50 of the 200 users are revoked at 2 s; each user sends about 2 requests a second. */
const revokeAt2s: Scenario = { seed: 5, durationMs: 6000, faults: [{ id: 'revoke', atMs: 2000, action: 'revoke', target: 'users', params: { users: 50 } }] };
const afterRevoke = { fromMs: 2000, toMs: 6000 };

const tokens = (service: Record<string, unknown> = {}) => tier({ services: 3, withDb: true, service: { sessions: 'signed-token', ...service } });

describe('revocation', () => {
  it('a session store forgets revoked sessions at once: no request is accepted with them', () => {
    const g = tier({
      services: 3,
      service: { sessions: 'session-store' },
      extra: [node('sessions', 'session-store', { persistence: true })],
      extraEdges: [edge('api-1', 'sessions'), edge('api-2', 'sessions'), edge('api-3', 'sessions')],
    });
    const run = simulate(g, revokeAt2s);
    expect(run.events.find((e) => e.kind === 'revoked')?.value).toBe(50);
    expect(run.summary.requestsAcceptedAfterRevoke).toBe(0);
    // The revoked users were logged out once each and logged in again; a revocation is not a lost session.
    expect(readMetric(run, 'failedSessionLost', afterRevoke)).toBeGreaterThanOrEqual(40);
    expect(readMetric(run, 'failedSessionLost', afterRevoke)).toBeLessThanOrEqual(60);
    expect(run.summary.sessionsLost).toBe(0);
  });

  it('a signed token is accepted until it expires: with a 15-minute lifetime, for the rest of the run', () => {
    const run = simulate(tokens(), revokeAt2s);
    // 50 users × 2 requests/s × 4 s after the revocation.
    expect(run.summary.requestsAcceptedAfterRevoke).toBeGreaterThan(300);
    expect(run.summary.failedSessionLost).toBe(0);
  });

  it('a short token lifetime bounds the window, and its refreshes cost calls', () => {
    const long = simulate(tokens(), revokeAt2s);
    const short = simulate(tokens({ tokenTtlMs: 500 }), revokeAt2s);
    expect(short.summary.requestsAcceptedAfterRevoke).toBeLessThan(60);
    expect(readMetric(short, 'requestsAcceptedAfterRevoke', { fromMs: 2600, toMs: 6000 })).toBe(0);
    // The revoked users' refreshes are refused: they are logged out.
    expect(short.summary.failedSessionLost).toBeGreaterThanOrEqual(40);
    expect(short.summary.remoteCallsPerRequest!).toBeGreaterThan(long.summary.remoteCallsPerRequest! + 0.1);
  });

  it('tokens carry their bytes on every request, and bigger tokens take longer', () => {
    const small = simulate(tokens({ tokenBytes: 800 }), { seed: 6, durationMs: 3000, faults: [] });
    const big = simulate(tokens({ tokenBytes: 64_000 }), { seed: 6, durationMs: 3000, faults: [] });
    // Every request but the users' logins (and the last few in flight) carried a token into a service.
    const share = small.summary.tokenBytes / 800 / small.summary.requests;
    expect(share).toBeGreaterThan(0.8);
    expect(share).toBeLessThanOrEqual(1);
    expect(big.summary.latencyMean!).toBeGreaterThan(small.summary.latencyMean! + 0.4);
  });
});
