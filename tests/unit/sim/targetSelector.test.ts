/**
 * A fault target may name a role instead of a node id ('@busiest-service'), so a lesson whose
 * student builds the whole design can still crash "an instance"; and a client with nowhere to send
 * its requests counts its users as affected.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { faultTargetIssues } from '../../../src/shared/faults';
import { edge, graph, node, tier } from './helpers';

const crashBusiest = { seed: 5, durationMs: 4000, faults: [{ id: 'crash', atMs: 2000, action: 'crash' as const, target: '@busiest-service' }] };

describe("the '@busiest-service' fault target", () => {
  it('crashes the instance that served the most requests, not the first one in the design', () => {
    // api-2 gets three times the traffic of the others.
    const run = simulate(tier({ services: 3, lb: { policy: 'weighted', weights: { 'api-1': 1, 'api-2': 3, 'api-3': 1 } } }), crashBusiest);
    const crashed = run.events.filter((e) => e.kind === 'crashed').map((e) => e.node);
    expect(crashed).toEqual(['api-2']);
  });

  it('never picks an idle spare, so a decoy instance cannot take the crash', () => {
    const design = tier({ services: 2, extra: [node('spare', 'service')] });
    const withSpareFirst = { ...design, nodes: [design.nodes[0]!, design.nodes.at(-1)!, ...design.nodes.slice(1, -1)] };
    const run = simulate(withSpareFirst, crashBusiest);
    const crashed = run.events.filter((e) => e.kind === 'crashed').map((e) => e.node);
    expect(crashed).toHaveLength(1);
    expect(crashed[0]).toMatch(/^api-/);
  });

  it('does nothing on a design without a service, and the design still fails its users', () => {
    const run = simulate(graph([node('users', 'client', { users: 50, rps: 100 })], []), crashBusiest);
    expect(run.events.filter((e) => e.kind === 'crashed')).toEqual([]);
    expect(run.summary.errorRate).toBe(1);
    // Every user sent a request that failed: all 50 are affected.
    expect(run.summary.usersAffected).toBe(50);
  });

  it('is never a missing target, but is refused for an action that cannot apply to a service', () => {
    const g = graph([node('users', 'client')], [edge('users', 'users')]);
    expect(faultTargetIssues({ action: 'crash', target: '@busiest-service' }, g)).toEqual([]);
    expect(faultTargetIssues({ action: 'cache-flush', target: '@busiest-service' }, g).map((i) => i.kind)).toEqual(['wrong-kind']);
  });
});
