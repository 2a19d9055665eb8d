// Per-student variants are a pure function of (lesson, parameter, student name): no Math.random,
// the same numbers in every process, spread over the whole range.
import { describe, expect, it } from 'vitest';
import { deriveVariant, lessonNumbers, LessonVariantsSchema, numbersChanged, sampleStudents, stableHash32, studentKey, variantGraph, variantScenario } from '../../../src/shared/variants';
import type { Graph } from '../../../src/shared/graph';

const variants = LessonVariantsSchema.parse({
  parameters: [
    { id: 'crashAtMs', label: { en: 'Crash at' }, min: 8000, max: 16000, step: 500, unit: 'ms', sets: ['scenario.faults[id=crash].atMs'] },
    { id: 'rps', label: { en: 'Rate' }, min: 450, max: 750, step: 50, unit: 'rps', sets: ['starter.nodes[id=users].props.rps'] },
  ],
});

describe('student variants', () => {
  it('derives the same values for the same name, however it is spaced or capitalised', () => {
    const a = deriveVariant('any-instance', variants, 'Ada Lovelace');
    expect(deriveVariant('any-instance', variants, '  ada   LOVELACE ')).toEqual(a);
    expect(studentKey(' Wang  Lei ')).toBe('wang lei');
    // A fixed value: the hash must not change between releases, or stored submissions would re-grade differently.
    expect(stableHash32('statelab')).toBe(1002503080);
    expect(stableHash32('a')).not.toBe(stableHash32('b'));
  });

  it('gives no variant without a name or without a declaration', () => {
    expect(deriveVariant('any-instance', variants, '   ')).toBeUndefined();
    expect(deriveVariant('any-instance', undefined, 'Ada')).toBeUndefined();
  });

  it('keeps every value on the grid of its range and spreads a class over it', () => {
    const crashTimes = new Set<number>();
    for (const student of [...sampleStudents(200), 'Ada', 'Grace', '王磊']) {
      const v = deriveVariant('any-instance', variants, student)!;
      expect(v.values.crashAtMs! % 500).toBe(0);
      expect(v.values.crashAtMs).toBeGreaterThanOrEqual(8000);
      expect(v.values.crashAtMs).toBeLessThanOrEqual(16000);
      expect(v.values.rps! % 50).toBe(0);
      expect(v.seed).toBeGreaterThanOrEqual(1);
      crashTimes.add(v.values.crashAtMs!);
    }
    // 17 possible crash times; 200 students reach nearly all of them.
    expect(crashTimes.size).toBeGreaterThanOrEqual(15);
    // Another lesson with the same parameters gives the same student other numbers.
    const other = sampleStudents(20).filter((s) => deriveVariant('other', variants, s)!.values.crashAtMs !== deriveVariant('any-instance', variants, s)!.values.crashAtMs);
    expect(other.length).toBeGreaterThan(10);
  });

  it('writes the values into the scenario (with the seed) and the graph, leaving the originals alone', () => {
    const scenario = { seed: 42, durationMs: 30_000, faults: [{ id: 'crash', atMs: 10_000, action: 'crash' as const, target: 'api-2' }] };
    const graph = { format: 'statelab.graph', version: 1, nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: { rps: 600 } }], edges: [] } as unknown as Graph;
    const v = { seed: 7, values: { crashAtMs: 12_500, rps: 500 } };
    expect(variantScenario(scenario, variants, v)).toEqual({ ...scenario, seed: 7, faults: [{ ...scenario.faults[0], atMs: 12_500 }] });
    expect(variantGraph(graph, variants, v).nodes[0]!.props).toEqual({ rps: 500 });
    expect(scenario.faults[0]!.atMs).toBe(10_000);
    expect(graph.nodes[0]!.props).toEqual({ rps: 600 });
  });

  it('names the numbers a name gives (no name: the lesson as written) and what changes between two names', () => {
    const lesson = {
      lessonId: 'any-instance',
      variants,
      scenario: { seed: 42, durationMs: 30_000, faults: [{ id: 'crash', atMs: 10_000, action: 'crash', target: 'api-2' }] },
      starter: { format: 'statelab.graph', version: 1, nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: { rps: 600 } }], edges: [] },
    } as unknown as Parameters<typeof lessonNumbers>[0];
    expect(lessonNumbers(lesson, '  ')).toEqual({ seed: 42, values: { crashAtMs: 10_000, rps: 600 } });
    const ada = deriveVariant('any-instance', variants, 'Ada Lovelace')!;
    expect(lessonNumbers(lesson, 'ada lovelace')).toEqual(ada);
    expect(lessonNumbers({ ...lesson, variants: undefined }, 'Ada')).toBeUndefined();
    const changed = numbersChanged(variants, lessonNumbers(lesson, '')!, ada);
    // Ada's crash time happens to be the lesson's own 10 s: only her rate and the seed change.
    expect(ada.values.crashAtMs).toBe(10_000);
    expect(changed.parameters.map((c) => [c.parameter.id, c.from, c.to])).toEqual([['rps', 600, ada.values.rps]]);
    expect(changed.isSeedChanged).toBe(true);
    expect(numbersChanged(variants, ada, ada)).toEqual({ parameters: [], isSeedChanged: false });
  });
});
