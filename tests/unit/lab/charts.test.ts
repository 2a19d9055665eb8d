import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { evaluateMetric } from '../../../src/main/grading/metricCheck';
import { simEngine } from '../../../src/main/grading/simEngine';
import { faultTimings } from '../../../src/main/grading/window';
import { simulate } from '../../../src/main/sim';
import { MetricCheckSchema } from '../../../src/shared/checks';
import { ScenarioSchema } from '../../../src/shared/scenario';
import { readMetric } from '../../../src/shared/metrics/read';
import { chartSet, chartWindow } from '../../../src/renderer/src/lab/series';

const graph = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/01-any-instance.starter.json', 'utf8'));
// 8.5 s: the last chart bucket is half a second, where a per-second rate must divide by 0.5 s.
const scenario = ScenarioSchema.parse({ seed: 7, durationMs: 8500, faults: [{ id: 'crash', atMs: 2000, action: 'crash', target: 'api-2' }] });
const run = simulate(graph, scenario);
const set = chartSet(run);
const chart = (id: string) => set.charts.find((c) => c.id === id)!;

describe('the lab charts read the grader’s function', () => {
  it.each([
    ['throughput', 0, 'throughput'],
    ['errorRate', 0, 'errorRate'],
    ['latency', 0, 'latencyP50'],
    ['latency', 1, 'latencyP99'],
  ] as const)('%s series %i is readMetric(%s) over each chart bucket', (id, series, metric) => {
    const values = chart(id).series[series]!.values;
    expect(values).toHaveLength(9);
    values.forEach((v, i) => {
      const expected = readMetric(run, metric, chartWindow(set, i));
      if (Number.isNaN(expected)) expect(v === null || v === 0).toBe(true);
      else expect(v).toBe(expected);
    });
    expect(values.some((v) => v !== null && v > 0)).toBe(true);
  });

  it('a load-balancer share point equals readMetric for that node, and the error rate after the crash equals what a check measures', () => {
    const share = chart('lbShare').series.find((s) => s.label === 'api-1')!.values;
    expect(share[1]).toBe(readMetric(run, 'lbShare', chartWindow(set, 1), 'api-1'));
    const check = MetricCheckSchema.parse({ id: 'c', type: 'metric', metric: 'errorRate', op: '<', value: 0.01, window: { from: 'fault:crash+1000', to: 'fault:crash+2000' } });
    const graded = evaluateMetric(run, simEngine, check, faultTimings(scenario));
    expect(chart('errorRate').series[0]!.values[3]).toBe(graded.measured);
    expect(graded.measured).toBeGreaterThan(0.2);
  });

  it('reads the partial last bucket as a rate over its own length', () => {
    const last = chart('throughput').series[0]!.values[8]!;
    expect(last).toBe(readMetric(run, 'ok', chartWindow(set, 8)) / 0.5);
  });
});

describe('the replication chart', () => {
  it('shows how long sync writes wait for the replica (the round trip over the replication edge), and nothing of it for async', () => {
    const db = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/06-failover.reference.json', 'utf8'));
    const sync = chartSet(simulate(db, { seed: 1, durationMs: 4000, faults: [] })).charts.find((c) => c.id === 'replicationLag')!;
    const wait = sync.series.find((s) => s.label === 'write waits for replicas')!.values;
    // A sync write waits at least the round trip over the reference's replication edge.
    const oneWayMs = (db.edges as { kind: string; props: { latencyMs: number } }[]).find((e) => e.kind === 'replication')!.props.latencyMs;
    expect(oneWayMs).toBeGreaterThan(0);
    expect(wait.length).toBeGreaterThan(0);
    for (const v of wait) expect(v).toBeGreaterThanOrEqual(2 * oneWayMs);
    const starter = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/06-failover.starter.json', 'utf8'));
    const async = chartSet(simulate(starter, { seed: 1, durationMs: 4000, faults: [] })).charts.find((c) => c.id === 'replicationLag')!;
    expect(async.series.map((s) => s.label)).toEqual(['mean lag']);
  });
});

