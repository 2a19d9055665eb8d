import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../../src/main/grading/structure';
import { faultTimings, resolveWindow } from '../../../src/main/grading/window';
import { NODE_KINDS, type Graph } from '../../../src/shared/graph';
import { ScenarioSchema } from '../../../src/shared/scenario';

const kind = fc.constantFrom(...NODE_KINDS);
const graphArb = fc.array(kind, { minLength: 1, maxLength: 8 }).chain((kinds) =>
  fc.array(fc.tuple(fc.nat(kinds.length - 1), fc.nat(kinds.length - 1)), { maxLength: 12 }).map(
    (pairs): Graph => ({
      format: 'statelab.graph',
      version: 1,
      nodes: kinds.map((k, i) => ({ id: `n${i}`, kind: k, label: '', position: { x: 0, y: 0 }, props: {} })),
      edges: pairs
        .filter(([a, b]) => a !== b)
        .map(([a, b], i) => ({ id: `e${i}`, source: `n${a}`, target: `n${b}`, kind: 'request' as const, props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } })),
    }),
  ),
);

describe('grading properties', () => {
  it('windows always lie inside the run and are never empty, or are refused', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1000, max: 100_000 }),
        fc.array(fc.integer({ min: 0, max: 100_000 }), { maxLength: 4 }),
        fc.constantFrom('start', 'end', 'fault:f0', 'fault:f1'),
        fc.constantFrom('start', 'end', 'fault:f0', 'fault:f1'),
        fc.integer({ min: -50_000, max: 50_000 }),
        (durationMs, times, from, to, offset) => {
          const scenario = ScenarioSchema.parse({ seed: 1, durationMs, faults: times.map((t, i) => ({ id: `f${i}`, atMs: Math.min(t, durationMs), action: 'crash', target: 'x' })) });
          const anchor = `${from}${offset >= 0 ? '+' : ''}${offset}`;
          const result = resolveWindow({ from: anchor, to }, faultTimings(scenario), durationMs);
          if (result.ok) {
            expect(result.value.fromMs).toBeGreaterThanOrEqual(0);
            expect(result.value.toMs).toBeLessThanOrEqual(durationMs);
            expect(result.value.fromMs).toBeLessThan(result.value.toMs);
          } else expect(result.error).toMatch(/window names fault|the window is empty/);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('a path through a kind implies paths to and from it, and not negates a predicate', () => {
    fc.assert(
      fc.property(graphArb, kind, kind, kind, (graph, a, via, b) => {
        const through = holds(graph, { path: { from: { kind: a }, to: { kind: b }, via: { kind: via } } });
        if (through) {
          expect(holds(graph, { path: { from: { kind: a }, to: { kind: via } } })).toBe(true);
          expect(holds(graph, { path: { from: { kind: via }, to: { kind: b } } })).toBe(true);
        }
        expect(holds(graph, { not: { path: { from: { kind: a }, to: { kind: b } } } })).toBe(!holds(graph, { path: { from: { kind: a }, to: { kind: b } } }));
      }),
      { numRuns: 300 },
    );
  });
});
