/**
 * Owners own (a non-owner forwards or fails, never answers from memory) and moving state is not
 * free (keys a rebalance moves arrive cold: the new owner loads them from the database).
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { edge, graph, node } from './helpers';

/** users → router (policy) → three stateful partition owners → db. */
const owners = (lb: Record<string, unknown>, owner: Record<string, unknown> = {}) =>
  graph(
    [
      node('users', 'client', { users: 500, rps: 600, readRatio: 0.9, keys: { distribution: 'uniform', count: 1000 } }),
      node('router', 'load-balancer', { healthCheck: { intervalMs: 200, unhealthyAfter: 2 }, ...lb }),
      ...[1, 2, 3].map((i) => node(`own-${i}`, 'service', { state: 'stateful', ownsPartitions: true, startupMs: 500, serviceTimeMs: { mean: 2, distribution: 'constant' }, ...owner })),
      node('db', 'database', { latencyMs: 4, capacityRps: 20_000 }),
    ],
    [edge('users', 'router', { latencyMs: 5 }), ...[1, 2, 3].flatMap((i) => [edge('router', `own-${i}`), edge(`own-${i}`, 'db')])],
  );
const calm = { seed: 11, durationMs: 6000, faults: [] };

describe('owners own', () => {
  it('behind round-robin, a non-owner forwards to the owner: an extra hop per request, and slower than partition-aware routing', () => {
    const rr = simulate(owners({ policy: 'round-robin' }), calm);
    const aware = simulate(owners({ policy: 'partition-aware', partitions: 12 }), calm);
    expect(rr.summary.failed).toBe(0);
    expect(aware.summary.failed).toBe(0);
    // Two thirds of the keys live elsewhere: about 2/3 of the requests take one more hop.
    const extra = rr.summary.remoteCallsPerRequest! - aware.summary.remoteCallsPerRequest!;
    expect(extra).toBeGreaterThan(0.55);
    expect(extra).toBeLessThan(0.8);
    expect(rr.summary.latencyMean!).toBeGreaterThan(aware.summary.latencyMean! + 0.5);
  });

  it("with nonOwner: 'fail', a non-owner answers 'wrong owner' instead of serving from its memory", () => {
    const run = simulate(owners({ policy: 'round-robin' }, { nonOwner: 'fail' }), calm);
    expect(run.summary.failedWrongOwner).toBeGreaterThan(0);
    expect(run.summary.failedWrongOwner).toBe(run.summary.failed);
    expect(run.summary.errorRate!).toBeGreaterThan(0.55);
    expect(run.summary.errorRate!).toBeLessThan(0.8);
    expect(simulate(owners({ policy: 'partition-aware', partitions: 12 }, { nonOwner: 'fail' }), calm).summary.failed).toBe(0);
  });
});

describe('moving state is not free', () => {
  const addOwner = { seed: 3, durationMs: 12_000, faults: [{ atMs: 4000, action: 'scale-out' as const, target: 'own-1' }] };
  const after = { fromMs: 4000, toMs: 12_000 };
  // The clone starts in 0.5 s and is routed to after its first good health check (~4.6 s).
  const spike = { fromMs: 4500, toMs: 6000 };

  it('adding an owner under modulo hashing makes most keys cold; consistent hashing only about a quarter', () => {
    const modulo = simulate(owners({ policy: 'hash-modulo', hashBy: 'key' }), addOwner);
    const ring = simulate(owners({ policy: 'consistent-hash', hashBy: 'key', virtualNodes: 200 }), addOwner);
    // Nothing is cold before the move: the run starts warm.
    expect(readMetric(modulo, 'coldMissRate', { fromMs: 0, toMs: 4000 })).toBe(0);
    expect(readMetric(modulo, 'warmupMs', { fromMs: 0, toMs: 4000 })).toBe(0);
    const coldModulo = readMetric(modulo, 'coldMissRate', after);
    const coldRing = readMetric(ring, 'coldMissRate', after);
    expect(coldModulo).toBeGreaterThan(2 * coldRing);
    // Cold loads are database reads: the modulo move puts far more load on the database.
    expect(readMetric(modulo, 'requests', after, 'db')).toBeGreaterThan(readMetric(ring, 'requests', after, 'db') + 300);
    expect(modulo.summary.warmupMs).toBeGreaterThan(2 * ring.summary.warmupMs);
    expect(ring.summary.warmupMs).toBeGreaterThan(0);
    // The spike shows in latency right after the move.
    expect(readMetric(modulo, 'latencyMean', spike)).toBeGreaterThan(readMetric(ring, 'latencyMean', spike) + 1);
    expect(readMetric(modulo, 'latencyMean', spike)).toBeGreaterThan(readMetric(modulo, 'latencyMean', { fromMs: 0, toMs: 4000 }) + 1.5);
  });

  it('once every moved key was loaded, the new owners are warm again', () => {
    const modulo = simulate(owners({ policy: 'hash-modulo', hashBy: 'key' }), addOwner);
    expect(readMetric(modulo, 'coldMissRate', { fromMs: 10_000, toMs: 12_000 })).toBeLessThan(0.05);
  });
});
