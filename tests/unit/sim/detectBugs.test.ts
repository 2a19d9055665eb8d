/** Issue 12 item 9: the three bugs found on the way (planned handover, warm start, timeout 0). */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim';
import { edge, node, tier } from './helpers';

/** users → lb (partition-aware) → 3 stateful owners with leases from a coordinator, → db. */
function coordinated(service: Record<string, unknown> = {}) {
  return tier({
    services: 3,
    withDb: true,
    lb: { policy: 'partition-aware', ownerRefreshMs: 200 },
    service: { state: 'stateful', ownsPartitions: true, recoverFrom: 'database', stateLoadMs: 500, startupMs: 500, ...service },
    extra: [node('coord', 'coordinator', { leaseTtlMs: 3000, partitions: 12 })],
    extraEdges: [edge('api-1', 'coord', { latencyMs: 5 }), edge('api-2', 'coord', { latencyMs: 5 }), edge('api-3', 'coord', { latencyMs: 5 })],
  });
}

describe('a planned scale-out of a coordinated tier', () => {
  it('hands partitions over without split brain: donors release before the new owner takes them', () => {
    const run = simulate(coordinated(), { seed: 3, durationMs: 8000, faults: [{ atMs: 2000, action: 'scale-out', target: 'api-1' }] });
    // The new instance did take partitions (the move happened) ...
    expect(run.events.some((e) => e.kind === 'owner-changed' && e.message.includes('joined'))).toBe(true);
    expect(readMetric(run, 'ownedPartitions', { fromMs: 7000, toMs: 8000 }, 'api-1~1')).toBeGreaterThan(0);
    // ... and no partition ever had two owners.
    expect(run.summary.splitBrainMs).toBe(0);
    expect(run.events.filter((e) => e.kind === 'split-brain-began')).toEqual([]);
  });
});

describe('a partitioned design at t = 0', () => {
  it('starts warm: no outage while owners would load state', () => {
    const run = simulate(coordinated(), { seed: 1, durationMs: 2000 });
    expect(readMetric(run, 'errorRate', { fromMs: 0, toMs: 1000 })).toBe(0);
  });

  it('starts cold when the scenario says so: owners load their partitions first', () => {
    const run = simulate(coordinated(), { seed: 1, durationMs: 2000, isColdStart: true });
    expect(readMetric(run, 'errorRate', { fromMs: 0, toMs: 400 })).toBeGreaterThan(0.5);
    expect(readMetric(run, 'errorRate', { fromMs: 1000, toMs: 2000 })).toBe(0);
  });
});

describe('a timeout of 0', () => {
  it.each([
    ['users', 'timeoutMs', 'client'],
    ['lb', 'timeoutMs', 'load-balancer'],
    ['api-1', 'callTimeoutMs', 'service'],
  ])('is refused on %s.%s, naming the node and saying why, instead of meaning "never"', (id, prop, kind) => {
    const g = tier({ services: 1 });
    const n = g.nodes.find((x) => x.id === id)!;
    n.props = { ...n.props, [prop]: 0 };
    expect(() => simulate(g, { seed: 1, durationMs: 100 })).toThrow(new RegExp(`props\\.${prop} \\(node "${id}", ${kind}\\): must be at least 1 ms: a timeout of 0 would never fire`));
  });
});
