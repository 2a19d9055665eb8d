/**
 * Key salting: a client splits the hot key into K sub-keys (hotKeySalt) that fall in other
 * partitions. The operation that goes to one sub-key spreads over the owners; the other fans out
 * to all K (hotKeySaltFanOut): K calls each, and every owner holding a sub-key sees all of them.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { edge, node, graph } from './helpers';

const OWNERS = ['own-1', 'own-2', 'own-3'];
const owners = (hotKeySalt: number, readRatio = 0.95, hotKeySaltFanOut = 'reads', rps = 600): Graph =>
  graph(
    [
      node('users', 'client', { users: 500, rps, readRatio, keys: { distribution: 'uniform', count: 5000 }, hotKeySalt, hotKeySaltFanOut }),
      node('lb', 'load-balancer', { policy: 'partition-aware', ownerRefreshMs: 500 }),
      ...OWNERS.map((id) => node(id, 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', workers: 2, serviceTimeMs: 5 })),
      node('coord', 'coordinator', { partitions: 12 }),
      node('db', 'database', {}),
    ],
    [edge('users', 'lb'), ...OWNERS.flatMap((id) => [edge('lb', id), edge(id, 'coord'), edge(id, 'db')])],
  );
const hot: Scenario = { seed: 2, durationMs: 8000, faults: [{ id: 'hot', atMs: 2000, action: 'hot-key', target: 'users', params: { key: 7, fraction: 0.5 } }] };
const during = { fromMs: 4000, toMs: 8000 };
const load = (run: ReturnType<typeof simulate>) => OWNERS.map((id) => readMetric(run, 'requests', during, id));

describe('key salting', () => {
  it('spreads a write-hot key over the owners when reads fan out', () => {
    const one = simulate(owners(1, 0, 'reads', 300), hot);
    const salted = simulate(owners(5, 0, 'reads', 300), hot);
    expect(Math.max(...load(salted))).toBeLessThan(0.8 * Math.max(...load(one)));
    expect(readMetric(salted, 'latencyP99', during)).toBeLessThan(0.75 * readMetric(one, 'latencyP99', during));
  });

  it('does not relieve a read-hot key whose reads fan out: every owner holding a sub-key sees every read', () => {
    const one = simulate(owners(1), hot);
    const salted = simulate(owners(6), hot);
    expect(Math.max(...load(salted))).toBeGreaterThan(Math.max(...load(one)));
    expect(readMetric(salted, 'errorRate', during)).toBeGreaterThan(readMetric(one, 'errorRate', during));
  });

  it('relieves a read-hot key kept as copies: a write goes to every copy, a read to one', () => {
    const one = simulate(owners(1), hot);
    const copies = simulate(owners(5, 0.95, 'writes'), hot);
    expect(Math.max(...load(copies))).toBeLessThan(0.8 * Math.max(...load(one)));
    expect(readMetric(one, 'errorRate', during)).toBeGreaterThan(0.01);
    expect(readMetric(copies, 'errorRate', during)).toBeLessThan(0.005);
  });

  it('costs K calls per fanned-out operation on the hot key, one per other', () => {
    const K = 4;
    const callsPerRequest = (readRatio: number, fanOut: string) => {
      const run = simulate(owners(K, readRatio, fanOut, 300), hot);
      return OWNERS.reduce((s, id) => s + readMetric(run, 'requests', during, id), 0) / readMetric(run, 'requests', during);
    };
    // Half of all requests are for the hot key: a fanned-out one costs K calls, so 1 + (K - 1) / 2 per request.
    const fanned = 1 + (K - 1) / 2;
    expect(callsPerRequest(1, 'reads')).toBeGreaterThan(0.9 * fanned);
    expect(callsPerRequest(1, 'reads')).toBeLessThan(1.1 * fanned);
    expect(callsPerRequest(0, 'writes')).toBeGreaterThan(0.9 * fanned);
    // The operation that goes to one sub-key: one call each.
    expect(callsPerRequest(0, 'reads')).toBeLessThan(1.05);
    expect(callsPerRequest(1, 'writes')).toBeLessThan(1.05);
  });

  it('is off by default and changes nothing then', () => {
    const g = owners(1);
    const noProp = { ...g, nodes: g.nodes.map((n) => (n.id === 'users' ? { ...n, props: { ...n.props, hotKeySalt: undefined } } : n)) };
    expect(simulate(noProp, hot).traceHash).toBe(simulate(g, hot).traceHash);
  });
});
