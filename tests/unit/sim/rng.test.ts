import { describe, expect, it } from 'vitest';
import { Rng } from '../../../src/main/sim/rng';

describe('Rng.expRounded', () => {
  it('is the same draw and arithmetic as Math.round(exp(mean) + plus), and moves the stream as exp does', () => {
    const a = new Rng(3);
    const b = new Rng(3);
    for (let k = 0; k < 20_000; k++) {
      const mean = k % 3 === 0 ? 0.4 : k % 3 === 1 ? 2_000 : 1e6 / 7;
      const plus = k % 5 === 0 ? 0 : k % 5 === 1 ? 0.5 : 137.25;
      expect(a.expRounded(mean, plus)).toBe(Math.round(b.exp(mean) + plus));
      // Both streams stay in step for every other kind of draw.
      if (k % 7 === 0) expect(a.next()).toBe(b.next());
    }
  });
});
