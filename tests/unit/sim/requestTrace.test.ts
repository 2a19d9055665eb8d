import { describe, expect, it } from 'vitest';
import { prepareSimulation, simulate, type TraceRecord } from '../../../src/main/sim/index';
import { choose, traceRequests } from '../../../src/main/sim/trace/run';
import { RequestRecorder, type RequestSummary } from '../../../src/main/sim/trace/recorder';
import { edge, graph, node, tier } from './helpers';

/** client → lb → api-1/api-2 → db, slow enough that requests never overlap (one at a time in the event log). */
const chain = graph(
  [
    node('users', 'client', { users: 5, rps: 2, timeoutMs: 1000, retries: 0 }),
    node('lb', 'load-balancer', { healthCheck: { intervalMs: 500, unhealthyAfter: 2 } }),
    node('api-1', 'service', { serviceTimeMs: { mean: 4, distribution: 'constant' } }),
    node('api-2', 'service', { serviceTimeMs: { mean: 4, distribution: 'constant' } }),
    node('db', 'database', { latencyMs: 3, capacityRps: 1000 }),
  ],
  [edge('users', 'lb', { latencyMs: 20 }), edge('lb', 'api-1', { latencyMs: 1 }), edge('lb', 'api-2', { latencyMs: 1 }), edge('api-1', 'db', { latencyMs: 2 }), edge('api-2', 'db', { latencyMs: 2 })],
);
const calm = { seed: 5, durationMs: 6000, faults: [] };

