/** The scenarios whose trace hashes are committed in golden-hashes.json. */
import { readFileSync } from 'node:fs';
import type { Graph } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { edge, graph, node, tier } from '../../unit/sim/helpers';

const example = JSON.parse(readFileSync(new URL('../../fixtures/examples/stateless-tier.graph.json', import.meta.url), 'utf8')) as Graph;

export const GOLDEN: Record<string, { graph: Graph; scenario: Scenario }> = {
  'stateless-tier-crash': {
    graph: tier({ services: 3, withDb: true }),
    scenario: { seed: 42, durationMs: 10_000, faults: [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-2' }, { atMs: 7000, action: 'restart', target: 'api-2' }] },
  },
  'sticky-sessions-crash': {
    graph: tier({ services: 3, lb: { policy: 'sticky' }, service: { sessions: 'local-memory' } }),
    scenario: { seed: 7, durationMs: 8000, faults: [{ atMs: 3000, action: 'crash', target: 'api-1' }] },
  },
  'async-failover': {
    graph: graph(
      [node('users', 'client', { rps: 500, readRatio: 0.5 }), node('api', 'service'), node('db-a', 'database', { failoverAfterMs: 1000 }), node('db-b', 'database')],
      [edge('users', 'api'), edge('api', 'db-a'), edge('db-a', 'db-b', {}, 'replication')],
    ),
    scenario: { seed: 3, durationMs: 6000, faults: [{ atMs: 2000, action: 'crash', target: 'db-a' }] },
  },
  'cache-zipf-flush-partition': {
    graph: graph(
      [
        node('users', 'client', { rps: 800, keys: { distribution: 'zipf', count: 5000, skew: 1.1 }, retries: 1 }),
        node('lb', 'load-balancer', { policy: 'consistent-hash', hashBy: 'key' }),
        node('api-1', 'service'),
        node('api-2', 'service'),
        node('cache', 'cache', { capacity: 500, ttlMs: 2000 }),
        node('db', 'database'),
      ],
      [edge('users', 'lb', { jitterMs: 3 }), edge('lb', 'api-1'), edge('lb', 'api-2'), edge('api-1', 'cache'), edge('api-2', 'cache'), edge('cache', 'db')],
    ),
    scenario: {
      seed: 99,
      durationMs: 8000,
      faults: [
        { atMs: 2000, action: 'cache-flush', target: 'cache' },
        { atMs: 3000, action: 'partition', target: 'api-2', params: { durationMs: 1500 } },
        { atMs: 5000, action: 'traffic-spike', target: 'users', params: { factor: 2, durationMs: 1000 } },
        { atMs: 6000, action: 'scale-out', target: 'api-1' },
      ],
    },
  },
  'lease-pause-rolling-deploy': {
    graph: graph(
      [
        node('users', 'client', { rps: 300, readRatio: 0.5 }),
        node('lb', 'load-balancer', { policy: 'partition-aware' }),
        node('api-1', 'service', { state: 'stateful', ownsPartitions: true, startupMs: 300 }),
        node('api-2', 'service', { state: 'stateful', ownsPartitions: true, startupMs: 300 }),
        node('coord', 'coordinator', { leaseTtlMs: 1000, fencing: true }),
        node('db', 'database'),
      ],
      [edge('users', 'lb'), edge('lb', 'api-1'), edge('lb', 'api-2'), edge('api-1', 'coord'), edge('api-2', 'coord'), edge('api-1', 'db'), edge('api-2', 'db')],
    ),
    scenario: {
      seed: 5,
      durationMs: 12_000,
      faults: [
        { atMs: 2000, action: 'pause', target: 'api-1', params: { durationMs: 2000 } },
        { atMs: 6000, action: 'rolling-deploy', target: 'lb', params: { drain: true, version: '2' } },
      ],
    },
  },
  'example-lesson': { graph: example, scenario: { seed: 42, durationMs: 60_000, faults: [{ id: 'crash', atMs: 30_000, action: 'crash', target: 'api-2' }] } },
};
