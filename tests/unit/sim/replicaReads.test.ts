/**
 * A hot partition's reads spread over its replicas: with `replicaReads`, a partition-aware
 * balancer sends a read to the key's owner or to an instance the owner replicates to, which
 * answers from its replica. One key still belongs to one owner: writes go there only.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { edge, node, graph } from './helpers';

const owners = (replicaReads: boolean): Graph =>
  graph(
    [
      node('users', 'client', { users: 500, rps: 600, readRatio: 0.95, keys: { distribution: 'uniform', count: 5000 } }),
      node('lb', 'load-balancer', { policy: 'partition-aware', replicaReads, ownerRefreshMs: 500 }),
      ...['own-1', 'own-2', 'own-3'].map((id) => node(id, 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', workers: 2, serviceTimeMs: 5 })),
      node('coord', 'coordinator', { partitions: 12 }),
      node('db', 'database', {}),
    ],
    [
      edge('users', 'lb'),
      ...['own-1', 'own-2', 'own-3'].flatMap((id) => [edge('lb', id), edge(id, 'coord'), edge(id, 'db')]),
      edge('own-1', 'own-2', {}, 'replication'),
      edge('own-2', 'own-3', {}, 'replication'),
      edge('own-3', 'own-1', {}, 'replication'),
    ],
  );
const hot: Scenario = { seed: 2, durationMs: 8000, faults: [{ id: 'hot', atMs: 2000, action: 'hot-key', target: 'users', params: { key: 7, fraction: 0.5 } }] };
const during = { fromMs: 4000, toMs: 8000 };

describe('replica reads', () => {
  it('spread a hot partition over its owner and its replica, and the hot owner recovers', () => {
    const one = simulate(owners(false), hot);
    const spread = simulate(owners(true), hot);
    const load = (run: typeof one) => ['own-1', 'own-2', 'own-3'].map((id) => readMetric(run, 'requests', during, id));
    const max = (xs: number[]) => Math.max(...xs);
    expect(max(load(spread))).toBeLessThan(0.75 * max(load(one)));
    expect(readMetric(one, 'errorRate', during)).toBeGreaterThan(0.01);
    expect(readMetric(spread, 'errorRate', during)).toBeLessThan(0.005);
    expect(readMetric(spread, 'latencyP99', during)).toBeLessThan(readMetric(one, 'latencyP99', during) / 2);
  });

  it('are off by default and change nothing then', () => {
    const g = owners(false);
    const noProp = { ...g, nodes: g.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { policy: 'partition-aware', ownerRefreshMs: 500 } } : n)) };
    expect(simulate(noProp, hot).traceHash).toBe(simulate(g, hot).traceHash);
  });
});
