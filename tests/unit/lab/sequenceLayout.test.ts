import { describe, expect, it } from 'vitest';
import { traceRequests } from '../../../src/main/sim/trace/run';
import { graphEdgeId, layoutSequence, ROW_H } from '../../../src/renderer/src/lab/trace/sequenceLayout';
import { edge, graph, node, tier } from '../sim/helpers';

describe('sequence diagram layout', () => {
  it('one lane per node touched, one arrow per message, time running down, bars for queue and work', () => {
    const g = tier({ services: 2, withDb: true, client: { users: 10, rps: 50 } });
    const t = traceRequests(g, { seed: 4, durationMs: 2000, faults: [] }, { kind: 'ids', ids: [{ client: 'users', n: 20 }] }).traces[0]!;
    const l = layoutSequence(t);
    expect(l.lanes.map((x) => x.id)).toEqual(t.lanes);
    // users→lb, lb→api, api→db: three requests and three answers.
    expect(l.arrows.filter((a) => a.kind === 'request')).toHaveLength(3);
    expect(l.arrows.filter((a) => a.kind === 'response')).toHaveLength(3);
    for (const a of l.arrows) expect(a.y2).toBeGreaterThanOrEqual(a.y1);
    // Rows are ordered by time.
    for (let i = 1; i < l.rows.length; i++) {
      expect(l.rows[i]!.atMs).toBeGreaterThan(l.rows[i - 1]!.atMs);
      expect(l.rows[i]!.y - l.rows[i - 1]!.y).toBe(ROW_H);
    }
    expect(l.bars.some((b) => b.kind === 'service')).toBe(true);
    expect(new Set(l.arrows.map((a) => a.edge))).toEqual(new Set(t.hops.map((h) => h.edge)));
  });

  it('a timed-out message is drawn lost halfway, with the timeout marked on the caller', () => {
    const slow = graph([node('users', 'client', { users: 1, rps: 1, timeoutMs: 50, retries: 0 }), node('api', 'service', { serviceTimeMs: { mean: 300, distribution: 'constant' } })], [edge('users', 'api', { latencyMs: 5 })]);
    const t = traceRequests(slow, { seed: 1, durationMs: 3000, faults: [] }, { kind: 'ids', ids: [{ client: 'users', n: 0 }] }).traces[0]!;
    const l = layoutSequence(t);
    const response = l.arrows.find((a) => a.kind === 'response');
    // The answer came back after the caller gave up: drawn from the callee but never arriving.
    expect(response?.arrivedMs).toBeUndefined();
    const timeout = l.marks.find((m) => m.kind === 'timeout')!;
    expect(timeout.x).toBe(l.lanes[0]!.x);
    expect(timeout.atMs).toBeCloseTo(t.startMs + 50, 6);
  });

  it('clone edges are highlighted as their design edge', () => {
    expect(graphEdgeId('lb--api-1~2')).toBe('lb--api-1');
    expect(graphEdgeId('lb--api-1')).toBe('lb--api-1');
  });
});
