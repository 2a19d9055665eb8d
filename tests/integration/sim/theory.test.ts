/** The simulator against queueing and hashing theory. */
import { describe, expect, it } from 'vitest';
import { HashRing, moduloPick, movedFraction } from '../../../src/main/sim/hashing';
import { simulate } from '../../../src/main/sim/index';
import { mmcGraph } from '../../../bench/models';
import { tier } from '../../unit/sim/helpers';

/** Erlang C: probability an arrival waits, then the mean wait Wq = C / (cμ − λ). */
function erlangCWaitMs(c: number, utilisation: number, serviceMs: number): number {
  const a = utilisation * c; // offered load in Erlangs
  let term = 1;
  let sum = 1;
  for (let k = 1; k < c; k++) {
    term *= a / k;
    sum += term;
  }
  const last = (term * a) / c / (1 - utilisation);
  const pWait = last / (sum + last);
  const mu = 1 / serviceMs;
  return pWait / (c * mu - utilisation * c * mu);
}

describe('M/M/c against Erlang C', () => {
  const cases = [
    { c: 1, rho: 0.5 },
    { c: 2, rho: 0.7 },
    { c: 4, rho: 0.8 },
    { c: 8, rho: 0.85 },
  ];
  for (const { c, rho } of cases) {
    it(`c=${c}, utilisation ${rho}: mean queueing delay within 5% of the formula`, () => {
      const serviceMs = 1;
      const expected = erlangCWaitMs(c, rho, serviceMs);
      // ~400k arrivals: enough that the sample mean of a heavy-tailed wait settles within 5%.
      const requests = 400_000;
      const durationMs = Math.round((requests * serviceMs) / (rho * c));
      const run = simulate(mmcGraph(c, rho, serviceMs), { seed: 2024 + c, durationMs });
      expect(run.summary.requests).toBeGreaterThan(requests * 0.98);
      expect(Math.abs((run.summary.queueWaitMs ?? NaN) - expected) / expected).toBeLessThan(0.05);
    });
  }
});

describe('consistent hashing against modulo', () => {
  const names = (n: number) => Array.from({ length: n }, (_, i) => `api-${i + 1}`);
  for (const n of [3, 4, 6, 9]) {
    it(`adding one node to ${n}: the ring moves about 1/(N+1) of the keys, modulo about N/(N+1)`, () => {
      const before = new HashRing(
        names(n).map((_, i) => i),
        names(n),
        160,
      );
      const after = new HashRing(
        names(n + 1).map((_, i) => i),
        names(n + 1),
        160,
      );
      const ring = movedFraction(
        (id) => before.lookup(id),
        (id) => after.lookup(id),
      );
      const modulo = movedFraction(
        (id) => moduloPick(id, n),
        (id) => moduloPick(id, n + 1),
      );
      expect(Math.abs(ring - 1 / (n + 1))).toBeLessThan(0.05);
      expect(Math.abs(modulo - n / (n + 1))).toBeLessThan(0.05);
    });
  }

  it('a scale-out behind the balancer reports the keys it moved', () => {
    const scaleOut = { seed: 1, durationMs: 6000, faults: [{ id: 'grow', atMs: 1000, action: 'scale-out' as const, target: 'api-1' }] };
    const moved = (policy: string) => {
      const run = simulate(tier({ services: 4, lb: { policy, hashBy: 'key', virtualNodes: 100 }, service: { startupMs: 500 } }), scaleOut);
      expect(run.events.some((e) => e.kind === 'rebalance-done')).toBe(true);
      return run.summary.keysMovedFraction;
    };
    expect(Math.abs(moved('consistent-hash') - 1 / 5)).toBeLessThan(0.06);
    expect(Math.abs(moved('hash-modulo') - 4 / 5)).toBeLessThan(0.05);
  });
});
