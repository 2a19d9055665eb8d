/**
 * A network partition of a stateful tier (notes §14): a partition-aware router cut off from the
 * coordinator keeps the owner map it last read, so the minority side goes on sending to the old
 * owner; without fencing both sides' writes land (conflicting writes), with fencing the minority's
 * writes are refused and its users pay in errors.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { edge, graph, node } from './helpers';

const twoZones = (fencing: boolean) =>
  graph(
    [
      node('west', 'client', { users: 400, rps: 200, readRatio: 0.5, keys: { distribution: 'uniform', count: 600 } }),
      node('east', 'client', { users: 400, rps: 200, readRatio: 0.5, keys: { distribution: 'uniform', count: 600 } }),
      node('gw-west', 'load-balancer', { policy: 'partition-aware', ownerRefreshMs: 200 }),
      node('gw-east', 'load-balancer', { policy: 'partition-aware', ownerRefreshMs: 200 }),
      ...[1, 2, 3].map((i) => node(`own-${i}`, 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica' })),
      node('coord', 'coordinator', { leaseTtlMs: 1000, fencing, partitions: 12 }),
      node('db', 'database', { latencyMs: 2, capacityRps: 20_000 }),
    ],
    [
      edge('west', 'gw-west'),
      edge('east', 'gw-east'),
      ...[1, 2, 3].flatMap((i) => [edge('gw-west', `own-${i}`), edge('gw-east', `own-${i}`), edge(`own-${i}`, 'coord'), edge(`own-${i}`, 'db'), edge(`own-${i}`, `own-${(i % 3) + 1}`, {}, 'replication')]),
    ],
  );
const split = {
  seed: 4,
  durationMs: 10_000,
  faults: [{ id: 'split', atMs: 2000, action: 'partition' as const, target: 'own-1', params: { groups: [['gw-west', 'own-1'], ['gw-east', 'own-2', 'own-3', 'coord']], durationMs: 5000 } }],
};
const during = { fromMs: 2000, toMs: 7000 };

describe('a network partition of a stateful tier', () => {
  it('without fencing, the cut-off owner keeps taking the minority side’s writes: conflicting writes', () => {
    const run = simulate(twoZones(false), split);
    expect(readMetric(run, 'conflictingWrites', during)).toBeGreaterThan(20);
    expect(readMetric(run, 'splitBrainMs', during)).toBeGreaterThan(1000);
  });

  it('with fencing none is accepted, and the minority side pays: its users fail more than the majority’s', () => {
    const run = simulate(twoZones(true), split);
    expect(readMetric(run, 'conflictingWrites')).toBe(0);
    expect(readMetric(run, 'fencedWrites', during)).toBeGreaterThan(20);
    const west = readMetric(run, 'errorRate', during, 'west')!;
    const east = readMetric(run, 'errorRate', during, 'east')!;
    expect(west).toBeGreaterThan(east + 0.2);
  });

  it('the minority’s router keeps its last map until the partition heals, then catches up', () => {
    const run = simulate(twoZones(true), split);
    // Once healed, the west router reads the map again and the west recovers.
    expect(readMetric(run, 'errorRate', { fromMs: 8500, toMs: 10_000 }, 'west')).toBeLessThan(0.01);
    // While cut off, the west router still sends own-1's former partitions to own-1, whose writes are refused.
    expect(readMetric(run, 'errorRate', { fromMs: 4000, toMs: 7000 }, 'west')).toBeGreaterThan(0.3);
  });
});
