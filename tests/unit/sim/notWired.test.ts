/** What is not wired does not work: the editor's wiring issues and the simulator's `notWired` failures agree. */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { wiringIssues } from '../../../src/shared/wiring';
import { edge, graph, node, tier } from './helpers';

const scenario = { seed: 3, durationMs: 6000, faults: [] };

describe('a session store that is not connected', () => {
  const withStore = tier({ services: 2, service: { sessions: 'session-store' }, extra: [node('store', 'session-store')], extraEdges: [edge('api-1', 'store'), edge('api-2', 'store')] });
  const without = tier({ services: 2, service: { sessions: 'session-store' } });

  it('is a wiring issue naming the node and the setting', () => {
    expect(wiringIssues(withStore)).toEqual([]);
    const issues = wiringIssues(without);
    expect(issues.map((i) => [i.nodeId, i.need, i.field])).toEqual([
      ['api-1', 'sessionStore', 'sessions'],
      ['api-2', 'sessionStore', 'sessions'],
    ]);
    expect(issues[0]!.message).toMatch(/no session store is connected/);
  });

  it('fails requests with a session as "not wired" instead of checking nothing', () => {
    const ok = simulate(withStore, scenario);
    expect(ok.summary.failed).toBe(0);
    const run = simulate(without, scenario);
    expect(run.summary.failedNotWired).toBeGreaterThan(0);
    expect(run.summary.failedNotWired).toBe(run.summary.failed);
    expect(run.summary.errorRate).toBe(1);
    expect(run.events.some((e) => e.kind === 'not-wired' && e.node === 'api-1')).toBe(true);
  });

  it('a service only half wired fails only on the unwired instance', () => {
    const half = tier({ services: 2, service: { sessions: 'session-store' }, extra: [node('store', 'session-store')], extraEdges: [edge('api-1', 'store')] });
    expect(wiringIssues(half).map((i) => i.nodeId)).toEqual(['api-2']);
    const run = simulate(half, scenario);
    expect(run.summary.errorRate).toBeGreaterThan(0.3);
    expect(run.summary.errorRate).toBeLessThan(0.7);
  });
});

describe('partition owners', () => {
  const owners = (opts: { wireReplica: boolean; wireCoordinator: boolean }) =>
    graph(
      [
        node('users', 'client', { users: 100, rps: 300 }),
        node('lb', 'load-balancer', { policy: 'partition-aware', healthCheck: { intervalMs: 200, unhealthyAfter: 2 } }),
        node('own-1', 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', serviceTimeMs: 2 }),
        node('own-2', 'service', { state: 'stateful', ownsPartitions: true, recoverFrom: 'replica', serviceTimeMs: 2 }),
        node('coord', 'coordinator', { leaseTtlMs: 1000, partitions: 8 }),
        node('db', 'database'),
      ],
      [
        edge('users', 'lb'),
        edge('lb', 'own-1'),
        edge('lb', 'own-2'),
        edge('lb', 'coord'),
        edge('own-1', 'db'),
        edge('own-2', 'db'),
        ...(opts.wireCoordinator ? [edge('own-1', 'coord'), edge('own-2', 'coord')] : [edge('own-1', 'coord')]),
        ...(opts.wireReplica ? [edge('own-1', 'own-2', {}, 'replication')] : []),
      ],
    );
  const crash = { seed: 5, durationMs: 8000, faults: [{ atMs: 2000, action: 'crash' as const, target: 'own-1' }] };

  it('recoverFrom replica with no replica: a taken-over partition cannot be recovered and its requests fail "not wired"', () => {
    const unwired = owners({ wireReplica: false, wireCoordinator: true });
    expect(wiringIssues(unwired).map((i) => [i.nodeId, i.need])).toEqual([
      ['own-1', 'replica'],
      ['own-2', 'replica'],
    ]);
    const bad = simulate(unwired, crash);
    const good = simulate(owners({ wireReplica: true, wireCoordinator: true }), crash);
    expect(good.summary.failedNotWired).toBe(0);
    expect(bad.summary.failedNotWired).toBeGreaterThan(100);
    expect(bad.events.some((e) => e.kind === 'not-wired' && e.node === 'own-2')).toBe(true);
    // Before the crash nothing moved: the first assignment is not a recovery.
    expect(bad.events.filter((e) => e.kind === 'not-wired').every((e) => e.atMs > 2000)).toBe(true);
    // Nothing was recovered, so there is no recovery time to report (not a fast one).
    expect(bad.summary.recoveryTimeMs).toBeUndefined();
    expect(good.summary.recoveryTimeMs).toBeGreaterThan(0);
  });

  it('an owner not connected to the coordinator owns nothing: its requests fail "not wired"', () => {
    const g = owners({ wireReplica: true, wireCoordinator: false });
    expect(wiringIssues(g).map((i) => [i.nodeId, i.need])).toEqual([['own-2', 'coordinator']]);
    // Behind round-robin, half the requests reach own-2: it holds no lease and answers none of them.
    const rr = { nodes: g.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { policy: 'round-robin' } } : n)), edges: g.edges.filter((e) => e.id !== 'lb--coord') };
    const run = simulate({ ...g, ...rr }, scenario);
    expect(readMetric(run, 'failedNotWired', {}, 'own-2')).toBe(readMetric(run, 'requests', {}, 'own-2'));
    expect(readMetric(run, 'requests', {}, 'own-2')).toBeGreaterThan(0);
    expect(readMetric(run, 'failedNotWired', {}, 'own-1')).toBe(0);
    expect(run.events.some((e) => e.kind === 'not-wired' && e.node === 'own-2')).toBe(true);
  });
});
