/**
 * The editor session: the document store (patch-based history), the selection (kept out of the
 * document), the clipboard and the lesson's locks. Every user action the canvas, keyboard,
 * palette and panels can trigger is a method here.
 */
import type { Draft } from 'immer';
import { useCallback, useMemo, useReducer, useRef, useState } from 'react';
import type { Graph } from '../../../shared/graph';
import { copyFragment, deleteItems, insertFragment, moveNodes, planPaste, type Fragment, type NodeNaming, type XY } from './commands';
import { EMPTY_SELECTION, type Selection } from './flowView';
import { editorReducer, initialEditorState, isOutsideStep, type OutsideChange } from './history';
import { layoutGraph } from './layout';

const PASTE_OFFSET = 40;

/**
 * `isFrozen` says, when asked, that the student's edits are not taken now (a lesson is opening: its
 * saved work is about to replace the canvas, and an edit made meanwhile would go with it). Opening a
 * document (`reset`, `replace`) is never frozen.
 */
export function useEditor(initial: Graph, isFrozen: () => boolean = () => false) {
  const [state, dispatch] = useReducer(editorReducer, initial, initialEditorState);
  const [selection, setSelection] = useState<Selection>(EMPTY_SELECTION);
  /** Counts documents opened or put in place (file, lesson, new, restore, Start over, a design shown from the studio), so the canvas fits each one in view. */
  const [loadSerial, setLoadSerial] = useState(0);
  const clipboard = useRef<{ fragment: Fragment; pastes: number } | undefined>(undefined);
  const docRef = useRef(state.doc);
  docRef.current = state.doc;
  /** The history as last rendered: undo and redo call an outside step's owner before moving it. */
  const historyRef = useRef(state);
  historyRef.current = state;

  const frozen = useRef(isFrozen);
  frozen.current = isFrozen;
  /** One undo step, or part of the last one when `mergeKey` matches it within `mergeWindowMs` (see history.ts). */
  const edit = useCallback((recipe: (draft: Draft<Graph>) => void, mergeKey?: string, mergeWindowMs?: number) => {
    if (!frozen.current()) dispatch({ type: 'edit', recipe, mergeKey, mergeWindowMs, atMs: Date.now() });
  }, []);
  const reset = useCallback((doc: Graph) => {
    dispatch({ type: 'reset', doc });
    setSelection(EMPTY_SELECTION);
    setLoadSerial((n) => n + 1);
  }, []);
  /** Puts another document on the canvas as one undoable step, fitted in view like an opened one. */
  const replace = useCallback((doc: Graph) => {
    dispatch({ type: 'replace', doc, atMs: Date.now() });
    setSelection(EMPTY_SELECTION);
    setLoadSerial((n) => n + 1);
  }, []);

  const insert = useCallback(
    (fragment: Fragment, offset: XY, naming?: NodeNaming) => {
      if (frozen.current()) return;
      const planned = planPaste(docRef.current, fragment, offset, naming);
      edit(insertFragment(planned));
      setSelection({ nodes: new Set(planned.nodes.map((n) => n.id)), edges: new Set(planned.edges.map((e) => e.id)) });
    },
    [edit],
  );

  const actions = useMemo(
    () => ({
      edit,
      reset,
      replace,
      setSelection,
      /** Takes back the student's last action, an edit of the design or a change outside it (a fault injected in the lab). */
      // An outside step with nothing left to do (its fault went with a graded run shown since) is
      // passed over, so one Ctrl+Z always takes back something the student can see.
      undo: () => {
        if (frozen.current()) return;
        const { past } = historyRef.current;
        for (let i = past.length - 1; i >= 0; i--) {
          const step = past[i]!;
          dispatch({ type: 'undo' });
          if (!isOutsideStep(step) || step.outside.undo()) break;
        }
      },
      redo: () => {
        if (frozen.current()) return;
        const { future } = historyRef.current;
        for (const step of future) {
          dispatch({ type: 'redo' });
          if (!isOutsideStep(step) || step.outside.redo()) break;
        }
      },
      /** Puts a change made outside the document (already done) in the history, after the edits before it. */
      record: (change: OutsideChange) => dispatch({ type: 'record', change, atMs: Date.now() }),
      selectAll: () => setSelection({ nodes: new Set(docRef.current.nodes.map((n) => n.id)), edges: new Set(docRef.current.edges.map((e) => e.id)) }),
      /** Deletes the selection except locked nodes; returns the ids of the locked ones it kept. */
      deleteSelection(selected: Selection, locked: ReadonlySet<string>): string[] {
        if ((selected.nodes.size === 0 && selected.edges.size === 0) || frozen.current()) return [];
        edit(deleteItems(selected.nodes, selected.edges, locked));
        const kept = docRef.current.nodes.filter((n) => selected.nodes.has(n.id) && locked.has(n.id));
        setSelection({ nodes: new Set(kept.map((n) => n.id)), edges: new Set() });
        return kept.map((n) => n.id);
      },
      copy(selected: Selection) {
        if (selected.nodes.size > 0) clipboard.current = { fragment: copyFragment(docRef.current, selected.nodes), pastes: 0 };
      },
      /** Pastes the clipboard; a copy whose label clashes is named by `naming` (the student's language). */
      paste(naming?: NodeNaming) {
        const held = clipboard.current;
        if (!held) return;
        held.pastes += 1;
        insert(held.fragment, { x: PASTE_OFFSET * held.pastes, y: PASTE_OFFSET * held.pastes }, naming);
      },
      duplicate(selected: Selection, naming?: NodeNaming) {
        if (selected.nodes.size > 0) insert(copyFragment(docRef.current, selected.nodes), { x: PASTE_OFFSET, y: PASTE_OFFSET }, naming);
      },
      layout(sizes: ReadonlyMap<string, { width: number; height: number }>) {
        edit(moveNodes(layoutGraph(docRef.current, sizes)));
      },
    }),
    [edit, reset, replace, insert],
  );

  const nextUndo = state.past.at(-1);
  const nextRedo = state.future[0];
  return {
    doc: state.doc,
    loadSerial,
    /** Whether edits are held back now (a lesson is opening): the canvas, palette and properties show it. */
    isFrozen: isFrozen(),
    canUndo: nextUndo !== undefined && !isFrozen(),
    canRedo: nextRedo !== undefined && !isFrozen(),
    /** What Undo and Redo would take back or bring back when it is not an edit of the design (for their tooltips). */
    undoAbout: nextUndo && isOutsideStep(nextUndo) ? nextUndo.outside.about : undefined,
    redoAbout: nextRedo && isOutsideStep(nextRedo) ? nextRedo.outside.about : undefined,
    selection,
    ...actions,
  };
}

export type Editor = ReturnType<typeof useEditor>;
