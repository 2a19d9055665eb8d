import { describe, expect, it } from 'vitest';
import { commandOf } from '../../../src/renderer/src/editor/shortcuts';
import { nextFromBatch, StepStore, type EventBatch, type EventsAnswer } from '../../../src/renderer/src/lab/stepEvents';
import type { SimEvent } from '../../../src/shared/ipc';

const ev = (atUs: number, seq: number): SimEvent => ({ atUs, atMs: atUs / 1000, seq, type: 'timer', node: 'lb', description: `timer ${seq}`, text: { key: 'step.timer', params: { node: 'lb' } } });
// Two events share the instant 2000.5 ms; the batch was fetched from 2000 ms.
const batch: EventBatch = { fromMs: 2000, events: [ev(2_000_100, 7), ev(2_000_500, 3), ev(2_000_500, 9), ev(2_001_250, 4)], isEnd: false };

describe('Step one event over a fetched batch', () => {
  it('walks the batch event by event, one instant\'s events one at a time', () => {
    expect(nextFromBatch(batch, 2000, undefined)).toEqual({ event: batch.events[0] });
    expect(nextFromBatch(batch, 2000.1, batch.events[0])).toEqual({ event: batch.events[1] });
    expect(nextFromBatch(batch, 2000.5, batch.events[1])).toEqual({ event: batch.events[2] });
    expect(nextFromBatch(batch, 2000.5, batch.events[2])).toEqual({ event: batch.events[3] });
  });

  it('after a seek, steps to the first event strictly after the cursor', () => {
    expect(nextFromBatch(batch, 2000.5, batch.events[0])).toEqual({ event: batch.events[3] });
  });

  it('asks the host when the batch runs out or does not cover the cursor, and stops at the end of the run', () => {
    // Out of events: fetch from 1 µs before the last stepped event, to keep the rest of its instant.
    expect(nextFromBatch(batch, 2001.25, batch.events[3])).toEqual({ fetchFromMs: 2001.249 });
    expect(nextFromBatch(batch, 1500, undefined)).toEqual({ fetchFromMs: 1500 });
    expect(nextFromBatch(undefined, 0, undefined)).toEqual({ fetchFromMs: 0 });
    expect(nextFromBatch({ ...batch, isEnd: true }, 2001.25, batch.events[3])).toBeNull();
  });

  it('"." steps, except while typing in a field', () => {
    const key = (target: object) => commandOf({ key: '.', ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, target: target as EventTarget });
    expect(key({ tagName: 'BUTTON' })).toBe('step');
    expect(key({ tagName: 'INPUT' })).toBeUndefined();
  });
});

describe('StepStore', () => {
  const answer = (events: SimEvent[]): EventsAnswer => ({ ok: true, value: { events, isEnd: false } });

  it('asks the host once for a prefetch and the Step that follows it, and keeps the batch for its run only', async () => {
    const store = new StepStore();
    const run = {};
    let asked = 0;
    const ask = () => {
      asked++;
      return Promise.resolve(answer([ev(1500, 3), ev(1600, 4)]));
    };
    expect(store.fetchNeeded(run, 1, undefined)).toBe(1);
    const prefetch = store.fetch(run, 1, ask, () => true);
    const step = store.fetch(run, 1, ask, () => true);
    expect(await step).toBe(await prefetch);
    expect(asked).toBe(1);
    expect(store.batchOf(run)?.events).toHaveLength(2);
    expect(store.fetchNeeded(run, 1, undefined)).toBeUndefined();
    expect(store.batchOf({})).toBeUndefined();

    // An answer that arrives after the run changed is not kept.
    const other = {};
    await store.fetch(other, 1, ask, () => false);
    expect(store.batchOf(other)).toBeUndefined();
    expect(asked).toBe(2);
  });
});
