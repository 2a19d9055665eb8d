import { describe, expect, it } from 'vitest';
import { faultTimings, resolveWindow } from '../../../src/main/grading/window';
import { ScenarioSchema } from '../../../src/shared/scenario';

const scenario = ScenarioSchema.parse({
  seed: 1,
  durationMs: 60_000,
  faults: [
    { id: 'crash', atMs: 30_000, action: 'crash', target: 'api-2' },
    { atMs: 40_000, action: 'restart', target: 'api-2' },
    { id: 'slow-db', atMs: 10_000, action: 'slow', target: 'db', params: { durationMs: 5000, factor: 3 } },
    { atMs: 50_000, action: 'scale-out', target: 'api-1' },
  ],
});
const faults = faultTimings(scenario);
const resolve = (w: Parameters<typeof resolveWindow>[0]) => resolveWindow(w, faults, scenario.durationMs);

describe('check windows around faults', () => {
  it('reads the whole run when no window is given', () => {
    expect(resolve(undefined)).toEqual({ ok: true, value: { fromMs: 0, toMs: 60_000 } });
  });

  it('anchors at a named fault with a positive or negative offset', () => {
    expect(resolve({ from: 'fault:crash+5000', to: 'end' })).toEqual({ ok: true, value: { fromMs: 35_000, toMs: 60_000 } });
    expect(resolve({ from: 'fault:crash-2000', to: 'fault:crash' })).toEqual({ ok: true, value: { fromMs: 28_000, toMs: 30_000 } });
  });

  it('reads a default fault id containing "-" and digits as an id, not as an offset', () => {
    // The scale-out is the 4th fault, so its default id is "scale-out-3".
    expect(resolve({ from: 'fault:scale-out-3', to: 'end' })).toEqual({ ok: true, value: { fromMs: 50_000, toMs: 60_000 } });
    expect(resolve({ from: 'fault:scale-out-3-1000', to: 'end' })).toEqual({ ok: true, value: { fromMs: 49_000, toMs: 60_000 } });
  });

  it('gives before, during and after a fault, ending a crash at its restart and a slow-down at its duration', () => {
    expect(resolve({ before: 'crash' })).toEqual({ ok: true, value: { fromMs: 0, toMs: 30_000 } });
    expect(resolve({ during: 'crash' })).toEqual({ ok: true, value: { fromMs: 30_000, toMs: 40_000 } });
    expect(resolve({ after: 'crash' })).toEqual({ ok: true, value: { fromMs: 40_000, toMs: 60_000 } });
    expect(resolve({ during: 'slow-db' })).toEqual({ ok: true, value: { fromMs: 10_000, toMs: 15_000 } });
  });

  it('clamps offsets to the run and refuses an empty window', () => {
    expect(resolve({ from: 'start-500', to: 'end+9000' })).toEqual({ ok: true, value: { fromMs: 0, toMs: 60_000 } });
    const empty = resolve({ from: 'fault:crash', to: 'fault:crash-1' });
    expect(empty.ok).toBe(false);
    expect(!empty.ok && empty.error).toContain('the window is empty');
  });

  it('names the unknown fault and the ones the scenario has', () => {
    const result = resolve({ from: 'fault:crash-api-3', to: 'end' });
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error).toBe(
      'window names fault "crash-api-3", which the scenario does not schedule (its faults: "crash", "restart-1", "slow-db", "scale-out-3")',
    );
  });
});
