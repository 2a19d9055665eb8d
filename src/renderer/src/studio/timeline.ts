/** Where faults and check windows sit on the studio's timeline (pure, so it is tested without a page). */
import type { CheckWindow } from '../../../shared/checks';
import { FAULTS, resolveFault, type FaultParams } from '../../../shared/faults';
import { resolveWindow, faultTimings } from '../../../shared/runWindow';
import { faultId, ScenarioSchema, type Fault } from '../../../shared/scenario';

export interface Span {
  fromMs: number;
  toMs: number;
}

const clamp = (ms: number, durationMs: number) => Math.min(Math.max(ms, 0), durationMs);

/** When a scheduled fault ends: its duration when timed, else the end of the run. */
export function faultSpan(fault: Fault, durationMs: number): Span {
  let toMs = durationMs;
  if (FAULTS[fault.action].ends.isTimed) {
    const parsed = FAULTS[fault.action].params.safeParse(fault.params ?? {});
    const duration = parsed.success ? (resolveFault({ ...fault, params: parsed.data as FaultParams }, 'x').params as { durationMs?: number }).durationMs : undefined;
    if (duration !== undefined) toMs = fault.atMs + duration;
  }
  return { fromMs: clamp(fault.atMs, durationMs), toMs: clamp(toMs, durationMs) };
}

/** `start`, `end`, `fault:<id>` with an optional ±ms: the moment, or undefined when it names no scheduled fault. */
export function anchorMs(anchor: string, faults: readonly Fault[], durationMs: number): number | undefined {
  const match = /^(start|end|fault:(.+?))([+-]\d{1,9})?$/.exec(anchor);
  if (!match) return undefined;
  const offset = match[3] ? Number(match[3]) : 0;
  if (match[1] === 'start') return clamp(offset, durationMs);
  if (match[1] === 'end') return clamp(durationMs + offset, durationMs);
  const index = faults.findIndex((f, i) => faultId(f, i) === match[2]);
  return index < 0 ? undefined : clamp(faults[index]!.atMs + offset, durationMs);
}

/** The part of the run a check's window covers, as the timeline draws it; undefined when it names no scheduled fault. */
export function windowSpan(window: CheckWindow | undefined, faults: readonly Fault[], durationMs: number): Span | undefined {
  if (!window) return { fromMs: 0, toMs: durationMs };
  const byId = (id: string) => {
    const index = faults.findIndex((f, i) => faultId(f, i) === id);
    return index < 0 ? undefined : faultSpan(faults[index]!, durationMs);
  };
  if ('before' in window) {
    const f = byId(window.before);
    return f && { fromMs: 0, toMs: f.fromMs };
  }
  if ('during' in window) return byId(window.during);
  if ('after' in window) {
    const f = byId(window.after);
    return f && { fromMs: f.toMs, toMs: durationMs };
  }
  const fromMs = anchorMs(window.from ?? 'start', faults, durationMs);
  const toMs = anchorMs(window.to ?? 'end', faults, durationMs);
  return fromMs === undefined || toMs === undefined ? undefined : { fromMs, toMs };
}

/** A time on the timeline from a pointer's position, to the nearest 100 ms. */
export const msAt = (fraction: number, durationMs: number) => clamp(Math.round((fraction * durationMs) / 100) * 100, durationMs);

/**
 * A row for each fault's marker so that markers closer in time than `gapFraction` of the run do
 * not cover each other (the earliest in the lowest free row); the timeline grows a row per lane.
 */
export function markerLanes(faults: readonly Pick<Fault, 'atMs'>[], durationMs: number, gapFraction = 0.1): number[] {
  const gap = gapFraction * Math.max(1, durationMs);
  const lastInLane: number[] = [];
  const lanes = new Array<number>(faults.length).fill(0);
  const order = faults.map((f, i) => ({ atMs: f.atMs, i })).sort((a, b) => a.atMs - b.atMs || a.i - b.i);
  for (const { atMs, i } of order) {
    let lane = lastInLane.findIndex((last) => atMs - last >= gap);
    if (lane < 0) lane = lastInLane.length;
    lastInLane[lane] = atMs;
    lanes[i] = lane;
  }
  return lanes;
}

/**
 * The part of the run a window measures, as grading resolves it (shared/runWindow.ts), for the
 * studio to say under the window: the span, or why it is empty — most often "after" a fault that
 * lasts to the end of the run (a cache flush, a scale-out), after which nothing is left.
 * Undefined while the scenario does not validate.
 */
export type WindowReading = { ok: true; fromMs: number; toMs: number } | { ok: false; reason: 'lastsToEnd' | 'unknownFault' | 'empty'; fault?: string };
export function readWindow(window: CheckWindow | undefined, scenario: unknown): WindowReading | undefined {
  const parsed = ScenarioSchema.safeParse(scenario);
  if (!parsed.success) return undefined;
  const timings = faultTimings(parsed.data);
  const resolved = resolveWindow(window, timings, parsed.data.durationMs);
  if (resolved.ok) return { ok: true, ...resolved.value };
  const named = window === undefined ? undefined : 'before' in window ? window.before : 'during' in window ? window.during : 'after' in window ? window.after : undefined;
  if (named !== undefined && !timings.some((f) => f.id === named)) return { ok: false, reason: 'unknownFault', fault: named };
  const after = window !== undefined && 'after' in window ? timings.find((f) => f.id === window.after) : undefined;
  if (after && after.endMs >= parsed.data.durationMs) return { ok: false, reason: 'lastsToEnd', fault: after.id };
  return { ok: false, reason: 'empty' };
}
