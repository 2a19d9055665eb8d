import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim';
import { edge, node, tier } from './helpers';

describe('a second coordinator', () => {
  it('is refused with a message naming it, not a crash inside the run', () => {
    const g = tier({
      services: 2,
      service: { ownsPartitions: true },
      extra: [node('coord', 'coordinator', { leaseTtlMs: 500, partitions: 8 }), node('coord-2', 'coordinator', { leaseTtlMs: 500, partitions: 8 })],
      extraEdges: [edge('api-1', 'coord'), edge('api-2', 'coord-2')],
    });
    expect(() => simulate(g, { seed: 1, durationMs: 2000 })).toThrow(/one coordinator; remove "coord-2"/);
  });
});
