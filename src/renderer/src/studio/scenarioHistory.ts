/**
 * Undo and redo of the studio's scenario edits, as pure functions over snapshots of the scenario
 * (immer keeps each one frozen, so a snapshot is the object itself). A history belongs to one
 * lesson of one draft (`where`): another lesson's steps are never replayed onto this one.
 */
import type { Scenario } from '../../../shared/scenario';

/** Far more than a lesson's scenario needs; bounds memory. */
const MAX_STEPS = 100;
/** Edits of one field closer together than this (typing) are one step to undo. */
const COALESCE_MS = 1000;

interface Step {
  /** The scenario before the edit (in `past`) or after it (in `future`). */
  scenario: Scenario;
  coalesce?: string | undefined;
  at: number;
}

export interface ScenarioHistory {
  where: string;
  past: readonly Step[];
  future: readonly Step[];
}

export const emptyHistory = (where: string): ScenarioHistory => ({ where, past: [], future: [] });

/** The history once `current` is about to be edited (`coalesce`: the field typed in, merging keystrokes). */
export function recordEdit(history: ScenarioHistory, where: string, current: Scenario, now: number, coalesce?: string): ScenarioHistory {
  const base = history.where === where ? history : emptyHistory(where);
  const last = base.past.at(-1);
  if (coalesce !== undefined && last?.coalesce === coalesce && now - last.at < COALESCE_MS) {
    return { where, past: [...base.past.slice(0, -1), { ...last, at: now }], future: [] };
  }
  return { where, past: [...base.past, { scenario: current, coalesce, at: now }].slice(-MAX_STEPS), future: [] };
}

/** The scenario to put back and the history after, or undefined when there is nothing to undo here. */
export function undoEdit(history: ScenarioHistory, where: string, current: Scenario): { history: ScenarioHistory; scenario: Scenario } | undefined {
  const step = history.where === where ? history.past.at(-1) : undefined;
  if (!step) return undefined;
  return { scenario: step.scenario, history: { where, past: history.past.slice(0, -1), future: [{ scenario: current, at: 0 }, ...history.future] } };
}

export function redoEdit(history: ScenarioHistory, where: string, current: Scenario): { history: ScenarioHistory; scenario: Scenario } | undefined {
  const step = history.where === where ? history.future[0] : undefined;
  if (!step) return undefined;
  return { scenario: step.scenario, history: { where, past: [...history.past, { scenario: current, at: 0 }], future: history.future.slice(1) } };
}

export const canUndo = (history: ScenarioHistory, where: string) => history.where === where && history.past.length > 0;
export const canRedo = (history: ScenarioHistory, where: string) => history.where === where && history.future.length > 0;
