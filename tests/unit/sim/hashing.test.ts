import { describe, expect, it } from 'vitest';
import { moduloPick, partitionOf, routeHash } from '../../../src/main/sim/hashing';
import { hashInt, Rng } from '../../../src/main/sim/rng';

describe('key placement', () => {
  it('places a key exactly where hash % n does, for hashes on both sides of 2^31 and any count', () => {
    const rng = new Rng(11);
    let above = 0;
    for (let k = 0; k < 40_000; k++) {
      const id = rng.int(2 ** 31);
      const n = 1 + rng.int(k % 2 === 0 ? 64 : 1_000_000);
      const h = hashInt(id, 0x7f4a7c15);
      if (h >= 2 ** 31) above++;
      expect(partitionOf(id, n)).toBe(h % n);
      expect(moduloPick(id, n)).toBe(routeHash(id) % n);
    }
    // Both halves of the uint32 range were exercised.
    expect(above).toBeGreaterThan(10_000);
    expect(above).toBeLessThan(30_000);
  });
});
