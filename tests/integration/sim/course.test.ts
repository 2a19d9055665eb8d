/** The course's claims (DESIGN.md §3), each shown by a run a student could make. */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Fault } from '../../../src/shared/scenario';
import { edge, graph, node, tier } from '../../unit/sim/helpers';

const crashApi2: Fault[] = [{ id: 'crash', atMs: 3000, action: 'crash', target: 'api-2' }];

describe('sessions', () => {
  it('in-memory sessions with sticky routing lose exactly the crashed instance’s sessions', () => {
    const run = simulate(tier({ services: 3, lb: { policy: 'sticky' }, service: { sessions: 'local-memory' } }), { seed: 3, durationMs: 8000, faults: crashApi2 });
    const lostAtCrash = run.events.find((e) => e.kind === 'session-lost' && e.node === 'api-2');
    expect(lostAtCrash?.value).toBeGreaterThan(20);
    expect(run.summary.sessionsLost).toBe(lostAtCrash?.value);
    expect(readMetric(run, 'sessionsLost', {}, 'api-1') + readMetric(run, 'sessionsLost', {}, 'api-3')).toBe(0);
    expect(run.summary.failedSessionLost).toBeGreaterThan(0);
  });

  it('a session store or signed tokens lose no session', () => {
    const store = tier({
      services: 3,
      lb: { policy: 'round-robin' },
      service: { sessions: 'session-store' },
      extra: [node('sessions', 'session-store', { persistence: true })],
      extraEdges: [edge('api-1', 'sessions'), edge('api-2', 'sessions'), edge('api-3', 'sessions')],
    });
    const token = tier({ services: 3, lb: { policy: 'round-robin' }, service: { sessions: 'signed-token' } });
    for (const g of [store, token]) {
      const run = simulate(g, { seed: 3, durationMs: 8000, faults: crashApi2 });
      expect(run.summary.sessionsLost).toBe(0);
      expect(run.summary.failedSessionLost).toBe(0);
      expect(run.summary.ok).toBeGreaterThan(2500);
    }
  });
});

describe('health checks', () => {
  it('a dead instance keeps receiving requests until detected, then errors stop', () => {
    const run = simulate(tier({ services: 3 }), { seed: 5, durationMs: 8000, faults: crashApi2 });
    const detected = run.events.find((e) => e.kind === 'failure-detected' && e.node === 'api-2');
    expect(detected).toBeDefined();
    const detectedMs = detected!.atMs;
    // interval 500 ms × 2 failed probes: detection takes time.
    expect(detectedMs).toBeGreaterThan(3000);
    expect(detectedMs).toBeLessThanOrEqual(4000);
    expect(readMetric(run, 'failedDown', { fromMs: 3000, toMs: detectedMs })).toBeGreaterThan(0);
    expect(readMetric(run, 'errorRate', { fromMs: 0, toMs: 3000 })).toBe(0);
    const after = { fromMs: detectedMs + 100, toMs: 8000 };
    expect(readMetric(run, 'requests', after)).toBeGreaterThan(1000);
    expect(readMetric(run, 'errorRate', after)).toBe(0);
    expect(readMetric(run, 'lbShare', after, 'api-2')).toBe(0);
  });
});

function replicated(mode: 'sync' | 'async') {
  return graph(
    [
      node('users', 'client', { users: 100, rps: 1000, readRatio: 0.2, timeoutMs: 2000 }),
      node('api', 'service', { workers: 64, serviceTimeMs: 0.5 }),
      node('db-a', 'database', { replication: mode, replicationLagMs: 200, failoverAfterMs: 1000, capacityRps: 50_000, latencyMs: 1 }),
      node('db-b', 'database', { replication: mode, replicationLagMs: 200, capacityRps: 50_000, latencyMs: 1 }),
    ],
    [edge('users', 'api'), edge('api', 'db-a'), edge('db-a', 'db-b', {}, 'replication')],
  );
}

describe('replication and failover', () => {
  const faults: Fault[] = [{ id: 'crash', atMs: 3000, action: 'crash', target: 'db-a' }];

  it('async replication loses the acknowledged writes inside the lag window', () => {
    const run = simulate(replicated('async'), { seed: 9, durationMs: 8000, faults });
    const writesPerSecond = readMetric(run, 'acknowledgedWrites', { fromMs: 1000, toMs: 3000 }) / 2;
    // About 200 ms of acknowledged writes never reached the follower.
    expect(run.summary.lostWrites).toBeGreaterThan(writesPerSecond * 0.2 * 0.7);
    expect(run.summary.lostWrites).toBeLessThan(writesPerSecond * 0.2 * 1.3);
    expect(run.events.some((e) => e.kind === 'failover' && e.node === 'db-b')).toBe(true);
    expect(readMetric(run, 'errorRate', { fromMs: 4500 })).toBe(0);
  });

  it('sync replication loses none', () => {
    const run = simulate(replicated('sync'), { seed: 9, durationMs: 8000, faults });
    expect(run.summary.acknowledgedWrites).toBeGreaterThan(1000);
    expect(run.summary.lostWrites).toBe(0);
    expect(run.events.some((e) => e.kind === 'failover')).toBe(true);
  });
});

function leased(hasFencing: boolean, policy = 'partition-aware') {
  const owner = { state: 'stateful', ownsPartitions: true, workers: 8, serviceTimeMs: 1 };
  return graph(
    [
      node('users', 'client', { users: 100, rps: 400, readRatio: 0.3, timeoutMs: 10_000 }),
      node('lb', 'load-balancer', { policy, ownerRefreshMs: 200, timeoutMs: 10_000, healthCheck: { intervalMs: 1000, unhealthyAfter: 10 } }),
      node('api-1', 'service', owner),
      node('api-2', 'service', owner),
      node('coord', 'coordinator', { leaseTtlMs: 1000, fencing: hasFencing, partitions: 8 }),
      node('db', 'database', { capacityRps: 50_000, latencyMs: 1 }),
    ],
    [edge('users', 'lb'), edge('lb', 'api-1'), edge('lb', 'api-2'), edge('api-1', 'coord'), edge('api-2', 'coord'), edge('api-1', 'db'), edge('api-2', 'db')],
  );
}

