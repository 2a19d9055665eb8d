/**
 * The one store of the edited graph document, as a pure reducer: every edit is an immer recipe
 * run through produceWithPatches, and undo/redo replay the recorded (inverse) patches. Selection
 * and viewport never enter this document; they belong to the canvas.
 *
 * The same history also orders what the student does outside the document but expects Ctrl+Z to
 * take back in turn (a fault injected in the lab): such a step holds no patches, only what to call;
 * the reducer moves it between past and future like any edit, and the hook calls it (side effects
 * stay out of the reducer).
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Graph } from '../../../shared/graph';
import type { Fault } from '../../../shared/scenario';

enablePatches();

export interface DocStep {
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive edits with the same key (typing into one field) merge into one undo step. */
  mergeKey?: string;
  atMs: number;
}

/**
 * How long after the last edit with the same key the next one still joins its step: keys held down
 * (arrow keys moving a node) use the default; a typing session's key names one focus of one field,
 * so everything typed there is one step however slowly it is typed (`TYPING_SESSION`).
 */
export const MERGE_WINDOW_MS = 1500;
export const TYPING_SESSION = Number.POSITIVE_INFINITY;

/**
 * A change outside the document, undone and redone by its owner; `about` names it for the Undo/Redo
 * tooltips. Each returns false when there was nothing to do (the fault had gone another way since).
 */
export interface OutsideChange {
  undo(): boolean;
  redo(): boolean;
  about: { kind: 'faultInjected' | 'faultRemoved'; fault: Fault };
}
export interface OutsideStep {
  outside: OutsideChange;
  atMs: number;
}
export type HistoryStep = DocStep | OutsideStep;
export const isOutsideStep = (step: HistoryStep): step is OutsideStep => 'outside' in step;

export interface EditorState {
  doc: Graph;
  past: HistoryStep[];
  future: HistoryStep[];
}

export type EditorAction =
  | { type: 'edit'; recipe: (draft: Draft<Graph>) => void; mergeKey?: string | undefined; mergeWindowMs?: number | undefined; atMs: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** A change made outside the document (the lab's faults), kept in the order of the student's actions. */
  | { type: 'record'; change: OutsideChange; atMs: number }
  /** Another document in place of this one, as one step the student can undo (restore, reset to starter). */
  | { type: 'replace'; doc: Graph; atMs: number }
  /** A new document (new file, opened file, lesson start): history starts over. */
  | { type: 'reset'; doc: Graph };

/** Far more than a lesson needs; bounds memory on very long sessions. */
const MAX_STEPS = 500;

export const initialEditorState = (doc: Graph): EditorState => ({ doc, past: [], future: [] });

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit': {
      const [doc, patches, inverse] = produceWithPatches(state.doc, action.recipe);
      if (patches.length === 0) return state;
      const last = state.past[state.past.length - 1];
      if (last && !isOutsideStep(last) && action.mergeKey !== undefined && last.mergeKey === action.mergeKey && action.atMs - last.atMs < (action.mergeWindowMs ?? MERGE_WINDOW_MS)) {
        const merged: DocStep = { patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], mergeKey: action.mergeKey, atMs: action.atMs };
        return { doc, past: [...state.past.slice(0, -1), merged], future: [] };
      }
      const step: DocStep = { patches, inverse, mergeKey: action.mergeKey, atMs: action.atMs };
      return { doc, past: [...state.past, step].slice(-MAX_STEPS), future: [] };
    }
    case 'undo': {
      const step = state.past[state.past.length - 1];
      if (!step) return state;
      return { doc: isOutsideStep(step) ? state.doc : applyPatches(state.doc, step.inverse), past: state.past.slice(0, -1), future: [step, ...state.future] };
    }
    case 'redo': {
      const step = state.future[0];
      if (!step) return state;
      return { doc: isOutsideStep(step) ? state.doc : applyPatches(state.doc, step.patches), past: [...state.past, step], future: state.future.slice(1) };
    }
    case 'record':
      return { doc: state.doc, past: [...state.past, { outside: action.change, atMs: action.atMs }].slice(-MAX_STEPS), future: [] };
    case 'replace': {
      if (action.doc === state.doc) return state;
      // A recipe that returns a value replaces the whole draft; immer records it as one root patch.
      const [doc, patches, inverse] = produceWithPatches(state.doc, () => action.doc as Draft<Graph>);
      return { doc, past: [...state.past, { patches, inverse, atMs: action.atMs }].slice(-MAX_STEPS), future: [] };
    }
    case 'reset':
      return initialEditorState(action.doc);
  }
}
