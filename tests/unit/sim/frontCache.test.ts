/**
 * A cache in front of partition owners (a balancer's edge to a cache): a hot key's reads are hits
 * that never reach its owner, so the hot owner recovers; writes do not invalidate, so a hit can
 * serve a value older than the key's last write until the entry's TTL ends (staleReads).
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { edge, node, graph } from './helpers';

const OWNERS = ['own-1', 'own-2', 'own-3'];
const owners = (cache: Record<string, unknown> | null): Graph =>
  graph(
    [
      node('users', 'client', { users: 500, rps: 600, readRatio: 0.95, keys: { distribution: 'uniform', count: 5000 } }),
      node('lb', 'load-balancer', { policy: 'partition-aware', ownerRefreshMs: 500 }),
      ...OWNERS.map((id) => node(id, 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', workers: 2, serviceTimeMs: 5 })),
      node('coord', 'coordinator', { partitions: 12 }),
      node('db', 'database', {}),
      ...(cache === null ? [] : [node('front', 'cache', cache)]),
    ],
    [edge('users', 'lb'), ...OWNERS.flatMap((id) => [edge('lb', id), edge(id, 'coord'), edge(id, 'db')]), ...(cache === null ? [] : [edge('lb', 'front')])],
  );
const hot: Scenario = { seed: 2, durationMs: 8000, faults: [{ id: 'hot', atMs: 2000, action: 'hot-key', target: 'users', params: { key: 7, fraction: 0.5 } }] };
const during = { fromMs: 4000, toMs: 8000 };
const load = (run: ReturnType<typeof simulate>) => OWNERS.map((id) => readMetric(run, 'requests', during, id));

describe('a cache in front of the owners', () => {
  it("absorbs the hot key's reads: the hot owner recovers", () => {
    const bare = simulate(owners(null), hot);
    const cached = simulate(owners({ ttlMs: 1000, capacity: 1000 }), hot);
    expect(Math.max(...load(cached))).toBeLessThan(0.6 * Math.max(...load(bare)));
    expect(readMetric(cached, 'cacheHitRatio', during, 'front')).toBeGreaterThan(0.3);
    expect(readMetric(bare, 'errorRate', during)).toBeGreaterThan(0.01);
    expect(readMetric(cached, 'errorRate', during)).toBeLessThan(0.005);
    expect(readMetric(cached, 'latencyP99', during)).toBeLessThan(readMetric(bare, 'latencyP99', during) / 2);
  });

  it('serves stale reads, more of them the longer its entries live', () => {
    const stale = (ttlMs: number) => readMetric(simulate(owners({ ttlMs, capacity: 1000 }), hot), 'staleReads', during);
    const short = stale(20);
    const long = stale(2000);
    expect(long).toBeGreaterThan(100);
    expect(short).toBeLessThan(long / 5);
  });

  it('counts no stale read where nothing is written', () => {
    const g = owners({ ttlMs: 2000, capacity: 1000 });
    const readsOnly = { ...g, nodes: g.nodes.map((n) => (n.id === 'users' ? { ...n, props: { ...n.props, readRatio: 1 } } : n)) };
    const run = simulate(readsOnly, hot);
    expect(readMetric(run, 'cacheHitRatio', during, 'front')).toBeGreaterThan(0.3);
    expect(readMetric(run, 'staleReads', during)).toBe(0);
  });
});
