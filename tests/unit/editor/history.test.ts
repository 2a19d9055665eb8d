import { describe, expect, it } from 'vitest';
import type { Draft } from 'immer';
import { addEdge, addNode, copyFragment, deleteItems, insertFragment, moveNodes, planPaste, setNodeProps } from '../../../src/renderer/src/editor/commands';
import { editorReducer, initialEditorState, MERGE_WINDOW_MS, TYPING_SESSION, type EditorState } from '../../../src/renderer/src/editor/history';
import { GRAPH_FORMAT, GRAPH_VERSION, GraphSchema, type Graph } from '../../../src/shared/graph';

const empty: Graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
let clock = 0;
const edit = (state: EditorState, recipe: (draft: Draft<Graph>) => void, mergeKey?: string) =>
  editorReducer(state, { type: 'edit', recipe, mergeKey, atMs: (clock += 10_000) });

function buildTier(): EditorState {
  let s = initialEditorState(empty);
  s = edit(s, addNode('client', { x: 0, y: 0 }));
  s = edit(s, addNode('load-balancer', { x: 200, y: 0 }));
  for (let i = 0; i < 3; i++) s = edit(s, addNode('service', { x: 400, y: i * 100 }));
  s = edit(s, addNode('database', { x: 600, y: 0 }));
  s = edit(s, addEdge('client-1', 'load-balancer-1', 'request'));
  for (let i = 1; i <= 3; i++) s = edit(s, addEdge('load-balancer-1', `service-${i}`, 'request'));
  s = edit(s, setNodeProps('load-balancer-1', { policy: 'sticky' }));
  s = edit(s, moveNodes(new Map([['database-1', { x: 640, y: 20 }]])));
  return s;
}

describe('editor history', () => {
  it('builds a valid document with stable, readable ids', () => {
    const { doc } = buildTier();
    expect(GraphSchema.safeParse(doc).success).toBe(true);
    expect(doc.nodes.map((n) => n.id)).toEqual(['client-1', 'load-balancer-1', 'service-1', 'service-2', 'service-3', 'database-1']);
    expect(doc.nodes.map((n) => n.label)).toEqual(['Client', 'Load balancer', 'Service 1', 'Service 2', 'Service 3', 'Database']);
  });

  it('undoes ten steps back to the empty graph and redoes them to the same document', () => {
    const built = buildTier();
    expect(built.past).toHaveLength(12);
    let s = built;
    for (let i = 0; i < 12; i++) s = editorReducer(s, { type: 'undo' });
    expect(s.doc).toEqual(empty);
    for (let i = 0; i < 12; i++) s = editorReducer(s, { type: 'redo' });
    expect(s.doc).toEqual(built.doc);
  });

  it('merges rapid edits of one field into one undo step, and a new edit clears redo', () => {
    let s = buildTier();
    s = edit(s, setNodeProps('service-1', { workers: 1 }), 'service-1.workers');
    s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 12 }), mergeKey: 'service-1.workers', atMs: clock + 100 });
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc.nodes[2]!.props).toEqual({});
    s = edit(s, moveNodes(new Map([['client-1', { x: 5, y: 5 }]])));
    expect(s.future).toEqual([]);
  });

  it('merges what is typed in one focus of a field into one step however slowly, and nothing across two focuses or another edit', () => {
    let s = buildTier();
    const before = s.past.length;
    // "250" typed a character every ten seconds: one step.
    for (const workers of [2, 25, 250]) s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers }), mergeKey: 'service-1.workers#typing-1', mergeWindowMs: TYPING_SESSION, atMs: (clock += 10_000) });
    expect(s.past).toHaveLength(before + 1);
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc.nodes[2]!.props).toEqual({});
    s = editorReducer(s, { type: 'redo' });
    expect(s.doc.nodes[2]!.props).toEqual({ workers: 250 });
    // The field focused again: a step of its own.
    s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 3 }), mergeKey: 'service-1.workers#typing-2', mergeWindowMs: TYPING_SESSION, atMs: (clock += 100) });
    expect(s.past).toHaveLength(before + 2);
    // Another edit in between ends the session's step, even with the same key.
    s = edit(s, moveNodes(new Map([['client-1', { x: 7, y: 7 }]])));
    s = editorReducer(s, { type: 'edit', recipe: setNodeProps('service-1', { workers: 4 }), mergeKey: 'service-1.workers#typing-2', mergeWindowMs: TYPING_SESSION, atMs: (clock += 100) });
    expect(s.past).toHaveLength(before + 4);
  });

  it('merges key presses with one key only within the default window (an arrow key held down, not pressed again later)', () => {
    let s = buildTier();
    const before = s.past.length;
    const nudge = (x: number, atMs: number) => (s = editorReducer(s, { type: 'edit', recipe: moveNodes(new Map([['client-1', { x, y: 0 }]])), mergeKey: 'keys:client-1', atMs }));
    const t0 = (clock += 10_000);
    nudge(5, t0);
    nudge(10, t0 + 30);
    nudge(15, t0 + 60);
    expect(s.past).toHaveLength(before + 1);
    nudge(20, t0 + 60 + MERGE_WINDOW_MS + 1);
    expect(s.past).toHaveLength(before + 2);
    s = editorReducer(s, { type: 'undo' });
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc.nodes[0]!.position).toEqual({ x: 0, y: 0 });
  });

  it('deletes a node with its edges but never a locked one', () => {
    let s = buildTier();
    s = edit(s, deleteItems(new Set(['load-balancer-1', 'client-1']), new Set(), new Set(['client-1'])));
    expect(s.doc.nodes.map((n) => n.id)).toContain('client-1');
    expect(s.doc.nodes.map((n) => n.id)).not.toContain('load-balancer-1');
    expect(s.doc.edges).toEqual([]);
  });

  it('pastes a copy with fresh ids and its inner edges', () => {
    let s = buildTier();
    const fragment = copyFragment(s.doc, new Set(['load-balancer-1', 'service-1']));
    const planned = planPaste(s.doc, fragment, { x: 40, y: 40 });
    s = edit(s, insertFragment(planned));
    expect(planned.nodes.map((n) => n.id)).toEqual(['load-balancer-2', 'service-4']);
    expect(planned.edges).toEqual([expect.objectContaining({ source: 'load-balancer-2', target: 'service-4' })]);
    expect(planned.nodes[0]!.props).toEqual({ policy: 'sticky' });
    expect(GraphSchema.safeParse(s.doc).success).toBe(true);
  });

  it('replaces the whole document as one step: undo brings back what was there, redo the replacement', () => {
    const built = buildTier();
    const restored: Graph = { ...empty, nodes: [{ id: 'db', kind: 'database', label: 'From the autosave', position: { x: 5, y: 5 }, props: {} }] };
    let s = editorReducer(built, { type: 'replace', doc: restored, atMs: (clock += 10_000) });
    expect(s.doc).toEqual(restored);
    expect(s.past).toHaveLength(built.past.length + 1);
    s = editorReducer(s, { type: 'undo' });
    expect(s.doc).toEqual(built.doc);
    s = editorReducer(s, { type: 'redo' });
    expect(s.doc).toEqual(restored);
    // The edits before the replacement are still there to undo, one by one.
    for (let i = 0; i <= built.past.length; i++) s = editorReducer(s, { type: 'undo' });
    expect(s.doc).toEqual(empty);
  });
});
