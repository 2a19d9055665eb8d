/**
 * A metric that has nothing to measure over a window (a mean without samples, a percentile
 * without requests, a recovery time without a recovery) reads NaN, not 0; counts stay 0. The run's
 * summary leaves it out (JSON has no NaN), so it survives IPC and the CLI's --json unchanged.
 */
import { readFileSync } from 'node:fs';
import { englishGrade, gradeMessage, gradeText, type UnmeasuredKey } from '../../../src/shared/i18n/gradeTexts';
import { describe, expect, it } from 'vitest';
import { readMetric, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import { METRICS, METRIC_NAMES } from '../../../src/shared/metrics';
import { tier } from './helpers';

const rooms = JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/10-rooms.starter.json', 'utf8')) as Graph;
const lesson = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/10-rooms.lesson.json', 'utf8')) as { scenario: { seed: number; durationMs: number; faults: never[] } };
const withLease = (g: Graph, leaseTtlMs: number): Graph => ({
  ...g,
  nodes: g.nodes.map((n) => (n.kind === 'coordinator' ? { ...n, props: { ...n.props, leaseTtlMs } } : n)),
});

describe('metrics with nothing to measure', () => {
  it("lesson 10's starter with a 10 s lease: no recovery finishes, so recovery time reads NaN (absent from the summary)", () => {
    const run = simulate(withLease(rooms, 10_000), lesson.scenario);
    expect(readMetric(run, 'recoveryTimeMs')).toBeNaN();
    expect(run.summary).not.toHaveProperty('recoveryTimeMs');
    // With the lesson's own lease a recovery does finish and has a value.
    const normal = simulate(rooms, lesson.scenario);
    expect(normal.summary.recoveryTimeMs).toBeGreaterThan(3000);
  });

  it('a window without requests: latency and error rate read NaN, counts and throughput 0', () => {
    const run = simulate(tier({ services: 2, client: { rps: 0 } }), { seed: 1, durationMs: 3000, faults: [] });
    for (const m of ['errorRate', 'latencyMean', 'latencyP50', 'latencyP99', 'latencyMax', 'remoteCallsPerRequest', 'lbShare', 'lbImbalance', 'queueWaitMs', 'cacheHitRatio'] as const) {
      expect(readMetric(run, m), m).toBeNaN();
      expect(run.summary, m).not.toHaveProperty(m);
    }
    for (const m of ['requests', 'ok', 'failed', 'sessionsLost', 'throughput', 'rebalances'] as const) expect(run.summary[m], m).toBe(0);
  });

  it('count metrics are never NaN, and every NaN reading has a reason in the catalogue', () => {
    const run = simulate(tier({ services: 2, client: { rps: 0 } }), { seed: 1, durationMs: 2000, faults: [] });
    for (const m of METRIC_NAMES) {
      const def = METRICS[m];
      // Idle instances still cost money: cost is time, not requests.
      if (def.aggregate.kind === 'sum' && m !== 'cost') expect(readMetric(run, m), m).toBe(0);
      if (Number.isNaN(readMetric(run, m))) {
        const key = (def as { unmeasured?: UnmeasuredKey }).unmeasured;
        expect(key, m).toBeDefined();
        expect(englishGrade(gradeMessage(key!)), m).toMatch(/in the window$/);
        expect(gradeText(gradeMessage(key!), 'zh-CN'), m).toMatch(/时间窗口内/);
      }
    }
    expect(readMetric(run, 'cost')).toBeGreaterThan(0);
  });

  it('the summary survives a JSON round trip as it is', () => {
    const run = simulate(withLease(rooms, 10_000), { ...lesson.scenario, durationMs: 12_000 });
    const back = JSON.parse(JSON.stringify(run)) as typeof run;
    expect(back.summary).toEqual(run.summary);
    expect(Object.values(run.summary).every((v) => Number.isFinite(v))).toBe(true);
  });
});