describe('request traces (issue 17)', () => {
  it('lists exactly the hops, times and outcome the simulator produced for client → LB → service → database', () => {
    const records: TraceRecord[] = [];
    const run = simulate(chain, calm, { trace: (e) => records.push(e) });
    const answer = traceRequests(chain, calm, { kind: 'ids', ids: [{ client: 'users', n: 3 }] });
    // Tracing re-runs the very same run.
    expect(answer.traceHash).toBe(run.traceHash);
    const t = answer.traces[0]!;
    expect(t.id).toEqual({ client: 'users', n: 3 });
    expect(t.outcome).toBe('ok');
    expect(t.hops.map((h) => `${h.from}>${h.to}`)).toEqual(['users>lb', `lb>${t.servedBy}`, `${t.servedBy}>db`]);
    expect(t.lanes).toEqual(['users', 'lb', t.servedBy, 'db']);
    // Each hop's link latency is its edge's; the service worked its 4 ms; the database its 3 ms.
    expect(t.hops.map((h) => +(h.arrivedMs! - h.sentMs).toFixed(3))).toEqual([20, 1, 2]);
    expect(t.hops[1]!.serviceMs).toBeCloseTo(4, 6);
    expect(t.hops[2]!.serviceMs).toBeCloseTo(3, 6);
    expect(t.hops[2]!.startedMs).toBeCloseTo(t.hops[2]!.arrivedMs!, 6);
    // The balancer believed both targets healthy when the request came.
    expect(t.hops[0]!.lbBelief).toEqual([
      { node: 'api-1', isHealthy: true, isRegistered: true },
      { node: 'api-2', isHealthy: true, isRegistered: true },
    ]);
    // Checked against the event log: every message delivered between the request's start and end
    // (health probes aside) is one of its hops' arrivals or answers, at that node and time.
    const inRequest = records.filter((r) => (r.type === 'deliver-request' || r.type === 'deliver-response') && r.timeUs >= t.startMs * 1000 && r.timeUs <= t.endMs! * 1000);
    const fromLog = inRequest.map((r) => `${r.type === 'deliver-request' ? 'req' : 'resp'}@${r.node}@${r.timeUs}`).sort();
    const fromTrace = t.hops.flatMap((h) => [`req@${h.to}@${Math.round(h.arrivedMs! * 1000)}`, `resp@${h.from}@${Math.round(h.answeredMs! * 1000)}`]).sort();
    expect(fromTrace).toEqual(fromLog);
    // The request ends when the client gets the answer: end-to-end = the sum of the hops' times.
    expect(t.endMs).toBeCloseTo(t.hops[0]!.answeredMs!, 6);
    expect(t.endMs! - t.startMs).toBeCloseTo(2 * (20 + 1 + 2) + 4 + 3, 3);
  });

  it("a timed-out request's trace ends with the timeout at the right time, and its retry is traced", () => {
    const slow = graph(
      [node('users', 'client', { users: 3, rps: 1, timeoutMs: 100, retries: 1, retryBackoffMs: 50 }), node('api', 'service', { serviceTimeMs: { mean: 400, distribution: 'constant' } })],
      [edge('users', 'api', { latencyMs: 5 })],
    );
    const t = traceRequests(slow, { seed: 2, durationMs: 5000, faults: [] }, { kind: 'ids', ids: [{ client: 'users', n: 0 }] }).traces[0]!;
    expect(t.outcome).toBe('timeout');
    expect(t.attempts).toBe(2);
    expect(t.hops).toHaveLength(2);
    const [first, retry] = t.hops;
    expect(first!.timedOutMs).toBeCloseTo(first!.sentMs + 100, 6);
    expect(first!.answeredMs).toBeUndefined();
    expect(retry!.attempt).toBe(1);
    expect(retry!.sentMs).toBeCloseTo(first!.timedOutMs! + 50, 6);
    expect(retry!.timedOutMs).toBeCloseTo(retry!.sentMs + 100, 6);
    expect(t.endMs).toBeCloseTo(retry!.timedOutMs!, 6);
  });

  it("a session-loss journey names the crash of the session's holder, with the crash's time", () => {
    const sticky = tier({ services: 2, client: { users: 1, rps: 5, retries: 0 }, lb: { policy: 'sticky' }, service: { sessions: 'local-memory' } });
    const scenario = { seed: 3, durationMs: 5000, faults: [{ id: 'crash', atMs: 2000, action: 'crash' as const, target: 'api-1' }] };
    const run = simulate(sticky, scenario);
    expect(run.events.some((e) => e.kind === 'crashed' && e.node === 'api-1' && e.atMs === 2000)).toBe(true);
    const answer = traceRequests(sticky, scenario, { kind: 'user', user: 0 });
    const j = answer.journey!;
    expect(j.steps.length).toBeGreaterThan(10);
    expect(j.steps[0]!.isLogin).toBe(true);
    expect(j.steps.filter((s) => s.startMs < 2000 && s.startMs > 500).every((s) => s.session.where === 'memory' && s.session.node === 'api-1')).toBe(true);
    expect(j.losses).toHaveLength(1);
    expect(j.losses[0]).toMatchObject({ reason: 'holderCrashed', holder: 'api-1', atMs: 2000, noticedBy: 'api-2' });
    const failed = j.steps.find((s) => s.outcome === 'sessionLost')!;
    expect(failed.startMs).toBeGreaterThan(2000);
    expect(failed.servedBy).toBe('api-2');
  });

  it('round-robin over memory sessions: the loss is a request routed elsewhere, not a crash', () => {
    const rr = tier({ services: 2, client: { users: 1, rps: 5, retries: 0 }, service: { sessions: 'local-memory' } });
    const j = traceRequests(rr, { seed: 3, durationMs: 3000, faults: [] }, { kind: 'user', user: 0 }).journey!;
    expect(j.losses.length).toBeGreaterThan(0);
    expect(j.losses.every((l) => l.reason === 'routedElsewhere' && l.holder !== l.noticedBy)).toBe(true);
  });

  it('"first failed request after a fault" is the earliest failure after it, traced', () => {
    const g = tier({ services: 2, withDb: true, client: { users: 50, rps: 200, retries: 0, timeoutMs: 300 } });
    const scenario = { seed: 9, durationMs: 4000, faults: [{ id: 'crash', atMs: 1500, action: 'crash' as const, target: 'api-2' }] };
    const answer = traceRequests(g, scenario, { kind: 'firstFailedAfter', faultIndex: 0 });
    const t = answer.traces[0]!;
    expect(t.outcome).not.toBe('ok');
    expect(t.endMs).toBeGreaterThanOrEqual(1500);
    // The failure is at the crashed instance: it crashed holding the request, or its host refused it.
    const atApi2 = t.hops.find((h) => h.to === 'api-2')!;
    expect(atApi2.calleeCrashedMs === 1500 || atApi2.isRefused === true).toBe(true);
    expect(atApi2.outcome).toBe('down');
    // No request failed between the crash and that one: the ones before it all succeeded.
    const earlier = traceRequests(g, scenario, { kind: 'ids', ids: [{ client: 'users', n: t.id.n - 1 }] }).traces[0]!;
    expect(earlier.outcome === 'ok' || earlier.endMs! < 1500 || earlier.endMs! >= t.endMs!).toBe(true);
    expect(() => traceRequests(g, scenario, { kind: 'firstFailedAfter', faultIndex: 4 })).toThrow(/no fault number 5/);
  });

  it('a clicked request dot: the first request that crossed that connection at or after the cursor, traced with its hop there', () => {
    const run = simulate(chain, calm);
    for (const [edgeId, atMs] of [['api-2--db', 2345], ['lb--api-1', 4010], ['users--lb', 777]] as const) {
      const answer = traceRequests(chain, calm, { kind: 'edge', edge: edgeId, atMs });
      expect(answer.traceHash).toBe(run.traceHash);
      const t = answer.traces[0]!;
      const there = t.hops.filter((h) => h.edge === edgeId && h.sentMs >= atMs);
      expect(there.length).toBeGreaterThan(0);
      const crossedMs = there[0]!.sentMs;
      // It is the first: the requests just before it never sent over that edge between the cursor and its crossing.
      const before = [t.id.n - 2, t.id.n - 1].filter((n) => n >= 0).map((n) => ({ client: 'users', n }));
      const earlier = traceRequests(chain, calm, { kind: 'ids', ids: before }).traces.flatMap((e) => e.hops);
      expect(earlier.filter((h) => h.edge === edgeId && h.sentMs >= atMs && h.sentMs < crossedMs)).toEqual([]);
    }
    // Nothing crossed after the run's end; a connection the design lacks is named.
    expect(traceRequests(chain, calm, { kind: 'edge', edge: 'lb--api-1', atMs: 7000 }).traces).toEqual([]);
    expect(() => traceRequests(chain, calm, { kind: 'edge', edge: 'db--users', atMs: 0 })).toThrow(/no connection "db--users"/);
  });

  it('choosers over summaries: slowest in a window, first failure after a time', () => {
    const s = (n: number, startUs: number, endUs: number, status: number): RequestSummary => ({ client: 'c', n, user: 0, startUs, endUs, status });
    const all = [s(0, 0, 50_000, 0), s(1, 1_000_000, 1_400_000, 0), s(2, 1_100_000, 1_200_000, 2), s(3, 2_000_000, 2_900_000, 0), s(4, 1_500_000, -1, -1)];
    expect(choose({ kind: 'slowest', fromMs: 900, toMs: 1900 }, all, () => undefined)?.n).toBe(1);
    expect(choose({ kind: 'firstFailedAfter', atMs: 1000 }, all, () => undefined)?.n).toBe(2);
    expect(choose({ kind: 'firstFailedAfter', atMs: 1300 }, all, () => undefined)).toBeUndefined();
  });
});

