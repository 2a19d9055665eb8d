/**
 * Load imbalance is a property of one balancer over its own targets: in a two-tier design the
 * graph-wide value is the worst balancer's, not a mix of every balancer's targets.
 */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { edge, graph, node } from './helpers';

const service = { serviceTimeMs: { mean: 1, distribution: 'constant' }, workers: 16 };
const twoTier = (backPolicy: Record<string, unknown>) =>
  graph(
    [
      node('users', 'client', { users: 500, rps: 800 }),
      node('front', 'load-balancer', { policy: 'round-robin' }),
      node('web-1', 'service', service),
      node('web-2', 'service', service),
      node('admins', 'client', { users: 50, rps: 80 }),
      node('back', 'load-balancer', backPolicy),
      node('job-1', 'service', service),
      node('job-2', 'service', service),
    ],
    [edge('users', 'front'), edge('front', 'web-1'), edge('front', 'web-2'), edge('admins', 'back'), edge('back', 'job-1'), edge('back', 'job-2')],
  );

describe('load imbalance per balancer', () => {
  it('two evenly balanced tiers of different sizes are balanced (1), not ~1.8', () => {
    const run = simulate(twoTier({ policy: 'round-robin' }), { seed: 1, durationMs: 5000, faults: [] });
    expect(run.summary.lbImbalance).toBeLessThan(1.05);
    expect(readMetric(run, 'lbImbalance', {}, 'front')).toBeLessThan(1.05);
    expect(readMetric(run, 'lbImbalance', {}, 'back')).toBeLessThan(1.05);
  });

  it('the graph-wide value is the worst balancer, and a balancer read on its own is its own', () => {
    const run = simulate(twoTier({ policy: 'weighted', weights: { 'job-1': 3, 'job-2': 1 } }), { seed: 1, durationMs: 5000, faults: [] });
    const back = readMetric(run, 'lbImbalance', {}, 'back');
    expect(back).toBeCloseTo(1.5, 1);
    expect(readMetric(run, 'lbImbalance', {}, 'front')).toBeLessThan(1.05);
    expect(run.summary.lbImbalance).toBe(back);
  });
});
