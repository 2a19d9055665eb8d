import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim';
import { METRIC_NAMES } from '../../../src/shared/metrics';
import { readMetric } from '../../../src/shared/metrics/read';
import { ScenarioSchema } from '../../../src/shared/scenario';
import { nextLoggedEventMs, pastEvents } from '../../../src/renderer/src/lab/playback';
import { chartSet, chartWindow, hoverValues, PICKABLE_METRICS, pickedChartId } from '../../../src/renderer/src/lab/series';
import { chartTicks, niceTicks } from '../../../src/renderer/src/lab/ticks';
import { formatChartValue } from '../../../src/renderer/src/lab/UPlotChart';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { EN, ZH_CN } from '../../../src/renderer/src/i18n/resources';

const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/09-split-brain.lesson.json', 'utf8'));
const graph = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/09-split-brain.starter.json', 'utf8'));
const run = simulate(graph, ScenarioSchema.parse(lesson.scenario));

describe('y-axis ticks', () => {
  it.each([
    [0, [0, 0.5, 1]],
    [Number.NaN, [0, 0.5, 1]],
    [0.37, [0, 0.1, 0.2, 0.3, 0.4]],
    [1, [0, 0.5, 1]],
    [7, [0, 2, 4, 6, 8]],
    [118, [0, 50, 100, 150]],
    [1234, [0, 500, 1000, 1500]],
  ])('max %s gives %j: from 0 to a round top at or above the data, at least three ticks', (max, ticks) => {
    expect(niceTicks(max)).toEqual(ticks);
  });

  it('counts get whole steps, still at least three ticks', () => {
    expect(niceTicks(1, 4, true)).toEqual([0, 1, 2]);
    expect(niceTicks(3, 4, true)).toEqual([0, 1, 2, 3]);
    for (const max of [0.2, 2, 9, 31, 480]) {
      const ticks = niceTicks(max, 4, true);
      expect(ticks.length).toBeGreaterThanOrEqual(3);
      expect(ticks.every(Number.isInteger)).toBe(true);
      expect(ticks.at(-1)!).toBeGreaterThanOrEqual(max);
    }
  });
});

describe("a chart's y-axis labels", () => {
  it.each(['per-second', 'fraction', 'ms', 'count', 'ratio'] as const)('%s: no two labels read the same, from a run that served nothing to a busy one', (unit) => {
    for (const max of [0, 0.3, 0.8, 1, 2.5, 7, 42, 1234]) {
      for (const locale of ['en', 'zh-CN']) {
        const labels = chartTicks(max, unit).map((v) => formatChartValue(v, unit, locale));
        expect(new Set(labels).size, `${unit} up to ${max} (${locale}): ${labels.join(' | ')}`).toBe(labels.length);
      }
    }
  });
});

describe('the metric picker', () => {
  it('offers the whole catalogue but the per-node load-balancer share, conflicting and fenced writes included', () => {
    expect(PICKABLE_METRICS).toContain('conflictingWrites');
    expect(PICKABLE_METRICS).toContain('fencedWrites');
    expect(PICKABLE_METRICS).not.toContain('lbShare');
    expect(PICKABLE_METRICS.length).toBe(METRIC_NAMES.length - 1);
  });

  it('a picked metric adds a chart of readMetric over each bucket, after the default charts, removable by its metric', () => {
    const plain = chartSet(run);
    expect(plain.charts.some((c) => c.id === pickedChartId('conflictingWrites'))).toBe(false);
    const set = chartSet(run, ['conflictingWrites', 'fencedWrites']);
    expect(set.charts.map((c) => c.id).slice(-2)).toEqual([pickedChartId('conflictingWrites'), pickedChartId('fencedWrites')]);
    const chart = set.charts.find((c) => c.id === pickedChartId('conflictingWrites'))!;
    expect(chart).toMatchObject({ title: 'Conflicting writes', unit: 'count', metric: 'conflictingWrites' });
    chart.series[0]!.values.forEach((v, i) => expect(v).toBe(readMetric(run, 'conflictingWrites', chartWindow(set, i))));
    // The starter of lesson 9 has no fencing: the GC pause makes the stale owner's writes conflict.
    expect(chart.series[0]!.values.some((v) => v! > 0)).toBe(true);
  });
});

describe('hover read-out', () => {
  const set = chartSet(run);
  const latency = set.charts.find((c) => c.id === 'latency')!;
  it('reads every series at the hovered bucket', () => {
    expect(hoverValues(set, latency, 3, 10)).toEqual({ atS: set.tS[3], values: [{ label: 'p50', value: latency.series[0]!.values[3] }, { label: 'p99', value: latency.series[1]!.values[3] }] });
  });
  it('shows nothing past the revealed bucket or off the plot', () => {
    expect(hoverValues(set, latency, 5, 4)).toBeUndefined();
    expect(hoverValues(set, latency, null, 10)).toBeUndefined();
    expect(hoverValues(set, latency, set.tS.length, set.tS.length)).toBeUndefined();
  });
});

describe('the event log up to the cursor', () => {
  const events = [{ atMs: 1000 }, { atMs: 2500 }, { atMs: 2500 }, { atMs: 8000 }];
  it('lists only events the cursor has reached', () => {
    expect(pastEvents(events, 0)).toEqual([]);
    expect(pastEvents(events, 2500)).toHaveLength(3);
    expect(pastEvents(events, 7999)).toHaveLength(3);
  });
  it('"Next logged event" goes to the next logged time, past events of the same instant, and nowhere after the last', () => {
    expect(nextLoggedEventMs({ events } as never, 0)).toBe(1000);
    expect(nextLoggedEventMs({ events } as never, 1000)).toBe(2500);
    expect(nextLoggedEventMs({ events } as never, 2500)).toBe(8000);
    expect(nextLoggedEventMs({ events } as never, 8000)).toBeUndefined();
  });
  it('in a real run, each jump lands on a logged event', () => {
    expect(run.events.length).toBeGreaterThan(0);
    let at = nextLoggedEventMs(run, 0);
    let jumps = 0;
    while (at !== undefined && jumps < 500) {
      expect(run.events.some((e) => e.atMs === at)).toBe(true);
      at = nextLoggedEventMs(run, at);
      jumps++;
    }
    expect(jumps).toBe(new Set(run.events.filter((e) => e.atMs > 0).map((e) => e.atMs)).size);
  });
});

describe('lab text', () => {
  it('every language has every string, and placeholders fill', () => {
    // Chinese has one plural form: its _other stands for English's _one and _other.
    const zhKeys = (o: object) => Object.keys(o).map((k) => k.replace(/_one$/, '_other'));
    expect([...new Set(zhKeys(EN.lab.bench))].sort()).toEqual(Object.keys(ZH_CN.lab.bench).sort());
    expect(createI18n('en').t('lab:bench.moreLater', { count: 3 })).toBe('3 more logged events later in the run');
  });
});
