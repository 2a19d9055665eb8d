import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { compareChart, compareRows, faultsNote, firstDifference, isSame, isVariantOf } from '../../../src/renderer/src/lab/compare';
import { chartWindow } from '../../../src/renderer/src/lab/series';
import { simulate } from '../../../src/main/sim';
import { readMetric } from '../../../src/shared/metrics/read';
import { ScenarioSchema } from '../../../src/shared/scenario';
import { describeFault } from '../../../src/renderer/src/lab/faultMenu';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';

const en = createI18n('en').getFixedT('en', 'lab');
const zh = createI18n('zh-CN').getFixedT('zh-CN', 'lab');
import { loadDocument } from '../../../src/shared/document';
import { graphSpec, type Graph } from '../../../src/shared/graph';
import type { Fault } from '../../../src/shared/scenario';

const starter = (file: string) => loadDocument(JSON.parse(readFileSync(`lessons/stateless-vs-stateful/graphs/${file}`, 'utf8')), graphSpec) as Graph;
const lesson1 = starter('01-any-instance.starter.json');
const free: Graph = { ...lesson1, nodes: [{ id: 'client-1', kind: 'client', label: 'Clients', position: { x: 0, y: 0 }, props: {} }], edges: [] };

describe('Compare in a lesson', () => {
  const locked = ['users', 'api-1'];

  it('offers designs made in the lesson, not free designs or other lessons\' with other nodes', () => {
    const edited = { ...lesson1, nodes: [...lesson1.nodes, { id: 'service-9', kind: 'service' as const, label: 'API 4', position: { x: 0, y: 0 }, props: {} }] };
    expect(isVariantOf(edited, lesson1, locked)).toBe(true);
    expect(isVariantOf(free, lesson1, locked)).toBe(false);
    const sameIdOtherKind = { ...lesson1, nodes: lesson1.nodes.map((n) => (n.id === 'api-1' ? { ...n, kind: 'cache' as const } : n)) };
    expect(isVariantOf(sameIdOtherKind, lesson1, locked)).toBe(false);
    // Outside a lesson every saved design is offered.
    expect(isVariantOf(free, lesson1, [])).toBe(true);
  });

  it('says which faults both runs had and which were left out', () => {
    const crash: Fault = { atMs: 10_000, action: 'crash', target: 'api-2' } as Fault;
    const slow: Fault = { atMs: 5_000, action: 'crash', target: 'service-3' } as Fault;
    expect(faultsNote(42, [crash], [slow], 'variant b', describeFault, en)).toBe('Both ran with seed 42 and this fault: 10.0 s · crash api-2. Left out, as "variant b" lacks their target: 5.0 s · crash service-3.');
    expect(faultsNote(7, [], [], 'x', describeFault, en)).toBe('Both ran with seed 7 and no faults.');
    expect(faultsNote(7, [], [], 'x', describeFault, zh)).toBe('两者都使用种子 7，没有故障。');
  });
});

describe('the comparison over time', () => {
  // Lesson 1 as given (a 3 s health check) against its reference (a fast one), one crash, same seed.
  const scenario = ScenarioSchema.parse({ seed: 3, durationMs: 12_000, faults: [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-2' }] });
  const slow = simulate(lesson1, scenario);
  const fast = simulate(starter('01-any-instance.reference.json'), scenario);
  const rows = compareRows(slow.summary, fast.summary);

  it('opens on the first metric where one design does better, and draws both designs as the grader reads them', () => {
    const metric = firstDifference(rows);
    expect(rows.find((r) => r.metric === metric)!.better).toBeDefined();
    const { tS, spec } = compareChart(slow, fast, 'errorRate', ['This design', 'reference']);
    expect(spec.series.map((s) => s.label)).toEqual(['This design', 'reference']);
    expect(tS).toHaveLength(12);
    spec.series.forEach((line, k) => {
      const run = k === 0 ? slow : fast;
      line.values.forEach((v, i) => {
        const expected = readMetric(run, 'errorRate', chartWindow({ bucketMs: 1000 }, i));
        expect(v).toBe(Number.isNaN(expected) ? null : expected);
      });
    });
    // The picture says what the table cannot: the designs differ only after the crash, and the fast
    // health check's errors end seconds before the slow one's.
    const [mine, theirs] = spec.series.map((s) => s.values as number[]);
    for (let i = 0; i < 4; i++) expect(mine![i]).toBe(theirs![i]);
    const lastFailing = (values: number[]) => values.findLastIndex((v) => v > 0);
    expect(lastFailing(mine!)).toBeGreaterThan(lastFailing(theirs!));
  });

  it('counts "the same" as the table does, unmeasured on both sides included', () => {
    const same = rows.filter(isSame).map((r) => r.metric);
    expect(same).toContain('requests');
    expect(same).not.toContain('errorRate');
    expect(isSame({ metric: 'cacheHitRatio', label: '', unit: 'fraction', current: NaN, variant: NaN })).toBe(true);
  });
});
