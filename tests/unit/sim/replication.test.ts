/**
 * Replication travels over its edge as messages, and sync replication pays for its safety in
 * availability: a primary whose replica cannot answer blocks its writes and times them out rather
 * than acknowledging writes only it has (issue 12, item 2).
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { GraphEdge } from '../../../src/shared/graph';
import type { Fault } from '../../../src/shared/scenario';
import { edge, graph, node } from './helpers';

/** users → api → db-a, which replicates to db-b over a 10 ms edge. */
function pair(replication: 'async' | 'sync' | 'semi-sync', db: Record<string, unknown> = {}, repl: Partial<GraphEdge['props']> = {}) {
  const props = { latencyMs: 2, capacityRps: 20_000, replication, failoverAfterMs: 500, replicationTimeoutMs: 500, ...db };
  return graph(
    [node('users', 'client', { users: 200, rps: 400, readRatio: 0.5, timeoutMs: 2000 }), node('api', 'service', { callTimeoutMs: 2000, workers: 64 }), node('db-a', 'database', props), node('db-b', 'database', props)],
    [edge('users', 'api'), edge('api', 'db-a'), edge('db-a', 'db-b', { latencyMs: 10, ...repl }, 'replication')],
  );
}

/**
 * The replica is cut off from 1 s to 3 s; the primary crashes at 2.9 s. The replica's failure
 * detector (failoverAfterMs 2500, `slowDetector`) does not fire during the cut, so the failover
 * that follows is a real one, of a dead primary, at about 3.5 s.
 */
const cutThenCrash: Fault[] = [
  { id: 'cut', atMs: 1000, action: 'partition', target: 'db-b', params: { durationMs: 2000 } },
  { id: 'crash', atMs: 2900, action: 'crash', target: 'db-a' },
];
const slowDetector = { failoverAfterMs: 2500 };