describe('why a session was lost: a false suspicion', () => {
  it('sticky users moved off an instance a too-eager health check took out lose their session to that suspicion, at its time', () => {
    const g = tier({ services: 4, client: { users: 200, rps: 400 }, lb: { policy: 'sticky', healthCheck: { intervalMs: 100, unhealthyAfter: 1, timeoutMs: 20 } }, service: { sessions: 'local-memory', startupMs: 200 } });
    const scenario = { seed: 1, durationMs: 8000, noise: { pauses: { service: { perMinute: 30, durationMsMean: 40, durationMsMax: 90 } } } };
    const { sim } = prepareSimulation(g, scenario);
    const recorder = new RequestRecorder(sim, (_c, _n, _u, startUs) => startUs >= 2_000_000, false, 2000);
    sim.tracer = recorder;
    sim.run();
    const suspicions = sim.events.filter((e) => e.textKey === 'failure-detected.false-suspicion');
    expect(suspicions.length).toBeGreaterThan(0);
    const losses = recorder.traced.flatMap((l) => l.trace.hops.flatMap((h) => (h.sessionLoss ? [h.sessionLoss] : [])));
    const bySuspicion = losses.filter((l) => l.reason === 'falseSuspicion');
    expect(bySuspicion.length).toBeGreaterThan(0);
    // Each names a logged false suspicion of its holder, no later than the request that found it gone.
    for (const loss of bySuspicion) {
      expect(suspicions.some((e) => e.node === loss.holder && e.atMs === loss.atMs)).toBe(true);
      expect(loss.atMs).toBeLessThanOrEqual(loss.noticedAtMs);
      expect(loss.noticedBy).not.toBe(loss.holder);
    }
    // Nothing crashed, so no loss blames a crash.
    expect(losses.some((l) => l.reason === 'holderCrashed')).toBe(false);
  });
});
