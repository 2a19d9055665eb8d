/** Per-node, per-bucket state and per-edge traffic that the lab bench plays back on the canvas. */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { edge, graph, node, tier } from '../../unit/sim/helpers';
import { GOLDEN } from './goldenScenarios';

const series = (run: ReturnType<typeof simulate>, id: string, counter: 'up' | 'inFlight' | 'dbLeader' | 'ownedEpochMax' | 'requests' | 'failed'): number[] =>
  run.buckets.counters[id]?.[counter] ?? new Array<number>(run.buckets.count).fill(0);

describe('live node state per bucket', () => {
  it('a crashed instance drops to no requests in flight and down from the crash on', () => {
    const g = tier({ services: 3, client: { rps: 600 }, service: { workers: 4, serviceTimeMs: { mean: 10, distribution: 'exponential' } } });
    const run = simulate(g, { seed: 8, durationMs: 6000, faults: [{ atMs: 3000, action: 'crash', target: 'api-2' }] });
    const crashBucket = 3000 / run.buckets.bucketMs;
    const inFlight = series(run, 'api-2', 'inFlight');
    const up = series(run, 'api-2', 'up');
    expect(inFlight.slice(0, crashBucket).some((v) => v > 0)).toBe(true);
    expect(up.slice(0, crashBucket).every((v) => v === 1)).toBe(true);
    expect(inFlight.slice(crashBucket)).toEqual(new Array<number>(run.buckets.count - crashBucket).fill(0));
    expect(up.slice(crashBucket)).toEqual(new Array<number>(run.buckets.count - crashBucket).fill(0));
    // The survivors keep serving.
    expect(series(run, 'api-1', 'inFlight').slice(crashBucket).some((v) => v > 0)).toBe(true);
  });

  it('a database promotion flips the leader role', () => {
    const g = graph(
      [node('users', 'client', { rps: 500, readRatio: 0.5 }), node('api', 'service'), node('db-a', 'database', { failoverAfterMs: 1000 }), node('db-b', 'database')],
      [edge('users', 'api'), edge('api', 'db-a'), edge('db-a', 'db-b', {}, 'replication')],
    );
    const run = simulate(g, { seed: 3, durationMs: 6000, faults: [{ atMs: 2000, action: 'crash', target: 'db-a' }] });
    const promotedAtMs = run.events.find((e) => e.kind === 'failover' && e.node === 'db-b')!.atMs;
    const b = Math.floor(promotedAtMs / run.buckets.bucketMs);
    expect(series(run, 'db-a', 'dbLeader').slice(0, b)).toEqual(new Array<number>(b).fill(1));
    expect(series(run, 'db-b', 'dbLeader').slice(0, b)).toEqual(new Array<number>(b).fill(0));
    expect(series(run, 'db-a', 'dbLeader').slice(b)).toEqual(new Array<number>(run.buckets.count - b).fill(0));
    expect(series(run, 'db-b', 'dbLeader').slice(b)).toEqual(new Array<number>(run.buckets.count - b).fill(1));
  });

  it('the epoch an owner believes it holds rises when a lease expiry moves partitions to it', () => {
    const { graph: g, scenario } = GOLDEN['lease-pause-rolling-deploy']!;
    const run = simulate(g, { ...scenario, durationMs: 5000 });
    const moved = run.events.find((e) => e.kind === 'owner-changed' && e.node === 'api-1')!;
    const b = Math.floor(moved.atMs / run.buckets.bucketMs);
    const epochs = series(run, 'api-2', 'ownedEpochMax');
    expect(epochs[b - 1]).toBe(1);
    expect(Math.max(...epochs.slice(b))).toBe(2);
  });
});

describe('edge traffic per bucket', () => {
  it('requests over the edges into a node match what it received, and failed ones match its error answers', () => {
    const zero = { latencyMs: 0 };
    const g = graph(
      [
        node('users', 'client', { users: 100, rps: 3000, timeoutMs: 60_000, retries: 0 }),
        node('lb', 'load-balancer', { policy: 'random' }),
        node('api-1', 'service', { workers: 2, queueLimit: 2, serviceTimeMs: { mean: 1, distribution: 'exponential' } }),
        node('api-2', 'service', { workers: 2, queueLimit: 2, serviceTimeMs: { mean: 1, distribution: 'exponential' } }),
      ],
      [edge('users', 'lb', zero), edge('lb', 'api-1', zero), edge('lb', 'api-2', zero)],
    );
    const run = simulate(g, { seed: 4, durationMs: 3000 });
    const edges = run.buckets.edges!;
    expect(Object.keys(edges).sort()).toEqual(['lb--api-1', 'lb--api-2', 'users--lb']);
    for (const [edgeId, target] of [['lb--api-1', 'api-1'], ['lb--api-2', 'api-2'], ['users--lb', 'lb']] as const) {
      // Zero latency: a request is received in the bucket it was sent, its answer comes back in the same bucket.
      expect(edges[edgeId]!.requests).toEqual(series(run, target, 'requests'));
      expect(edges[edgeId]!.failed).toEqual(series(run, target, 'failed'));
    }
    expect(run.summary.failedOverloaded).toBeGreaterThan(100);
  });
});
