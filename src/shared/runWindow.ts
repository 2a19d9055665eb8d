/**
 * Resolves a check's window (`{from, to}`, `{before|during|after: faultId}`) against the lesson's
 * fault schedule to run time. Fault ids may themselves contain "-" and digits ("crash-0"), so an
 * anchor is first read as a whole fault id and only then split into id and offset.
 */
import type { CheckWindow, TimeAnchor } from './checks';
import { FAULTS, faultDurationMs, resolveFault } from './faults';
import { englishPackText, packMessage, type PackMessage } from './i18n/packTexts';
import { faultId, type ParsedScenario } from './scenario';

/** A scheduled fault as windows see it. */
export interface FaultTiming {
  /** The id checks name it by. */
  id: string;
  /** When it fires. */
  atMs: number;
  /** When it stops, as the simulator ends it (FAULTS[action].ends): its duration or a later ender, else the end of the run. */
  endMs: number;
}

/** A failure keeps its English (`error`, what grading reports) and its message (`text`, what the pack validator reports in every language). */
export type Resolved<T> = { ok: true; value: T } | { ok: false; error: string; text: PackMessage };

const failure = (text: PackMessage): { ok: false; error: string; text: PackMessage } => ({ ok: false, error: englishPackText(text), text });

/** The faults of a scenario with their start and end times. */
export function faultTimings(scenario: ParsedScenario): FaultTiming[] {
  return scenario.faults.map((fault, index) => {
    let endMs = scenario.durationMs;
    const durationMs = faultDurationMs(resolveFault(fault, faultId(fault, index)));
    if (durationMs !== undefined) endMs = fault.atMs + durationMs;
    const enders = FAULTS[fault.action].ends.endedBy;
    const ender = scenario.faults.find(
      (other) => other.atMs > fault.atMs && enders.some((e) => e.action === other.action && (!e.isSameTarget || other.target === fault.target)),
    );
    if (ender) endMs = Math.min(endMs, ender.atMs);
    return { id: faultId(fault, index), atMs: fault.atMs, endMs: Math.min(endMs, scenario.durationMs) };
  });
}

/** Resolves one anchor ("start", "end", "fault:crash+5000") to milliseconds, unclamped. */
export function resolveAnchor(anchor: TimeAnchor, faults: readonly FaultTiming[], durationMs: number): Resolved<number> {
  if (anchor === 'start') return { ok: true, value: 0 };
  if (anchor === 'end') return { ok: true, value: durationMs };
  const offset = /^(start|end)([+-]\d+)$/.exec(anchor);
  if (offset) return { ok: true, value: (offset[1] === 'start' ? 0 : durationMs) + Number(offset[2]) };
  if (!anchor.startsWith('fault:')) return failure(packMessage('window.badAnchor', { anchor }));
  const rest = anchor.slice('fault:'.length);
  const whole = faults.find((f) => f.id === rest);
  if (whole) return { ok: true, value: whole.atMs };
  const split = /^(.+?)([+-]\d+)$/.exec(rest);
  if (split) {
    const fault = faults.find((f) => f.id === split[1]);
    if (fault) return { ok: true, value: fault.atMs + Number(split[2]) };
  }
  return unknownFault(rest, faults);
}

function unknownFault(id: string, faults: readonly FaultTiming[]): { ok: false; error: string; text: PackMessage } {
  const known = faults.map((f) => `"${f.id}"`).join(', ');
  return failure(packMessage('window.unknownFault', { id, known: known === '' ? packMessage('word.none') : known }));
}

/** The window in run time, clamped to the run; refuses windows that are empty. */
export function resolveWindow(window: CheckWindow | undefined, faults: readonly FaultTiming[], durationMs: number): Resolved<{ fromMs: number; toMs: number }> {
  let from: Resolved<number>;
  let to: Resolved<number>;
  const fault = (id: string): Resolved<FaultTiming> => {
    const found = faults.find((f) => f.id === id);
    return found ? { ok: true, value: found } : unknownFault(id, faults);
  };
  if (window === undefined) {
    from = { ok: true, value: 0 };
    to = { ok: true, value: durationMs };
  } else if ('before' in window) {
    const f = fault(window.before);
    if (!f.ok) return f;
    from = { ok: true, value: 0 };
    to = { ok: true, value: f.value.atMs };
  } else if ('during' in window) {
    const f = fault(window.during);
    if (!f.ok) return f;
    from = { ok: true, value: f.value.atMs };
    to = { ok: true, value: f.value.endMs };
  } else if ('after' in window) {
    const f = fault(window.after);
    if (!f.ok) return f;
    from = { ok: true, value: f.value.endMs };
    to = { ok: true, value: durationMs };
  } else {
    from = resolveAnchor(window.from, faults, durationMs);
    to = resolveAnchor(window.to, faults, durationMs);
  }
  if (!from.ok) return from;
  if (!to.ok) return to;
  const fromMs = Math.max(0, Math.min(durationMs, from.value));
  const toMs = Math.max(0, Math.min(durationMs, to.value));
  if (toMs <= fromMs) return failure(packMessage('window.empty', { fromMs, toMs, durationMs }));
  return { ok: true, value: { fromMs, toMs } };
}
