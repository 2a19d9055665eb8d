/**
 * "Step one event": the lab bench walks the simulator's own events (sim:events), one per Step.
 * The host re-runs the simulation to find them, so a batch is fetched at a time and kept here;
 * stepping inside the batch is instant, and the next batch is fetched when it runs out.
 */
import type { AppError } from '../../../shared/result';
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

/** What a sim:events call answers: the events, or why the host could not tell. */
export type EventsAnswer = { ok: true; value: { events: SimEvent[]; isEnd: boolean } } | { ok: false; error: AppError };

/**
 * Step's memory between renders, in one place: the batch fetched for the current run, the
 * sim:events call in flight (a Step waits for a prefetch of the same events rather than asking
 * twice) and whether a Step is waiting for the host.
 */
export class StepStore {
  private held: { run: unknown; batch: EventBatch } | undefined;
  private inflight: { run: unknown; fromMs: number; answer: Promise<EventsAnswer> } | undefined;
  isBusy = false;

  /** The fetched batch when it is of `run`. */
  batchOf(run: unknown): EventBatch | undefined {
    return this.held !== undefined && this.held.run === run ? this.held.batch : undefined;
  }

  /** Where the next Step from the cursor needs the host, or undefined when the batch tells. */
  fetchNeeded(run: unknown, cursorMs: number, stepped: Stepped | undefined): number | undefined {
    const next = nextFromBatch(this.batchOf(run), cursorMs, stepped);
    return next && 'fetchFromMs' in next ? next.fetchFromMs : undefined;
  }

  /** Asks for the events after `fromMs` of `run` (once), keeping the batch while `run` is still current. */
  fetch(run: unknown, fromMs: number, ask: () => Promise<EventsAnswer>, isCurrent: () => boolean): Promise<EventsAnswer> {
    const pending = this.inflight;
    if (pending !== undefined && pending.run === run && pending.fromMs === fromMs) return pending.answer;
    const answer = ask().then((a) => {
      if (a.ok && isCurrent()) this.held = { run, batch: { fromMs, ...a.value } };
      if (this.inflight?.answer === answer) this.inflight = undefined;
      return a;
    });
    this.inflight = { run, fromMs, answer };
    return answer;
  }
}
