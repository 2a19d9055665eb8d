/**
 * A stateful deploy (notes §12): an owner with controlledShutdown hands its partitions to the others
 * through the coordinator before a planned stop, so its rooms never wait for it to restart; without
 * it, draining stops its traffic but its partitions stay its own until it is back.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { edge, graph, node } from './helpers';

const owners = (owner: Record<string, unknown>) =>
  graph(
    [
      node('users', 'client', { users: 1000, rps: 400, readRatio: 0.8, keys: { distribution: 'uniform', count: 300 } }),
      node('router', 'load-balancer', { policy: 'partition-aware', healthCheck: { intervalMs: 100, unhealthyAfter: 2 }, ownerRefreshMs: 50 }),
      ...[1, 2, 3].map((i) => node(`own-${i}`, 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', startupMs: 2000, serviceTimeMs: { mean: 2, distribution: 'exponential' }, ...owner })),
      node('coord', 'coordinator', { leaseTtlMs: 3000, partitions: 12 }),
      node('db', 'database', { latencyMs: 3, capacityRps: 20_000 }),
    ],
    [
      edge('users', 'router', { latencyMs: 5 }),
      ...[1, 2, 3].flatMap((i) => [edge('router', `own-${i}`), edge(`own-${i}`, 'coord'), edge(`own-${i}`, 'db'), edge(`own-${i}`, `own-${(i % 3) + 1}`, {}, 'replication')]),
    ],
  );
const deploy = { seed: 3, durationMs: 14_000, faults: [{ id: 'deploy', atMs: 2000, action: 'rolling-deploy' as const, target: 'router', params: { batchSize: 1, drain: true } }] };

describe('controlled shutdown in a rolling deploy of partition owners', () => {
  it('hands each owner’s partitions over before it stops: far fewer failures, and never two owners', () => {
    const naive = simulate(owners({}), deploy);
    const handed = simulate(owners({ controlledShutdown: true }), deploy);
    const window = { fromMs: 2000, toMs: 14_000 };
    const failedNaive = readMetric(naive, 'failed', window)!;
    const failedHanded = readMetric(handed, 'failed', window)!;
    // Without a handover each owner's third of the rooms is unserved for its 2 s restart.
    expect(failedNaive).toBeGreaterThan(500);
    expect(failedHanded).toBeLessThan(failedNaive / 10);
    expect(readMetric(handed, 'splitBrainMs', window)).toBe(0);
    expect(handed.events.filter((e) => e.textKey === 'owner-changed.handed-over').map((e) => e.node)).toEqual(['own-1', 'own-2', 'own-3']);
    // Every owner is back and owns partitions again at the end.
    expect(readMetric(handed, 'ownedPartitions', { fromMs: 13_000, toMs: 14_000 })).toBe(12);
  });

  it('does nothing without a deploy: the same run as without the setting', () => {
    const calm = { seed: 3, durationMs: 4000, faults: [] };
    expect(simulate(owners({ controlledShutdown: true }), calm).traceHash).toBe(simulate(owners({}), calm).traceHash);
  });
});

describe('an owner that recovers a partition from nothing', () => {
  it('serves it at once and loses what the old owner held: each such takeover counts in partitionsLost', () => {
    const window = { fromMs: 0, toMs: 14_000 };
    const fromNothing = simulate(owners({ controlledShutdown: true, recoverFrom: 'none' }), deploy);
    const fromReplica = simulate(owners({ controlledShutdown: true }), deploy);
    const fromDatabase = simulate(owners({ controlledShutdown: true, recoverFrom: 'database' }), deploy);
    // Each of the three owners hands its partitions over once and takes some back: at least its own share lost.
    expect(readMetric(fromNothing, 'partitionsLost', window)).toBeGreaterThanOrEqual(12);
    expect(readMetric(fromReplica, 'partitionsLost', window)).toBe(0);
    expect(readMetric(fromDatabase, 'partitionsLost', window)).toBe(0);
    // The first assignment at the start is no takeover: nothing is lost in a calm run.
    expect(readMetric(simulate(owners({ recoverFrom: 'none' }), { seed: 3, durationMs: 4000, faults: [] }), 'partitionsLost', { fromMs: 0, toMs: 4000 })).toBe(0);
  });
});
