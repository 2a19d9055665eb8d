/** Capacity costs money (`cost`), and users are people: `usersAffected` counts each user once. */
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import { costPerSecond } from '../../../src/shared/nodeKinds';
import { ServicePropsSchema } from '../../../src/shared/nodeProps';
import { tier } from './helpers';

const scenario = { seed: 4, durationMs: 10_000, faults: [] };
/** The service time of tier()'s services (a service's price depends on it). */
const TIER_SERVICE_TIME = { mean: 2, distribution: 'exponential' } as const;

describe('cost', () => {
  it('grows with instances and with workers, and is instance-seconds × the unit price', () => {
    const two = simulate(tier({ services: 2, withDb: true }), scenario).summary.cost;
    const four = simulate(tier({ services: 4, withDb: true }), scenario).summary.cost;
    const wide = simulate(tier({ services: 2, withDb: true, service: { workers: 32 } }), scenario).summary.cost;
    const perService = costPerSecond('service', ServicePropsSchema.parse({ workers: 8, serviceTimeMs: TIER_SERVICE_TIME })) * 10;
    expect(four - two).toBeCloseTo(2 * perService, 6);
    expect(wide).toBeGreaterThan(four);
  });

  it('charges for capacity bought with a faster service time as for capacity bought with workers', () => {
    const price = (props: object) => costPerSecond('service', ServicePropsSchema.parse(props));
    // Twice the work per second costs twice as much, whichever knob bought it.
    expect(price({ workers: 8, serviceTimeMs: 2.5 })).toBeCloseTo(price({ workers: 16, serviceTimeMs: 5 }), 9);
    expect(price({ workers: 8, serviceTimeMs: 2.5 })).toBeCloseTo(2 * price({ workers: 8, serviceTimeMs: 5 }), 9);
    // A service time turned to nothing is no free machine: it costs at least as much as the fastest priced one.
    expect(price({ workers: 1, serviceTimeMs: 0 })).toBeGreaterThanOrEqual(price({ workers: 1, serviceTimeMs: 0.5 }));
    expect(price({ workers: 1, serviceTimeMs: 0 })).toBeGreaterThan(price({ workers: 8, serviceTimeMs: 5 }));
    const run = (ms: number) => simulate(tier({ services: 2, withDb: true, service: { serviceTimeMs: ms } }), scenario).summary.cost;
    expect(run(1)).toBeGreaterThan(run(5));
  });

  it('a scale-out clone costs from when it is added; a scale-in stops the charge', () => {
    const base = tier({ services: 2, withDb: true });
    const plain = simulate(base, scenario).summary.cost;
    const out = simulate(base, { ...scenario, faults: [{ atMs: 5000, action: 'scale-out', target: 'api-1' }] }).summary.cost;
    const perService = 10 * costPerSecond('service', ServicePropsSchema.parse({ serviceTimeMs: TIER_SERVICE_TIME }));
    // Half a run of one more service (bucket-exact: the clone is added at a bucket's start).
    expect(out - plain).toBeCloseTo(perService / 2, 1);
    const run = simulate(base, { ...scenario, faults: [{ atMs: 5000, action: 'scale-in', target: 'api-2' }] });
    expect(run.summary.cost).toBeLessThan(plain);
    expect(readMetric(run, 'cost', { fromMs: 6000, toMs: 10_000 }, 'api-2')).toBe(0);
  });
});

describe('usersAffected', () => {
  it('counts distinct users, at most the population, while session losses count events', () => {
    const g = tier({ services: 3, lb: { policy: 'round-robin' }, client: { users: 50, rps: 400 }, service: { sessions: 'local-memory' } });
    const run = simulate(g, { seed: 2, durationMs: 8000, faults: [{ atMs: 3000, action: 'crash', target: 'api-1' }] });
    // Round-robin with sessions in memory: every user loses sessions again and again.
    expect(run.summary.sessionsLost).toBeGreaterThan(50);
    expect(run.summary.usersAffected).toBeGreaterThan(0);
    expect(run.summary.usersAffected).toBeLessThanOrEqual(50);
  });

  it('a user who only saw a failed request is affected; nobody is when nothing fails', () => {
    const g = tier({ services: 2, withDb: true, client: { users: 300 } });
    const calm = simulate(g, scenario);
    expect(calm.summary.failed).toBe(0);
    expect(calm.summary.usersAffected).toBe(0);
    const crash = simulate(g, { ...scenario, faults: [{ atMs: 3000, action: 'crash', target: 'api-1' }] });
    expect(crash.summary.failed).toBeGreaterThan(0);
    expect(crash.summary.usersAffected).toBeGreaterThan(0);
    expect(crash.summary.usersAffected).toBeLessThanOrEqual(Math.min(300, crash.summary.failed));
  });

  it('a crashed client population: the users whose requests were still open are affected', () => {
    // Slow instances keep about 40 requests open at any time; nothing else fails.
    const g = tier({ services: 2, withDb: true, client: { users: 1000, rps: 400 }, service: { workers: 40, serviceTimeMs: { mean: 100, distribution: 'constant' } } });
    const calm = simulate(g, scenario);
    expect(calm.summary.failed).toBe(0);
    const run = simulate(g, { ...scenario, faults: [{ atMs: 3000, action: 'crash', target: 'users' }, { atMs: 3500, action: 'restart', target: 'users' }] });
    // Their requests never complete: they end as failures, and each of their users felt it.
    expect(run.summary.failed).toBeGreaterThan(20);
    expect(run.summary.usersAffected).toBeGreaterThan(20);
    expect(run.summary.usersAffected).toBeLessThanOrEqual(run.summary.failed);
    expect(readMetric(run, 'usersAffected', { fromMs: 3000, toMs: 3100 })).toBe(run.summary.usersAffected);
  });
});
