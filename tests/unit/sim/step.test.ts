import { describe, expect, it } from 'vitest';
import { prepareSimulation, simulate, type TraceRecord } from '../../../src/main/sim/index';
import { tier } from './helpers';

const scenario = { seed: 11, durationMs: 3000, faults: [{ id: 'crash', atMs: 1000, action: 'crash' as const, target: 'api-2' }] };
const g = tier({ services: 3, withDb: true, client: { rps: 300 } });

describe('stepping the engine', () => {
  it('step() one event at a time, runUntil(t) then run(), and run() give the same run', () => {
    const whole = simulate(g, scenario);

    const stepped = prepareSimulation(g, scenario).sim;
    let steps = 0;
    let lastUs = -1;
    while (stepped.nextTimeUs() !== Infinity) {
      const next = stepped.nextTimeUs();
      expect(next).toBeGreaterThanOrEqual(lastUs);
      expect(stepped.step()).toBe(true);
      expect(stepped.nowUs).toBe(next);
      lastUs = next;
      steps++;
    }
    expect(stepped.step()).toBe(false);
    stepped.finish();
    expect(stepped.traceHash()).toBe(whole.traceHash);
    expect(stepped.processed).toBe(whole.eventsProcessed);
    expect(steps).toBe(whole.eventsProcessed);

    const split = prepareSimulation(g, scenario).sim;
    split.runUntil(1_500_000);
    expect(split.nowUs).toBeLessThan(1_500_000);
    expect(split.nextTimeUs()).toBeGreaterThanOrEqual(1_500_000);
    split.run();
    expect(split.traceHash()).toBe(whole.traceHash);
  });

  it('trace records say which fault and which timer: the crash by its index, timers by their tag', () => {
    const records: TraceRecord[] = [];
    simulate(g, scenario, { trace: (e) => records.push(e) });
    const faults = records.filter((e) => e.type === 'fault');
    expect(faults).toEqual([expect.objectContaining({ timeUs: 1_000_000, fault: { index: 0, phase: 0 } })]);
    const timers = records.filter((e) => e.type === 'timer');
    expect(timers.length).toBeGreaterThan(0);
    expect(timers.every((e) => typeof e.timerTag === 'number' && e.timerTag > 0)).toBe(true);
    expect(records.filter((e) => e.type !== 'timer').every((e) => e.timerTag === undefined)).toBe(true);
  });
});
