import { describe, expect, it } from 'vitest';
import { anchorMs, faultSpan, markerLanes, msAt, readWindow, windowSpan } from '../../../src/renderer/src/studio/timeline';
import type { Fault } from '../../../src/shared/scenario';

const faults: Fault[] = [
  { id: 'crash', atMs: 10_000, action: 'crash', target: 'api-2' },
  { atMs: 5_000, action: 'slow', target: 'db', params: { durationMs: 4_000 } },
];

describe('the studio timeline', () => {
  it('resolves anchors against the scheduled faults, with offsets, clamped to the run', () => {
    expect(anchorMs('fault:crash+2000', faults, 30_000)).toBe(12_000);
    expect(anchorMs('fault:slow-1-500', faults, 30_000)).toBe(4_500);
    expect(anchorMs('end', faults, 30_000)).toBe(30_000);
    expect(anchorMs('start-100', faults, 30_000)).toBe(0);
    expect(anchorMs('fault:nope', faults, 30_000)).toBeUndefined();
  });

  it('draws a check window as the grading window reads it', () => {
    expect(windowSpan({ from: 'fault:crash+2000', to: 'end' }, faults, 30_000)).toEqual({ fromMs: 12_000, toMs: 30_000 });
    expect(windowSpan({ before: 'crash' }, faults, 30_000)).toEqual({ fromMs: 0, toMs: 10_000 });
    // A timed fault lasts its duration; an untimed one until the end of the run.
    expect(windowSpan({ during: 'slow-1' }, faults, 30_000)).toEqual({ fromMs: 5_000, toMs: 9_000 });
    expect(windowSpan({ after: 'slow-1' }, faults, 30_000)).toEqual({ fromMs: 9_000, toMs: 30_000 });
    expect(windowSpan(undefined, faults, 30_000)).toEqual({ fromMs: 0, toMs: 30_000 });
    expect(windowSpan({ during: 'missing' }, faults, 30_000)).toBeUndefined();
  });

  it('spans a fault and turns a pointer position into a time to the nearest 100 ms', () => {
    expect(faultSpan(faults[0]!, 30_000)).toEqual({ fromMs: 10_000, toMs: 30_000 });
    expect(msAt(0.3333, 30_000)).toBe(10_000);
    expect(msAt(1.4, 30_000)).toBe(30_000);
  });

  it('puts markers close in time on separate rows, and reuses a row once the run has moved on', () => {
    // 30 s run: markers within 3 s of each other would cover each other.
    expect(markerLanes([{ atMs: 12_000 }, { atMs: 12_000 }, { atMs: 20_000 }, { atMs: 13_000 }], 30_000)).toEqual([0, 1, 0, 2]);
    expect(markerLanes([{ atMs: 0 }, { atMs: 5_000 }, { atMs: 10_000 }], 30_000)).toEqual([0, 0, 0]);
    expect(markerLanes([], 30_000)).toEqual([]);
  });
});

describe('what a check window measures, as the studio says it under the window', () => {
  const scenario = {
    seed: 1,
    durationMs: 30_000,
    faults: [
      { id: 'cache-flush', atMs: 10_000, action: 'cache-flush', target: 'cache-1' },
      { id: 'crash', atMs: 5000, action: 'crash', target: 'api-1' },
      { id: 'restart', atMs: 8000, action: 'restart', target: 'api-1' },
    ],
  };
  it('reads the span grading measures: during a flush is from it to the end, after a crash from its restart', () => {
    expect(readWindow({ during: 'cache-flush' }, scenario)).toEqual({ ok: true, fromMs: 10_000, toMs: 30_000 });
    expect(readWindow({ after: 'crash' }, scenario)).toEqual({ ok: true, fromMs: 8000, toMs: 30_000 });
    expect(readWindow(undefined, scenario)).toEqual({ ok: true, fromMs: 0, toMs: 30_000 });
  });
  it('says why a window is empty: after a fault that lasts to the end, or a fault the scenario lacks', () => {
    expect(readWindow({ after: 'cache-flush' }, scenario)).toEqual({ ok: false, reason: 'lastsToEnd', fault: 'cache-flush' });
    expect(readWindow({ before: 'gone' }, scenario)).toEqual({ ok: false, reason: 'unknownFault', fault: 'gone' });
    expect(readWindow({ from: 'end', to: 'start' }, scenario)).toEqual({ ok: false, reason: 'empty' });
  });
  it('says nothing while the scenario does not validate', () => {
    expect(readWindow(undefined, { durationMs: -1 })).toBeUndefined();
  });
});
