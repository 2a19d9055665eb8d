/**
 * The trace hash tells runs apart by what they answered and measured, not only by when their events
 * happened: "Show me" and re-grading take equal hashes for the same run.
 */
import { describe, expect, it } from 'vitest';
import { simulate, type TraceRecord } from '../../../src/main/sim/index';
import { STATUS } from '../../../src/main/sim/calls';
import { Sim, SimNode } from '../../../src/main/sim/engine';
import { tier } from './helpers';

/** Sends `count` requests at t = 0 to its first edge's node and takes the answers. */
class Caller extends SimNode {
  constructor(sim: Sim, idx: number, readonly count: number) {
    super(sim, idx, 'caller', 'client', sim.rngFor('caller'));
  }
  override start(): void {
    for (let i = 0; i < this.count; i++) this.sim.sendRequest(this.sim.newCall(this, this.out[0]!, 0));
  }
  override onRequest(): void {}
}

/** Answers its i-th request after 1 ms with statuses[i]. */
class Answerer extends SimNode {
  private received = 0;
  constructor(
    sim: Sim,
    idx: number,
    readonly statuses: number[],
  ) {
    super(sim, idx, 'callee', 'service', sim.rngFor('callee'));
  }
  override onRequest(c: number): void {
    this.sim.timer(this, 1000, 0, c, this.received++);
  }
  override onTimer(_tag: number, c: number, i: number): void {
    this.sim.reply(this, c, this.statuses[i]!);
  }
}

/** Two requests answered with these statuses, on a two-node run of 10 ms (one bucket). */
function twoAnswers(statuses: number[]) {
  const sim = new Sim(1, 10, 16, 100);
  const caller = new Caller(sim, 0, statuses.length);
  sim.addNode(caller);
  sim.addNode(new Answerer(sim, 1, statuses));
  sim.addEdge({ id: 'caller--callee', from: 0, to: 1, kind: 'request', latUs: 100, jitterUs: 0, lossRate: 0 });
  const events: TraceRecord[] = [];
  for (const n of sim.nodes) n.start();
  sim.run({ trace: (e) => events.push(e) });
  return { hash: sim.traceHash(), events, buckets: sim.rec.result() };
}

describe('the trace hash', () => {
  it('differs between two runs whose only difference is which answer was refused', () => {
    const first = twoAnswers([STATUS.ok, STATUS.fenced]);
    const second = twoAnswers([STATUS.fenced, STATUS.ok]);
    // Same events at the same times, same counters in every bucket: only the answers' statuses differ.
    expect(second.events).toEqual(first.events);
    expect(second.buckets.counters).toEqual(first.buckets.counters);
    expect(second.hash).not.toBe(first.hash);
    expect(twoAnswers([STATUS.ok, STATUS.fenced]).hash).toBe(first.hash);
  });

  it('differs when an answer is refused instead of accepted at the same instant', () => {
    const accepted = twoAnswers([STATUS.ok, STATUS.ok]);
    const refused = twoAnswers([STATUS.ok, STATUS.fenced]);
    expect(refused.events).toEqual(accepted.events);
    expect(refused.hash).not.toBe(accepted.hash);
  });

  it('differs between designs whose events are the same but whose cost is not (idle workers)', () => {
    // At 100 rps nobody waits for a worker: 8 or 16 workers make the same events and answers, but 16 cost twice as much.
    const scenario = { seed: 3, durationMs: 3000 };
    const run = (workers: number) => {
      const events: TraceRecord[] = [];
      const result = simulate(tier({ services: 2, client: { rps: 100 }, service: { workers } }), scenario, { trace: (e) => events.push(e) });
      return { result, events };
    };
    const eight = run(8);
    const sixteen = run(16);
    expect(sixteen.events).toEqual(eight.events);
    expect(sixteen.result.summary.ok).toBe(eight.result.summary.ok);
    expect(sixteen.result.summary.costPer1kServed).toBeGreaterThan(eight.result.summary.costPer1kServed!);
    expect(sixteen.result.traceHash).not.toBe(eight.result.traceHash);
  });

  it('is the same for the same design, scenario and seed', () => {
    const g = tier({ services: 3, withDb: true });
    const scenario = { seed: 5, durationMs: 3000, faults: [{ id: 'crash', atMs: 1000, action: 'crash' as const, target: 'api-1' }] };
    expect(simulate(g, scenario).traceHash).toBe(simulate(g, scenario).traceHash);
  });
});
