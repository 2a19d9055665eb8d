import { describe, expect, it } from 'vitest';
import { STATUS, STATUS_REASON } from '../../../src/main/sim/calls';
import { FAILURE_REASON_KEYS, FAILURE_REASONS } from '../../../src/shared/failureReasons';
import { COUNTERS, METRICS } from '../../../src/shared/metrics';
import { chartSet } from '../../../src/renderer/src/lab/series';
import type { RunResult } from '../../../src/shared/metrics';

describe('the failure-reason table', () => {
  it.each(FAILURE_REASON_KEYS)('%s has a status code, a counter, a catalogue metric and a chart series', (reason) => {
    const spec = FAILURE_REASONS[reason];
    // Simulator: the answer status stands for this reason.
    expect(STATUS_REASON[STATUS[reason]]).toBe(reason);
    // Counter and metric: the metric counts the reason's counter at the clients.
    expect(COUNTERS).toContain(spec.counter);
    expect(METRICS[spec.metric]).toMatchObject({ label: `Failed: ${spec.label}`, unit: 'count', aggregate: { kind: 'sum', counter: spec.counter }, scope: 'clients' });
    // Lab chart: a run whose only failures have this reason shows it by its label.
    const run = {
      endedAtMs: 2000,
      nodes: [{ id: 'users', kind: 'client', isLbTarget: false }],
      faults: [],
      buckets: { bucketMs: 1000, count: 2, counters: { users: { ok: [3, 3], failed: [1, 0], [spec.counter]: [1, 0] } }, latency: {}, partitionRequests: [] },
    } as unknown as RunResult;
    const errors = chartSet(run).charts.find((c) => c.id === 'errorRate')!;
    expect(errors.series.map((s) => [s.label, s.values])).toEqual([
      ['all errors', [0.25, 0]],
      [spec.label, [0.25, 0]],
    ]);
  });

  it('keeps ok, the reasons and a cache miss on distinct codes', () => {
    const codes = Object.values(STATUS);
    expect(new Set(codes).size).toBe(codes.length);
    expect(STATUS.ok).toBe(0);
    expect(STATUS_REASON[STATUS.miss]).toBeUndefined();
  });
});
