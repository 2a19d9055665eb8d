// A hand-made run and engine: grading tests state exactly what the simulator "measured".
import type { SimEngine } from '../../../src/main/grading/engine';
import type { Graph } from '../../../src/shared/graph';
import { METRICS, type MetricName, type RunResult } from '../../../src/shared/metrics';

/** Per metric, per node ("*" = the default scope), one value per 1-second bucket. */
export type Series = Partial<Record<MetricName, Record<string, number[]>>>;

export function fakeRun(durationMs: number, series: Series, nodes: string[] = ['users', 'lb', 'api-1', 'api-2']): RunResult {
  return {
    resultVersion: 1,
    seed: 42,
    durationMs,
    traceHash: `fake-${JSON.stringify(series).length}`,
    eventsProcessed: 0,
    isCancelled: false,
    endedAtMs: durationMs,
    summary: {} as RunResult['summary'],
    events: [],
    nodes: nodes.map((id) => ({ id, kind: 'service', isLbTarget: id.startsWith('api') })),
    faults: [],
    buckets: { bucketMs: 1000, count: Math.ceil(durationMs / 1000), counters: { __series: series as never }, latency: {}, partitionRequests: [] },
    network: { sent: 0, delivered: 0, dropped: 0, inFlight: 0 },
    requestsInFlight: 0,
  };
}

/** Sums count metrics over the window's buckets and averages the rest; NaN when nothing is there. */
export const fakeEngine = (run: RunResult): SimEngine => ({
  simulate: (_graph: Graph) => run,
  readMetric(r, metric, { fromMs, toMs }, node) {
    const series = (r.buckets.counters.__series as unknown as Series)[metric] ?? {};
    const values: number[] = [];
    for (const [id, perBucket] of Object.entries(series)) {
      if (node !== undefined ? id !== node : id !== '*') continue;
      perBucket.forEach((v, i) => {
        if (i * 1000 >= fromMs && i * 1000 < toMs && !Number.isNaN(v)) values.push(v);
      });
    }
    if (METRICS[metric].aggregate.kind === 'sum') return values.reduce((a, b) => a + b, 0);
    return values.length === 0 ? NaN : values.reduce((a, b) => a + b, 0) / values.length;
  },
});
