/**
 * "Step one event": the lab bench walks the simulator's own events (sim:events), one per Step.
 * The host re-runs the simulation to find them, so a batch is fetched at a time and kept here;
 * stepping inside the batch is instant, and the next batch is fetched when it runs out.
 */
import type { SimEvent } from '../../../shared/ipc';

/** Events of one run, known for the span (fromMs, last event]; `isEnd`: nothing after them. */
export interface EventBatch {
  fromMs: number;
  events: SimEvent[];
  isEnd: boolean;
}

/** Where the last Step landed: the event shown in the readout. */
export type Stepped = SimEvent;

/** Is (a) strictly after (b) in the simulator's (time, sequence) order? */
const isAfter = (a: SimEvent, b: SimEvent) => a.atUs > b.atUs || (a.atUs === b.atUs && a.seq > b.seq);

/**
 * The next event from the cursor: after the last stepped event when the cursor still stands on
 * it (so events of one instant are walked one by one), else the first strictly after the cursor.
 * `undefined`: the batch cannot tell, fetch from `fetchFromMs`. `null`: the run has no more events.
 */
export function nextFromBatch(batch: EventBatch | undefined, cursorMs: number, stepped: Stepped | undefined): { event: SimEvent } | { fetchFromMs: number } | null {
  const onStepped = stepped !== undefined && stepped.atMs === cursorMs;
  // From a stepped event, ask from 1 µs before it, so later events of its instant are included.
  const fetchFromMs = onStepped ? Math.max(0, (stepped.atUs - 1) / 1000) : cursorMs;
  if (!batch || batch.fromMs > fetchFromMs) return { fetchFromMs };
  const event = onStepped ? batch.events.find((e) => isAfter(e, stepped)) : batch.events.find((e) => e.atMs > cursorMs);
  if (event) return { event };
  return batch.isEnd ? null : { fetchFromMs };
}
