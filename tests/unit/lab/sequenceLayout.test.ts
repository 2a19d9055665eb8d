import { describe, expect, it } from 'vitest';
import { traceRequests } from '../../../src/main/sim/trace/run';
import { graphEdgeId, layoutSequence, ROW_H, sharedLanes } from '../../../src/renderer/src/lab/trace/sequenceLayout';
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

  it('two requests compared one above the other put each node at the same x', () => {
    const g = tier({ services: 2, withDb: true, client: { users: 10, rps: 50 } });
    const [a, b] = traceRequests(g, { seed: 4, durationMs: 2000, faults: [] }, { kind: 'ids', ids: [{ client: 'users', n: 20 }, { client: 'users', n: 21 }] }).traces;
    // Round robin: the two requests were served by different instances.
    expect(a!.lanes).not.toEqual(b!.lanes);
    const lanes = sharedLanes([a!, b!]);
    expect(new Set(lanes)).toEqual(new Set([...a!.lanes, ...b!.lanes]));
    // The second request's instance sits beside the first's, before the database both called.
    const instances = lanes.filter((l) => l.startsWith('api'));
    expect(lanes.indexOf(instances[1]!) - lanes.indexOf(instances[0]!)).toBe(1);
    expect(lanes.at(-1)).toBe('db');
    const la = layoutSequence(a!, lanes);
    const lb = layoutSequence(b!, lanes);
    expect(la.lanes).toEqual(lb.lanes);
    expect(la.width).toBe(lb.width);
    const xOf = (l: typeof la, id: string) => l.lanes.find((x) => x.id === id)!.x;
    for (const h of [...a!.hops, ...b!.hops]) expect(xOf(la, h.from)).toBe(xOf(lb, h.from));
    // Every message still starts and ends on its own nodes' lanes.
    for (const [t, l] of [[a!, la], [b!, lb]] as const) for (const ar of l.arrows.filter((x) => x.kind === 'request' && x.arrivedMs !== undefined)) {
      const h = t.hops[ar.hop]!;
      expect([ar.x1, ar.x2]).toEqual([xOf(l, h.from), xOf(l, h.to)]);
    }
  });

  it('clone edges are highlighted as their design edge', () => {
    expect(graphEdgeId('lb--api-1~2')).toBe('lb--api-1');
    expect(graphEdgeId('lb--api-1')).toBe('lb--api-1');
  });
});
