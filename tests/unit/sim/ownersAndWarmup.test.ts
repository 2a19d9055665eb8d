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

describe('the cache behind a new owner misses the keys that moved to it', () => {
  /** users → router (policy) → five owners, each reading through one shared cache → db; no edge from an owner to the db. */
  const cached = (lb: Record<string, unknown>, owner: Record<string, unknown>) =>
    graph(
      [
        node('users', 'client', { users: 500, rps: 600, readRatio: 1, keys: { distribution: 'uniform', count: 600 } }),
        node('router', 'load-balancer', { healthCheck: { intervalMs: 200, unhealthyAfter: 2 }, hashBy: 'key', ...lb }),
        ...[1, 2, 3, 4, 5].map((i) => node(`own-${i}`, 'service', { startupMs: 500, serviceTimeMs: { mean: 2, distribution: 'constant' }, ...owner })),
        node('cache', 'cache', { capacity: 10_000, ttlMs: 600_000 }),
        node('db', 'database', { latencyMs: 20, capacityRps: 20_000 }),
      ],
      [edge('users', 'router', { latencyMs: 5 }), ...[1, 2, 3, 4, 5].flatMap((i) => [edge('router', `own-${i}`), edge(`own-${i}`, 'cache')]), edge('cache', 'db')],
    );
  const addOwner = { seed: 5, durationMs: 12_000, faults: [{ atMs: 5000, action: 'scale-out' as const, target: 'own-1' }] };
  // Every key was read about five times before the move: the cache is warm by then.
  const before = { fromMs: 4000, toMs: 5000 };
  const after = { fromMs: 5000, toMs: 9000 };
  const modulo = { policy: 'hash-modulo' };
  const ring = { policy: 'consistent-hash', virtualNodes: 200 };

  it.each([
    ['stateful owners', { state: 'stateful', ownsPartitions: true }],
    ['stateless instances', { state: 'stateless' }],
  ])('%s: modulo (5 → 6 moves ~5/6 of the keys) sends about five times the database reads of consistent hashing (~1/6)', (_name, owner) => {
    const mod = simulate(cached(modulo, owner), addOwner);
    const con = simulate(cached(ring, owner), addOwner);
    for (const run of [mod, con]) {
      expect(run.summary.failed).toBe(0);
      // Warm before the move: the cache answers (almost) everything.
      expect(readMetric(run, 'requests', before, 'db')).toBeLessThan(20);
    }
    const dbMod = readMetric(mod, 'requests', after, 'db');
    const dbCon = readMetric(con, 'requests', after, 'db');
    // 600 keys: about 500 moved under modulo, about 100 on the ring; each is read from the database once.
    expect(dbMod).toBeGreaterThan(400);
    expect(dbMod).toBeLessThan(560);
    expect(dbCon).toBeGreaterThan(50);
    expect(dbCon).toBeLessThan(160);
    // A stateless instance reads every key through the cache: the moved keys show as its misses.
    if (owner.state === 'stateless') expect(readMetric(mod, 'cacheHitRatio', after)).toBeLessThan(readMetric(con, 'cacheHitRatio', after) - 0.05);
    // The misses are felt: a 40 ms database round trip for each moved key's first read.
    const spike = { fromMs: 5500, toMs: 6500 };
    expect(readMetric(mod, 'latencyMean', spike)).toBeGreaterThan(readMetric(con, 'latencyMean', spike) + 3);
    expect(mod.summary.warmupMs).toBeGreaterThan(3 * con.summary.warmupMs);
    expect(readMetric(mod, 'coldMissRate', after)).toBeGreaterThan(2 * readMetric(con, 'coldMissRate', after));
  });
});
