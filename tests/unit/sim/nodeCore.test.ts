import { describe, expect, it } from 'vitest';
import { prepareSimulation } from '../../../src/main/sim/index';
import { tier } from './helpers';

const scenario = {
  seed: 5,
  durationMs: 3000,
  faults: [
    { id: 'crash', atMs: 500, action: 'crash' as const, target: 'api-1' },
    { id: 'slow', atMs: 1000, action: 'slow' as const, target: 'api-2', params: { latencyFactor: 4, durationMs: 1000 } },
    { id: 'lossy', atMs: 1000, action: 'link-loss' as const, target: 'api-3', params: { rate: 0.5, durationMs: 500 } },
  ],
};

describe('a node and the engine see one state (NodeCore)', () => {
  it('every node of every kind has its core at its index, and faults and crashes change what both read', () => {
    const { sim } = prepareSimulation(tier({ services: 3, withDb: true, client: { timeoutMs: 300 } }), scenario);
    expect(new Set(sim.nodes.map((n) => n.kind))).toEqual(new Set(['client', 'load-balancer', 'service', 'database']));
    sim.nodes.forEach((n, i) => {
      expect(sim.cores[i]).toBe(n.core);
      expect(n.core.idx).toBe(i);
      expect(n.core.isClient).toBe(n.kind === 'client');
      expect(n.core.timeoutUs).toBe(n.timeoutUs);
    });
    const [api1, api2, api3] = ['api-1', 'api-2', 'api-3'].map((id) => sim.byId.get(id)!);
    sim.runUntil(1_200_000);
    // The crash: down, a new incarnation, seen through the node and its core alike.
    expect(api1!.isUp).toBe(false);
    expect(sim.cores[api1!.idx]!.isUp).toBe(false);
    expect(sim.cores[api1!.idx]!.incarnation).toBe(1);
    expect(api2!.core.latencyFactor).toBe(4);
    expect(api3!.core.lossRate).toBe(0.5);
    // Written through the node, read from the core: one copy.
    api2!.isPaused = true;
    expect(sim.cores[api2!.idx]!.isPaused).toBe(true);
    api2!.isPaused = false;
    sim.runUntil(2_200_000);
    expect(api2!.core.latencyFactor).toBe(1);
    expect(api3!.lossRate).toBe(0);
  });
});
