import { describe, expect, it } from 'vitest';
import { EventQueue } from '../../../src/main/sim/eventQueue';
import { Rng } from '../../../src/main/sim/rng';

describe('EventQueue', () => {
  it('pops events by (time, push order) under random interleaved pushes and pops, ties and growth included', () => {
    for (const seed of [1, 2, 3]) {
      const rng = new Rng(seed);
      const q = new EventQueue(4);
      /** The reference: pending events as [time, push number], popped by the smallest pair. */
      const pending: [number, number][] = [];
      let pushed = 0;
      let now = 0;
      for (let step = 0; step < 30_000; step++) {
        // Grow to a few thousand pending events, drain, grow again.
        const pushBias = step % 10_000 < 6_000 ? 0.6 : 0.35;
        if (pending.length === 0 || rng.next() < pushBias) {
          // Few distinct times, so many ties.
          const t = now + (rng.next() < 0.3 ? 0 : rng.int(50));
          q.push(t, 3, pushed % 7, pushed, pushed * 3, 0, 0);
          pending.push([t, pushed]);
          pushed++;
        } else {
          let best = 0;
          for (let k = 1; k < pending.length; k++) {
            const [t, n] = pending[k]!;
            if (t < pending[best]![0] || (t === pending[best]![0] && n < pending[best]![1])) best = k;
          }
          const [t, n] = pending.splice(best, 1)[0]!;
          expect(q.peekTimeUs()).toBe(t);
          const slot = q.pop();
          expect([q.timeUs[slot], q.a[slot], q.b[slot], q.node[slot]]).toEqual([t, n, n * 3, n % 7]);
          now = t;
        }
        expect(q.length).toBe(pending.length);
      }
    }
  });
});