describe('leases and fencing', () => {
  const pause: Fault[] = [{ id: 'gc', atMs: 3000, action: 'pause', target: 'api-1', params: { durationMs: 2500 } }];
  const cut: Fault[] = [{ id: 'cut', atMs: 3000, action: 'partition', target: 'api-1', params: { groups: [['api-1'], ['coord']], durationMs: 2500 } }];

  // Cut off from the coordinator, api-1 only hears from users if the balancer does not follow the owner map.
  for (const [name, faults, policy] of [['a pause', pause, 'partition-aware'], ['a network partition', cut, 'round-robin']] as const) {
    it(`${name} longer than the lease makes two owners: conflicting writes without fencing, none with`, () => {
      const open = simulate(leased(false, policy), { seed: 11, durationMs: 9000, faults });
      expect(open.summary.splitBrainMs).toBeGreaterThan(0);
      expect(open.events.some((e) => e.kind === 'lease-expired' && e.node === 'api-1')).toBe(true);
      expect(open.summary.conflictingWrites).toBeGreaterThan(0);
      const fenced = simulate(leased(true, policy), { seed: 11, durationMs: 9000, faults });
      expect(fenced.summary.conflictingWrites).toBe(0);
      expect(fenced.summary.fencedWrites).toBeGreaterThan(0);
    });
  }

  it('a short pause inside the lease moves nothing', () => {
    const run = simulate(leased(false), { seed: 11, durationMs: 6000, faults: [{ atMs: 3000, action: 'pause', target: 'api-1', params: { durationMs: 300 } }] });
    expect(run.summary.splitBrainMs).toBe(0);
    expect(run.summary.conflictingWrites).toBe(0);
  });
});

describe('rolling deploy', () => {
  const g = tier({ services: 3, service: { startupMs: 500 }, withDb: true });
  const deploy = (drain: boolean): Fault[] => [{ id: 'deploy', atMs: 2000, action: 'rolling-deploy', target: 'lb', params: { batchSize: 1, drain, version: '2' } }];

  it('without draining fails in-flight requests', () => {
    const run = simulate(g, { seed: 4, durationMs: 12_000, faults: deploy(false) });
    expect(run.events.some((e) => e.kind === 'deploy-done')).toBe(true);
    expect(run.summary.failedDown).toBeGreaterThan(0);
  });

  it('with draining fails none', () => {
    const run = simulate(g, { seed: 4, durationMs: 12_000, faults: deploy(true) });
    expect(run.events.some((e) => e.kind === 'deploy-done')).toBe(true);
    expect(run.summary.failed).toBe(0);
    expect(run.summary.ok).toBeGreaterThan(4000);
  });
});

describe('rebalance duration', () => {
  function owners(stateLoadMs: number) {
    const owner = { state: 'stateful', ownsPartitions: true, workers: 8, serviceTimeMs: 1, recoverFrom: 'database', stateLoadMs, startupMs: 200 };
    return graph(
      [
        node('users', 'client', { users: 100, rps: 400, readRatio: 0.5, timeoutMs: 10_000 }),
        node('lb', 'load-balancer', { policy: 'partition-aware', ownerRefreshMs: 200, healthCheck: { intervalMs: 250, unhealthyAfter: 2 } }),
        node('api-1', 'service', owner),
        node('api-2', 'service', owner),
        node('coord', 'coordinator', { leaseTtlMs: 1000, partitions: 8 }),
        node('db', 'database', { capacityRps: 50_000, latencyMs: 1 }),
      ],
      [edge('users', 'lb'), edge('lb', 'api-1'), edge('lb', 'api-2'), edge('api-1', 'coord'), edge('api-2', 'coord'), edge('api-1', 'db'), edge('api-2', 'db')],
    );
  }
  const scaleOut: Fault[] = [{ id: 'grow', atMs: 3000, action: 'scale-out', target: 'api-1' }];

  it('lasts until moved partitions are served by their new owner: longer when state loads slower, 0 when nothing moves', () => {
    const fast = simulate(owners(200), { seed: 2, durationMs: 8000, faults: scaleOut });
    const slow = simulate(owners(2000), { seed: 2, durationMs: 8000, faults: scaleOut });
    for (const [run, loadMs] of [[fast, 200], [slow, 2000]] as const) {
      const movedAt = run.events.find((e) => e.kind === 'owner-changed' && e.node === 'api-1~1')!.atMs;
      const ms = run.summary.rebalanceDurationMs;
      // The new owner loads each moved partition from the database before it can serve it.
      expect(ms).toBeGreaterThanOrEqual(loadMs);
      expect(ms).toBeLessThan(loadMs + 500);
      expect(readMetric(run, 'failed', { fromMs: movedAt, toMs: movedAt + ms })).toBeGreaterThan(0);
      expect(readMetric(run, 'errorRate', { fromMs: movedAt + ms + 10 })).toBe(0);
    }
    expect(slow.summary.rebalanceDurationMs).toBeGreaterThan(fast.summary.rebalanceDurationMs + 1500);

    const still = simulate(owners(2000), { seed: 2, durationMs: 8000, faults: [{ atMs: 3000, action: 'pause', target: 'api-1', params: { durationMs: 200 } }] });
    expect(still.summary.rebalances).toBe(0);
    expect(still.summary.rebalanceDurationMs).toBe(0);
  });
});
