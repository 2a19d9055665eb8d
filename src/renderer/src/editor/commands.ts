/**
 * Every edit the editor can make, as a pure immer recipe over the graph document. The canvas,
 * the keyboard, the palette and the properties panel all go through these, so each is one undo
 * step and each honours the lesson's locks.
 */
import type { Draft } from 'immer';
import type { EdgeKind, EdgeProps, Graph, GraphEdge, GraphNode, NodeKind } from '../../../shared/graph';
import { freshId, freshLabel } from './ids';

type Recipe = (draft: Draft<Graph>) => void;
export type XY = { x: number; y: number };

const DEFAULT_EDGE_PROPS: EdgeProps = { latencyMs: 1, jitterMs: 0, lossRate: 0 };

/**
 * How a new node (from the palette, or a pasted copy whose label clashes) is named: its kind's name
 * in the student's language, numbered past the names the canvas already shows.
 */
export interface NodeNaming {
  base: (kind: NodeKind) => string;
  shown: readonly string[];
}

export const addNode = (kind: NodeKind, position: XY, naming?: NodeNaming): Recipe => (draft) => {
  const id = freshId(kind, new Set(draft.nodes.map((n) => n.id)));
  const label = freshLabel(kind, new Set([...draft.nodes.map((n) => n.label), ...(naming?.shown ?? [])]), naming?.base(kind));
  draft.nodes.push({ id, kind, label, position: { x: Math.round(position.x), y: Math.round(position.y) }, props: {} });
};

export const addEdge = (source: string, target: string, kind: EdgeKind): Recipe => (draft) => {
  const id = freshId(`${source}-${target}`, new Set(draft.edges.map((e) => e.id)));
  draft.edges.push({ id, source, target, kind, props: { ...DEFAULT_EDGE_PROPS } });
};

export const moveNodes = (positions: ReadonlyMap<string, XY>): Recipe => (draft) => {
  for (const node of draft.nodes) {
    const to = positions.get(node.id);
    if (to && (node.position.x !== to.x || node.position.y !== to.y)) node.position = { x: to.x, y: to.y };
  }
};

/** Removes the nodes (except locked ones), their edges, and the given edges. */
export const deleteItems = (nodeIds: ReadonlySet<string>, edgeIds: ReadonlySet<string>, locked: ReadonlySet<string>): Recipe => (draft) => {
  const gone = new Set([...nodeIds].filter((id) => !locked.has(id)));
  draft.nodes = draft.nodes.filter((n) => !gone.has(n.id));
  draft.edges = draft.edges.filter((e) => !edgeIds.has(e.id) && !gone.has(e.source) && !gone.has(e.target));
};

export const setNodeLabel = (id: string, label: string): Recipe => (draft) => {
  const node = draft.nodes.find((n) => n.id === id);
  if (node) node.label = label;
};

export const setNodeProps = (id: string, props: Record<string, unknown>): Recipe => (draft) => {
  const node = draft.nodes.find((n) => n.id === id);
  if (node) node.props = props;
};

export const setEdge = (id: string, change: Partial<Pick<GraphEdge, 'kind' | 'props'>>): Recipe => (draft) => {
  const edge = draft.edges.find((e) => e.id === id);
  if (!edge) return;
  if (change.kind) edge.kind = change.kind;
  if (change.props) edge.props = change.props;
};

/** What copy puts on the clipboard: nodes and the edges among them. */
export interface Fragment {
  nodes: GraphNode[];
  edges: GraphEdge[];
}

export function copyFragment(graph: Graph, nodeIds: ReadonlySet<string>): Fragment {
  return {
    nodes: structuredClone(graph.nodes.filter((n) => nodeIds.has(n.id))),
    edges: structuredClone(graph.edges.filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))),
  };
}

/**
 * The nodes and edges pasting `fragment` into `graph` adds: fresh ids and labels, shifted by
 * `offset`. A copy keeps its label unless a node is labelled or shown with it; then it is named
 * as the palette names a new node (`naming`: in the student's language; English without it).
 * Planned outside the recipe so the caller knows the new ids (to select them).
 */
export function planPaste(graph: Graph, fragment: Fragment, offset: XY, naming?: NodeNaming): Fragment {
  const ids = new Set(graph.nodes.map((n) => n.id));
  const labels = new Set([...graph.nodes.map((n) => n.label), ...(naming?.shown ?? [])]);
  const renamed = new Map<string, string>();
  const nodes = fragment.nodes.map((node) => {
    const id = freshId(node.kind, ids);
    ids.add(id);
    renamed.set(node.id, id);
    const label = labels.has(node.label) ? freshLabel(node.kind, labels, naming?.base(node.kind)) : node.label;
    labels.add(label);
    return { ...structuredClone(node), id, label, position: { x: node.position.x + offset.x, y: node.position.y + offset.y } };
  });
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const edges = fragment.edges.map((edge) => {
    const source = renamed.get(edge.source)!;
    const target = renamed.get(edge.target)!;
    const id = freshId(`${source}-${target}`, edgeIds);
    edgeIds.add(id);
    return { ...structuredClone(edge), id, source, target };
  });
  return { nodes, edges };
}

export const insertFragment = (planned: Fragment): Recipe => (draft) => {
  draft.nodes.push(...structuredClone(planned.nodes));
  draft.edges.push(...structuredClone(planned.edges));
};
