/**
 * A node's call timeouts run on one timer (timeouts.ts): when it fires it times out what expired
 * and re-arms itself for the next deadline. A call sent while it runs (a login that timed out
 * releasing the requests parked behind it) used to arm a second timer, and since every timer
 * re-arms itself the duplicates piled up: with a lossy users' link, hundreds of timeout events
 * at one instant, 300+ events per request instead of a handful, and lesson designs that stopped
 * with "more than 5,000,000 events". What the users see must not change, only the work.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type TraceRecord } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import { edge, node, tier } from './helpers';

/** Users whose link to the balancer loses `lossRate` of what crosses it, with sessions in a store, so a request waits for its user's login. */
function lossyLogins(lossRate: number, retries: number): Graph {
  const g = tier({
    services: 2,
    client: { users: 300, rps: 300, timeoutMs: 500, retries, retryBackoffMs: 50 },
    service: { sessions: 'session-store' },
    extra: [node('sessions', 'session-store', { latencyMs: 1 })],
    extraEdges: [edge('api-1', 'sessions'), edge('api-2', 'sessions')],
  });
  return { ...g, edges: g.edges.map((e) => (e.source === 'users' ? { ...e, props: { ...e.props, lossRate } } : e)) };
}

function traced(g: Graph, seed: number) {
  const records: TraceRecord[] = [];
  const run = simulate(g, { seed, durationMs: 10_000, faults: [] }, { trace: (r) => records.push(r) });
  return { run, records };
}

/** Events per request the design costs on a link that loses nothing, from its own run. */
function losslessCost(retries: number, seed: number): number {
  const run = simulate(lossyLogins(0, retries), { seed, durationMs: 10_000, faults: [] });
  return run.eventsProcessed / run.summary.requests;
}

describe('call timeouts on a lossy link', () => {
  it.each([
    [0.5, 0, 1],
    [0.5, 2, 2],
    [0.9, 0, 3],
    [0.9, 3, 4],
  ])('users link losing %f, %i retries (seed %i): one timeout event per node and instant', (lossRate, retries, seed) => {
    const { run, records } = traced(lossyLogins(lossRate, retries), seed);
    // The link does lose requests, and the users' calls do time out (else this tests nothing).
    expect(run.summary.failedTimeout).toBeGreaterThan(50);
    const perInstant = new Map<string, number>();
    for (const r of records) if (r.type === 'timeout') perInstant.set(`${r.node}@${r.timeUs}`, (perInstant.get(`${r.node}@${r.timeUs}`) ?? 0) + 1);
    const repeated = [...perInstant].filter(([, n]) => n > 1);
    expect(repeated.slice(0, 5), 'timeout events of one node at one instant').toEqual([]);
  });

  it.each([
    [0.5, 0, 5],
    [0.5, 2, 6],
    [0.9, 3, 7],
  ])('users link losing %f, %i retries (seed %i): events per request stay within what the retry policy allows', (lossRate, retries, seed) => {
    const run = simulate(lossyLogins(lossRate, retries), { seed, durationMs: 10_000, faults: [] });
    // A lost message can at most make the user try again: each attempt costs at most what a request
    // costs on a perfect link, plus its timeout and its backoff timer.
    const bound = (1 + retries) * (losslessCost(retries, seed) + 2);
    expect(run.eventsProcessed / run.summary.requests).toBeLessThan(bound);
  });

  it('still ends every request once, and fails exactly the ones the link lost, as timeouts', () => {
    const run = simulate(lossyLogins(0.5, 1), { seed: 8, durationMs: 10_000, faults: [] });
    expect(run.summary.ok + run.summary.failed + run.requestsInFlight).toBe(run.summary.requests);
    // Half the requests are lost on the way in and half the rest on the way back; a retry wins some back.
    const okShare = run.summary.ok / run.summary.requests;
    expect(okShare).toBeGreaterThan(0.3);
    expect(okShare).toBeLessThan(0.6);
    expect(run.summary.failedTimeout).toBe(run.summary.failed);
  });
});
