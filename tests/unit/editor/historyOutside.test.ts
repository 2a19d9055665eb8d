import { describe, expect, it } from 'vitest';
import { addNode, setNodeProps } from '../../../src/renderer/src/editor/commands';
import { editorReducer, initialEditorState, isOutsideStep, type EditorState, type OutsideChange } from '../../../src/renderer/src/editor/history';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph } from '../../../src/shared/graph';

// A fault injected in the lab is a step of the editor's one history: Ctrl+Z takes back the
// student's last action, whichever kind it was, and Ctrl+Shift+Z brings them back in order.
const empty: Graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
const fault = (id: string): OutsideChange => ({ undo: () => true, redo: () => true, about: { kind: 'faultInjected', fault: { id, atMs: 5000, action: 'crash', target: 'service-1' } } });
const record = (s: EditorState, change: OutsideChange, atMs: number) => editorReducer(s, { type: 'record', change, atMs });
const workers = (s: EditorState) => (s.doc.nodes[0]?.props as { workers?: number } | undefined)?.workers;
/** What the next undo would act on: a fault's id, or "edit". */
const nextUndo = (s: EditorState) => {
  const step = s.past.at(-1);
  return step === undefined ? undefined : isOutsideStep(step) ? step.outside.about.fault.id : 'edit';
};

function interleaved(): EditorState {
  let s = initialEditorState(empty);
  s = editorReducer(s, { type: 'edit', recipe: addNode('service', { x: 0, y: 0 }), atMs: 1000 });
  s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 4 }), mergeKey: 'service-1.workers', atMs: 2000 });
  s = record(s, fault('lab-crash-1'), 2100);
  // The same field again within the merge window: the fault between keeps it a step of its own.
  s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 8 }), mergeKey: 'service-1.workers', atMs: 2200 });
  return s;
}

describe('one history of design edits and lab faults', () => {
  it('undoes in the reverse order of the actions and redoes in their order', () => {
    let s = interleaved();
    expect(s.past).toHaveLength(4);
    expect(workers(s)).toBe(8);
    s = editorReducer(s, { type: 'undo' });
    expect(workers(s)).toBe(4);
    expect(nextUndo(s)).toBe('lab-crash-1');
    const beforeFaultUndo = s.doc;
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc).toBe(beforeFaultUndo);
    expect(nextUndo(s)).toBe('edit');
    s = editorReducer(s, { type: 'undo' });
    expect(workers(s)).toBeUndefined();
    expect(s.future.map((step) => (isOutsideStep(step) ? step.outside.about.fault.id : 'edit'))).toEqual(['edit', 'lab-crash-1', 'edit']);
    s = editorReducer(s, { type: 'redo' });
    expect(workers(s)).toBe(4);
    s = editorReducer(s, { type: 'redo' });
    expect(nextUndo(s)).toBe('lab-crash-1');
    s = editorReducer(s, { type: 'redo' });
    expect(workers(s)).toBe(8);
  });

  it('a new action of either kind drops what could be redone', () => {
    let s = interleaved();
    s = editorReducer(s, { type: 'undo' });
    s = editorReducer(s, { type: 'undo' });
    expect(s.future).toHaveLength(2);
    s = record(s, fault('lab-crash-2'), 3000);
    expect(s.future).toEqual([]);
    s = editorReducer(s, { type: 'undo' });
    s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 2 }), atMs: 4000 });
    expect(s.future).toEqual([]);
  });

  it('a new document starts a new history, faults included', () => {
    const s = editorReducer(interleaved(), { type: 'reset', doc: empty });
    expect(s.past).toEqual([]);
    expect(s.future).toEqual([]);
  });
});