describe('sync replication', () => {
  it('waits for the replica: a write takes the round trip over the replication edge', () => {
    const run = simulate(pair('sync'), { seed: 1, durationMs: 3000, faults: [] });
    expect(run.summary.replicationWaitMs).toBeGreaterThanOrEqual(20);
    expect(run.summary.replicationWaitMs).toBeLessThan(21);
    const async = simulate(pair('async'), { seed: 1, durationMs: 3000, faults: [] });
    expect(async.summary.replicationWaitMs).toBeUndefined();
    expect(run.summary.latencyMean).toBeGreaterThan(async.summary.latencyMean! + 8);
  });

  it('with its replica cut off, fails writes instead of acknowledging them, and loses none in the failover', () => {
    const run = simulate(pair('sync', slowDetector), { seed: 2, durationMs: 6000, faults: cutThenCrash });
    expect(run.summary.lostWrites).toBe(0);
    const during = { fromMs: 1600, toMs: 2900 };
    expect(readMetric(run, 'acknowledgedWrites', during)).toBe(0);
    expect(readMetric(run, 'failedTimeout', during)).toBeGreaterThan(100);
    // Only after the failover, with the old primary dead and out of the sync set, does the new one write alone.
    expect(readMetric(run, 'degradedWrites', { toMs: 3400 })).toBe(0);
  });

  it('a lossy replication edge slows sync writes down', () => {
    const clean = simulate(pair('sync'), { seed: 3, durationMs: 4000, faults: [] });
    const lossy = simulate(pair('sync', {}, { lossRate: 0.3 }), { seed: 3, durationMs: 4000, faults: [] });
    expect(lossy.summary.replicationWaitMs!).toBeGreaterThan(clean.summary.replicationWaitMs! + 2);
  });

  it('a replaced primary that comes back catches up, is waited for again, and can take over in turn', () => {
    const faults: Fault[] = [
      { id: 'crash-a', atMs: 1000, action: 'crash', target: 'db-a' },
      { id: 'back-a', atMs: 2500, action: 'restart', target: 'db-a' },
      { id: 'crash-b', atMs: 4000, action: 'crash', target: 'db-b' },
    ];
    const run = simulate(pair('sync'), { seed: 7, durationMs: 6000, faults });
    expect(run.events.filter((e) => e.kind === 'failover').map((e) => e.node)).toEqual(['db-b', 'db-a']);
    expect(run.summary.lostWrites).toBe(0);
    // Alone after the first failover, waiting for db-a again once it is back.
    expect(readMetric(run, 'degradedWrites', { fromMs: 1500, toMs: 2500 })).toBeGreaterThan(100);
    expect(readMetric(run, 'degradedWrites', { fromMs: 3000, toMs: 4000 })).toBe(0);
  });

  it('never loses an acknowledged write, whatever happens to the replicas', () => {
    const g = graph(
      [
        node('users', 'client', { users: 100, rps: 300, readRatio: 0.3 }),
        node('api', 'service', { workers: 64 }),
        ...['db-a', 'db-b', 'db-c'].map((id) => node(id, 'database', { replication: 'sync', failoverAfterMs: 300, replicationTimeoutMs: 400 })),
      ],
      [edge('users', 'api'), edge('api', 'db-a'), edge('db-a', 'db-b', { jitterMs: 5, lossRate: 0.05 }, 'replication'), edge('db-a', 'db-c', { latencyMs: 4 }, 'replication')],
    );
    const dbs = ['db-a', 'db-b', 'db-c'];
    const actions = ['crash', 'restart', 'partition', 'promote', 'pause', 'link-loss'] as const;
    let failovers = 0;
    for (let seed = 1; seed <= 12; seed++) {
      // A schedule of its own per seed, from a small deterministic generator.
      let x = seed * 2654435761;
      const next = (n: number) => ((x = (x * 1103515245 + 12345) % 2147483648) >>> 8) % n;
      const faults: Fault[] = Array.from({ length: 8 }, (_, k) => {
        const action = actions[next(actions.length)]!;
        const params = action === 'partition' || action === 'pause' ? { durationMs: 200 + next(800) } : action === 'link-loss' ? { rate: 0.5, durationMs: 500 } : undefined;
        return { id: `f${k}`, atMs: 300 + next(4000), action, target: dbs[next(3)]!, ...(params === undefined ? {} : { params }) };
      });
      const run = simulate(g, { seed, durationMs: 5000, faults });
      expect(run.summary.lostWrites, JSON.stringify(faults)).toBe(0);
      failovers += run.summary.failovers;
    }
    expect(failovers).toBeGreaterThan(3);
  });
});

describe('semi-sync replication', () => {
  it('falls back to acknowledging alone after the timeout, counts those writes, and can lose them', () => {
    const semi = simulate(pair('semi-sync', slowDetector), { seed: 2, durationMs: 6000, faults: cutThenCrash });
    const sync = simulate(pair('sync', slowDetector), { seed: 2, durationMs: 6000, faults: cutThenCrash });
    expect(semi.summary.degradedWrites).toBeGreaterThan(100);
    expect(semi.summary.lostWrites).toBeGreaterThan(100);
    expect(semi.summary.lostWrites).toBeLessThanOrEqual(semi.summary.degradedWrites);
    const beforeCrash = { toMs: 2900 };
    expect(readMetric(semi, 'failed', beforeCrash)).toBeLessThan(readMetric(sync, 'failed', beforeCrash) / 2);
    expect(semi.events.some((e) => e.kind === 'replication-degraded' && e.node === 'db-b')).toBe(true);
  });
});

describe('async replication', () => {
  it('a cut replication edge loses the writes acknowledged meanwhile (loss on the edge is not ignored)', () => {
    // A slow detector: the replica, deaf to its primary from 1 s, fails over only at about 4 s.
    const cut = simulate(pair('async', { failoverAfterMs: 3000 }), { seed: 4, durationMs: 5000, faults: [{ id: 'loss', atMs: 1000, action: 'link-loss', target: 'db-a--db-b', params: { rate: 1, durationMs: 5000 } }, { id: 'crash', atMs: 2000, action: 'crash', target: 'db-a' }] });
    // About 200 writes/s for the second the edge dropped everything.
    expect(cut.summary.lostWrites).toBeGreaterThan(150);
  });
});
