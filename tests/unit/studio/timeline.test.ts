import { describe, expect, it } from 'vitest';
import { anchorMs, faultSpan, markerLanes, msAt, windowSpan } from '../../../src/renderer/src/studio/timeline';
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
