/**
 * What a design does for the requests it serves: `servedLatencyP99` leaves failed requests out and
 * `costPer1kServed` divides the cost by the requests that succeeded, so a design that serves
 * nothing (every request failing at once, nothing spent) has no value instead of a perfect one.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { graph, node, tier } from './helpers';

const scenario = { seed: 3, durationMs: 6000, faults: [] };

describe('metrics of served requests', () => {
  it('a client with nothing to call: every request fails at once, so p99 reads 0 but nothing was served', () => {
    const run = simulate(graph([node('users', 'client', { users: 100, rps: 200 })], []), scenario);
    expect(run.summary.ok).toBe(0);
    expect(run.summary.failed).toBeGreaterThan(1000);
    expect(run.summary.latencyP99).toBe(0);
    expect(Number.isNaN(readMetric(run, 'servedLatencyP99'))).toBe(true);
    expect(Number.isNaN(readMetric(run, 'costPer1kServed'))).toBe(true);
    // JSON has no NaN: a run's summary leaves out what it did not measure.
    expect(run.summary.servedLatencyP99).toBeUndefined();
    expect(run.summary.costPer1kServed).toBeUndefined();
  });

  it('with no failure, the served p99 is the p99 of every request', () => {
    const run = simulate(tier({ services: 2, withDb: true }), scenario);
    expect(run.summary.failed).toBe(0);
    expect(run.summary.servedLatencyP99).toBe(run.summary.latencyP99);
  });

  it('fast failures pull the p99 of all requests down; the served p99 ignores them', () => {
    // One worker doing 200 ms of work for 600 requests a second: under 1 % is served, the rest is
    // refused at once (overloaded), so the p99 of every request is a refusal's few milliseconds.
    const g = tier({ services: 1, client: { rps: 600 }, service: { workers: 1, queueLimit: 1, serviceTimeMs: { mean: 200, distribution: 'constant' } } });
    const run = simulate(g, scenario);
    expect(run.summary.ok / (run.summary.ok + run.summary.failed)).toBeLessThan(0.01);
    expect(run.summary.latencyP99!).toBeLessThan(20);
    expect(run.summary.servedLatencyP99!).toBeGreaterThanOrEqual(200);
  });

  it('costs per 1000 served: the cost over the requests that succeeded; more capacity for the same load costs more per request', () => {
    const small = simulate(tier({ services: 2, withDb: true }), scenario);
    const big = simulate(tier({ services: 4, withDb: true, service: { workers: 16 } }), scenario);
    expect(small.summary.costPer1kServed).toBeCloseTo((small.summary.cost / small.summary.ok) * 1000, 6);
    expect(big.summary.ok).toBeCloseTo(small.summary.ok, -2);
    expect(big.summary.costPer1kServed! / small.summary.costPer1kServed!).toBeGreaterThan(1.3);
  });

  it('reads per node: a service node\'s served p99 is the latency of its successful answers', () => {
    const run = simulate(tier({ services: 2, withDb: true }), scenario);
    const atApi = readMetric(run, 'servedLatencyP99', {}, 'api-1');
    expect(atApi).toBeGreaterThan(0);
    expect(atApi).toBeLessThan(run.summary.servedLatencyP99!);
  });
});