describe('per-node views of a stateful tier', () => {
  const lesson = (file: string) => JSON.parse(readFileSync(`lessons/stateless-vs-stateful/${file}`, 'utf8'));
  const l11 = lesson('lessons/11-observability.lesson.json');
  const obs = chartSet(simulate(lesson('graphs/11-observability.starter.json'), l11.scenario));
  const last = (values: (number | null)[]) => values.filter((v) => v !== null).at(-1)!;

  it('charts the requests each owner receives, so the hot owner stands out', () => {
    const perNode = obs.charts.find((c) => c.id === 'requestsPerNode')!;
    expect(perNode.series.map((s) => s.label)).toEqual(['own-1', 'own-2', 'own-3']);
    const [hot, ...rest] = perNode.series.map((s) => s.values[10]!);
    for (const other of rest) expect(hot!).toBeGreaterThan(2 * other!);
  });

  it('charts the hottest partition where instances own partitions, and not for a stateless tier', () => {
    expect(obs.charts.some((c) => c.id === 'hottestPartition')).toBe(true);
    // Lesson 1's stateless tier: requests reach partitions of the key space, but nobody owns one.
    expect(readMetric(run, 'hottestPartitionLoad', { fromMs: 0, toMs: 8500 })).toBeGreaterThan(1);
    expect(set.charts.some((c) => c.id === 'hottestPartition')).toBe(false);
    expect(chartSet(run, ['hottestPartitionLoad']).charts.some((c) => c.metric === 'hottestPartitionLoad')).toBe(true);
  });

  it('charts replication lag per replica: the one across the long link is behind by about the link', () => {
    const lag = obs.charts.find((c) => c.id === 'replicationLag')!;
    expect(lag.series.map((s) => s.label)).toEqual(['db-r1', 'db-r2']);
    expect(last(lag.series[1]!.values)).toBeGreaterThan(last(lag.series[0]!.values) + 250);
  });

  it('charts the open connections each server holds', () => {
    const l18 = lesson('lessons/18-connections.lesson.json');
    const conns = chartSet(simulate(lesson('graphs/18-connections.starter.json'), l18.scenario)).charts.find((c) => c.id === 'connections')!;
    expect(conns.series.map((s) => s.label)).toEqual(['ws-1', 'ws-2', 'ws-3']);
    // Before the crash at 6 s each holds about a third of the 3000 users; after it ws-2 holds none.
    for (const s of conns.series) expect(s.values[4]!).toBeGreaterThan(900);
    expect(conns.series[1]!.values.at(-1)).toBe(0);
    expect(conns.series[0]!.values.at(-1)! + conns.series[2]!.values.at(-1)!).toBe(3000);
  });
});

describe('a picked chart of what users see, in a design with several user populations', () => {
  it('draws one line per client beside the one over all users (lesson 15: west and east read apart during the split)', () => {
    const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/15-partition.lesson.json', 'utf8'));
    const zones = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/15-partition.starter.json', 'utf8'));
    const split = ScenarioSchema.parse({ ...lesson.scenario, durationMs: 14_000 });
    const zoneRun = simulate(zones, split);
    const picked = chartSet(zoneRun, ['errorRate']).charts.find((c) => c.metric === 'errorRate')!;
    expect(picked.series.map((s) => s.label)).toEqual(['all users', 'users-west', 'users-east']);
    const zoneSet = chartSet(zoneRun, ['errorRate']);
    for (const id of ['users-west', 'users-east']) {
      const values = picked.series.find((s) => s.label === id)!.values;
      values.forEach((v, i) => {
        const expected = readMetric(zoneRun, 'errorRate', chartWindow(zoneSet, i), id);
        expect(v).toBe(Number.isNaN(expected) ? null : expected);
      });
    }
    // During the split (8 s to 14 s) the two populations do not see the same thing.
    const during = (id: string) => picked.series.find((s) => s.label === id)!.values.slice(9, 14).reduce<number>((a, v) => a + (v ?? 0), 0);
    expect(during('users-west')).not.toBeCloseTo(during('users-east'), 3);
  });

  it('keeps one line where there is one client, and one line for a metric not about users', () => {
    expect(chartSet(run, ['errorRate']).charts.find((c) => c.metric === 'errorRate')!.series).toHaveLength(1);
    const zones = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/15-partition.starter.json', 'utf8'));
    const zoneRun = simulate(zones, ScenarioSchema.parse({ seed: 1, durationMs: 3000, faults: [] }));
    expect(chartSet(zoneRun, ['conflictingWrites']).charts.find((c) => c.metric === 'conflictingWrites')!.series).toHaveLength(1);
  });
});
