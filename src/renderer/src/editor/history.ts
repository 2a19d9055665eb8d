/**
 * The one store of the edited graph document, as a pure reducer: every edit is an immer recipe
 * run through produceWithPatches, and undo/redo replay the recorded (inverse) patches. Selection
 * and viewport never enter this document; they belong to the canvas.
 */
import { applyPatches, enablePatches, produceWithPatches, type Draft, type Patch } from 'immer';
import type { Graph } from '../../../shared/graph';

enablePatches();

export interface HistoryStep {
  patches: Patch[];
  inverse: Patch[];
  /** Consecutive edits with the same key (typing into one field) merge into one undo step. */
  mergeKey?: string;
  atMs: number;
}

export interface EditorState {
  doc: Graph;
  past: HistoryStep[];
  future: HistoryStep[];
}

export type EditorAction =
  | { type: 'edit'; recipe: (draft: Draft<Graph>) => void; mergeKey?: string; atMs: number }
  | { type: 'undo' }
  | { type: 'redo' }
  /** Another document in place of this one, as one step the student can undo (restore, reset to starter). */
  | { type: 'replace'; doc: Graph; atMs: number }
  /** A new document (new file, opened file, lesson start): history starts over. */
  | { type: 'reset'; doc: Graph };

/** Far more than a lesson needs; bounds memory on very long sessions. */
const MAX_STEPS = 500;
/** Edits of one field closer together than this are one step to undo. */
const MERGE_WINDOW_MS = 1500;

export const initialEditorState = (doc: Graph): EditorState => ({ doc, past: [], future: [] });

export function editorReducer(state: EditorState, action: EditorAction): EditorState {
  switch (action.type) {
    case 'edit': {
      const [doc, patches, inverse] = produceWithPatches(state.doc, action.recipe);
      if (patches.length === 0) return state;
      const last = state.past[state.past.length - 1];
      if (last && action.mergeKey !== undefined && last.mergeKey === action.mergeKey && action.atMs - last.atMs < MERGE_WINDOW_MS) {
        const merged: HistoryStep = { patches: [...last.patches, ...patches], inverse: [...inverse, ...last.inverse], mergeKey: action.mergeKey, atMs: action.atMs };
        return { doc, past: [...state.past.slice(0, -1), merged], future: [] };
      }
      const step: HistoryStep = { patches, inverse, mergeKey: action.mergeKey, atMs: action.atMs };
      return { doc, past: [...state.past, step].slice(-MAX_STEPS), future: [] };
    }
    case 'undo': {
      const step = state.past[state.past.length - 1];
      if (!step) return state;
      return { doc: applyPatches(state.doc, step.inverse), past: state.past.slice(0, -1), future: [step, ...state.future] };
    }
    case 'redo': {
      const step = state.future[0];
      if (!step) return state;
      return { doc: applyPatches(state.doc, step.patches), past: [...state.past, step], future: state.future.slice(1) };
    }
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
