/**
 * Property sweeps: random small graphs under random fault schedules must keep the engine's
 * invariants. SIM_SWEEP_RUNS raises the case count (default 200, kept fast for `npm test`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import type { GraphEdge, GraphNode } from '../../../src/shared/graph';
import { LB_POLICIES } from '../../../src/shared/nodeProps';
import { FAULT_ACTIONS, type Fault } from '../../../src/shared/scenario';
import { edge, graph, node } from '../../unit/sim/helpers';

const RUNS = Number(process.env.SIM_SWEEP_RUNS ?? 200);
const DURATION_MS = 1500;

const designArb = fc.record({
  services: fc.integer({ min: 1, max: 4 }),
  policy: fc.constantFrom(...LB_POLICIES),
  sessions: fc.constantFrom('none', 'local-memory', 'session-store', 'signed-token'),
  hasCache: fc.boolean(),
  hasFollower: fc.boolean(),
  hasCoordinator: fc.boolean(),
  rps: fc.integer({ min: 20, max: 400 }),
  retries: fc.integer({ min: 0, max: 2 }),
  timeoutMs: fc.integer({ min: 20, max: 400 }),
  lossRate: fc.constantFrom(0, 0, 0.05),
  seed: fc.integer({ min: 0, max: 2 ** 31 }),
});

type Design = typeof designArb extends fc.Arbitrary<infer T> ? T : never;

function build(d: Design) {
  const nodes: GraphNode[] = [
    node('users', 'client', { users: 50, rps: d.rps, retries: d.retries, timeoutMs: d.timeoutMs, readRatio: 0.6 }),
    node('lb', 'load-balancer', { policy: d.policy, healthCheck: { intervalMs: 100, unhealthyAfter: 2 }, timeoutMs: 300, ownerRefreshMs: 100 }),
    node('db', 'database', { latencyMs: 1, capacityRps: 5000, failoverAfterMs: 200, replication: d.hasFollower && d.seed % 2 === 0 ? 'sync' : 'async' }),
  ];
  const edges: GraphEdge[] = [edge('users', 'lb', { lossRate: d.lossRate, jitterMs: 1 })];
  if (d.hasCache) nodes.push(node('cache', 'cache', { capacity: 50, ttlMs: 500 }));
  if (d.sessions === 'session-store') nodes.push(node('store', 'session-store', {}));
  if (d.hasFollower) {
    nodes.push(node('db-2', 'database', { latencyMs: 1, capacityRps: 5000 }));
    edges.push(edge('db', 'db-2', { latencyMs: 2 }, 'replication'));
  }
  if (d.hasCoordinator) nodes.push(node('coord', 'coordinator', { leaseTtlMs: 200, partitions: 8, fencing: d.seed % 3 === 0 }));
  for (let i = 1; i <= d.services; i++) {
    const id = `api-${i}`;
    nodes.push(node(id, 'service', { sessions: d.sessions, workers: 2, queueLimit: 10, startupMs: 50, serviceTimeMs: 2, callTimeoutMs: 150, state: d.hasCoordinator ? 'stateful' : 'stateless', ownsPartitions: d.hasCoordinator }));
    edges.push(edge('lb', id), edge(id, d.hasCache ? 'cache' : 'db'));
    if (d.hasCache) edges.push(edge(id, 'db'));
    if (d.sessions === 'session-store') edges.push(edge(id, 'store'));
    if (d.hasCoordinator) edges.push(edge(id, 'coord'));
  }
  return graph(nodes, edges);
}

const faultArb = (targets: string[]) =>
  fc.record({
    atMs: fc.integer({ min: 0, max: DURATION_MS - 1 }),
    action: fc.constantFrom(...FAULT_ACTIONS),
    target: fc.constantFrom(...targets),
    durationMs: fc.integer({ min: 1, max: 800 }),
    drain: fc.boolean(),
  });

describe('invariant sweep over random graphs and fault schedules', () => {
  it(`holds for ${RUNS} random cases`, () => {
    fc.assert(
      fc.property(
        designArb.chain((d) => {
          const g = build(d);
          const ids = g.nodes.map((n) => n.id);
          return fc.tuple(fc.constant(d), fc.constant(g), fc.array(faultArb(ids), { maxLength: 6 }));
        }),
        ([d, g, rawFaults]) => {
          const faults: Fault[] = rawFaults.map((f) => ({
            atMs: f.atMs,
            action: f.action,
            target: f.action === 'partition' || f.action === 'heal' ? f.target : f.target,
            params: ['slow', 'link-loss', 'pause', 'traffic-spike', 'hot-key', 'partition'].includes(f.action)
              ? { durationMs: f.durationMs }
              : f.action === 'rolling-deploy' || f.action === 'scale-in'
                ? { drain: f.drain }
                : undefined,
          }));
          let lastTime = -1;
          let lastSeq = -1;
          const handledWhileDown: string[] = [];
          const handled: { t: number; node: string }[] = [];
          const run = simulate(
            g,
            { seed: d.seed, durationMs: DURATION_MS, faults },
            {
              trace: (e) => {
                if (e.timeUs < lastTime || (e.timeUs === lastTime && e.seq <= lastSeq)) throw new Error(`time went back at ${e.timeUs}`);
                lastTime = e.timeUs;
                lastSeq = e.seq;
                if (e.isHandled && !e.wasNodeUp) handledWhileDown.push(`${e.node}@${e.timeUs}`);
                if (e.isHandled && e.node !== undefined) handled.push({ t: e.timeUs / 1000, node: e.node });
              },
            },
          );
          expect(handledWhileDown).toEqual([]);
          // Independently of the engine's own flag: no node handles anything strictly between its crash and its restart.
          for (const id of new Set(run.events.filter((e) => e.kind === 'crashed' || e.kind === 'scaled-in').map((e) => e.node!))) {
            const marks = run.events.filter((e) => e.node === id && (e.kind === 'crashed' || e.kind === 'scaled-in' || e.kind === 'restarted'));
            let downSince: number | undefined;
            for (const m of marks) {
              if (m.kind === 'restarted') {
                if (downSince !== undefined) {
                  const from = downSince;
                  expect(handled.filter((h) => h.node === id && h.t > from && h.t < m.atMs)).toEqual([]);
                }
                downSince = undefined;
              } else downSince ??= m.atMs;
            }
            if (downSince !== undefined) {
              const from = downSince;
              expect(handled.filter((h) => h.node === id && h.t > from)).toEqual([]);
            }
          }
          // Every request ends exactly once (or is still open at the end).
          expect(run.requestsInFlight).toBeGreaterThanOrEqual(0);
          expect(run.summary.ok + run.summary.failed + run.requestsInFlight).toBe(run.summary.requests);
          // Messages are conserved.
          const net = run.network;
          expect(net.inFlight).toBeGreaterThanOrEqual(0);
          expect(net.delivered + net.dropped + net.inFlight).toBe(net.sent);
          expect(run.endedAtMs).toBe(DURATION_MS);
        },
      ),
      { numRuns: RUNS, seed: 20_240_601 },
    );
  });
});
