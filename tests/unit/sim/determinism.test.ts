import { describe, expect, it } from 'vitest';
import { readMetric, simulate, type TraceRecord } from '../../../src/main/sim/index';
import { node, tier } from './helpers';

const scenario = { seed: 7, durationMs: 5000, faults: [{ id: 'crash', atMs: 2000, action: 'crash' as const, target: 'api-2' }] };

describe('determinism', () => {
  it('gives the same trace hash and metrics for the same graph, scenario and seed', () => {
    const g = tier({ services: 3, withDb: true });
    const a = simulate(g, scenario);
    const b = simulate(g, scenario);
    expect(a.traceHash).toMatch(/^[0-9a-f]{16}$/);
    expect(b.traceHash).toBe(a.traceHash);
    expect(b.summary).toEqual(a.summary);
  });

  it('changes the trace when the seed changes', () => {
    const g = tier({ services: 3, withDb: true });
    expect(simulate(g, { ...scenario, seed: 8 }).traceHash).not.toBe(simulate(g, scenario).traceHash);
  });

  it('does not change other nodes when an unconnected node is added', () => {
    const g = tier({ services: 3, withDb: true });
    const withIdle = tier({ services: 3, withDb: true, extra: [node('idle', 'service')] });
    const withClient = tier({ services: 3, withDb: true, extra: [node('other-users', 'client', { rps: 300 })] });
    const baseEvents: TraceRecord[] = [];
    const idleEvents: TraceRecord[] = [];
    const base = simulate(g, scenario, { trace: (e) => baseEvents.push(e) });
    const idle = simulate(withIdle, scenario, { trace: (e) => idleEvents.push(e) });
    // The idle instance takes part in no event: every event of the run is the same.
    expect(idleEvents).toEqual(baseEvents);
    const other = simulate(withClient, scenario);
    for (const run of [idle, other]) {
      for (const id of ['users', 'lb', 'api-1', 'api-2', 'api-3', 'db']) {
        for (const m of ['requests', 'ok', 'failed', 'latencyP99', 'queueWaitMs'] as const) {
          expect(readMetric(run, m, {}, id), `${m} at ${id}`).toBe(readMetric(base, m, {}, id));
        }
      }
    }
    // But it is up and paid for, so the run's cost differs, and so does its trace hash (it covers
    // what the run measures, not only its events).
    expect(idle.summary.costPer1kServed).toBeGreaterThan(base.summary.costPer1kServed!);
    expect(idle.traceHash).not.toBe(base.traceHash);
  });

  it('produces a plain JSON result', () => {
    const run = simulate(tier({ services: 2 }), { seed: 1, durationMs: 2000 });
    expect(JSON.parse(JSON.stringify(run))).toEqual(run);
    expect(run.summary.throughput).toBeGreaterThan(300);
  });
});
