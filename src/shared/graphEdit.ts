/**
 * Applies a lesson's graph edit (GraphEditSchema in lesson.ts) to a graph: how a common wrong
 * answer is built from the starter. Pure; ids it names that the graph lacks are left for the pack
 * validator to report (graphEditIssues), so applying never throws.
 */
import type { Graph } from './graph';
import { englishPackText, packMessage, type PackMessage } from './i18n/packTexts';
import type { GraphEdit } from './lesson';

export function applyGraphEdit(graph: Graph, edit: GraphEdit): Graph {
  const goneNodes = new Set(edit.removeNodes);
  const goneEdges = new Set(edit.removeEdges);
  const nodes = [...graph.nodes.filter((n) => !goneNodes.has(n.id)), ...edit.addNodes].map((n) => {
    const props = edit.setProps[n.id];
    return props === undefined ? n : { ...n, props: { ...n.props, ...props } };
  });
  const edges = [...graph.edges.filter((e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target)), ...edit.addEdges];
  return { ...graph, nodes, edges };
}

/** What an edit names that the graph does not have (or already has), as [JSON path under the edit, message, its key in PACK_TEXTS]. */
export function graphEditIssues(graph: Graph, edit: GraphEdit): [string, string, PackMessage][] {
  const issues: [string, string, PackMessage][] = [];
  const add = (path: string, text: PackMessage) => issues.push([path, englishPackText(text), text]);
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const listed = () => [...nodeIds].sort().slice(0, 20).join(', ');
  edit.removeEdges.forEach((id, i) => {
    if (!edgeIds.has(id)) add(`removeEdges[${i}]`, packMessage('edit.unknownEdge', { id }));
  });
  edit.removeNodes.forEach((id, i) => {
    if (!nodeIds.has(id)) add(`removeNodes[${i}]`, packMessage('edit.unknownNode', { id, known: listed() }));
    nodeIds.delete(id);
  });
  // A removed edge (or one a removed node took along) frees its id for an added edge.
  for (const e of graph.edges) if (edit.removeEdges.includes(e.id) || !nodeIds.has(e.source) || !nodeIds.has(e.target)) edgeIds.delete(e.id);
  edit.addNodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) add(`addNodes[${i}].id`, packMessage('edit.nodeExists', { id: n.id }));
    nodeIds.add(n.id);
  });
  edit.addEdges.forEach((e, i) => {
    if (edgeIds.has(e.id)) add(`addEdges[${i}].id`, packMessage('edit.edgeExists', { id: e.id }));
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(e[end])) add(`addEdges[${i}].${end}`, packMessage('edit.unknownEditedNode', { id: e[end], known: listed() }));
    }
  });
  for (const id of Object.keys(edit.setProps)) {
    if (!nodeIds.has(id)) add(`setProps.${id}`, packMessage('edit.unknownEditedNode', { id, known: listed() }));
  }
  return issues;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * The edit that turns `from` into `to` (how the studio stores the canvas as a common wrong answer):
 * changed props become setProps; a node whose kind, label or position changed, or that lost a prop,
 * is removed and added again (its edges too); a changed edge is removed and added again.
 * applyGraphEdit(from, diffGraphs(from, to)) has `to`'s nodes and edges (kept ones in `from`'s order).
 */
export function diffGraphs(from: Graph, to: Graph): GraphEdit {
  const before = new Map(from.nodes.map((n) => [n.id, n]));
  const edit: GraphEdit = { removeEdges: [], removeNodes: [], addNodes: [], addEdges: [], setProps: {} };
  const kept = new Set<string>();
  for (const node of to.nodes) {
    const old = before.get(node.id);
    if (old && old.kind === node.kind && old.label === node.label && same(old.position, node.position) && Object.keys(old.props).every((k) => k in node.props)) {
      kept.add(node.id);
      const changed = Object.entries(node.props).filter(([k, v]) => !same(old.props[k], v));
      if (changed.length > 0) edit.setProps[node.id] = Object.fromEntries(changed);
    } else {
      if (old) edit.removeNodes.push(node.id);
      edit.addNodes.push(node);
    }
  }
  for (const node of from.nodes) if (!kept.has(node.id) && !edit.removeNodes.includes(node.id)) edit.removeNodes.push(node.id);
  const oldEdges = new Map(from.edges.map((e) => [e.id, e]));
  const keptEdges = new Set<string>();
  for (const edge of to.edges) {
    const old = oldEdges.get(edge.id);
    if (old && same(old, edge) && kept.has(edge.source) && kept.has(edge.target)) keptEdges.add(edge.id);
    else {
      if (old && kept.has(old.source) && kept.has(old.target)) edit.removeEdges.push(edge.id);
      edit.addEdges.push(edge);
    }
  }
  for (const edge of from.edges) {
    // An edge of a removed node goes with it; any other edge `to` lacks is removed by id.
    if (!keptEdges.has(edge.id) && !edit.removeEdges.includes(edge.id) && kept.has(edge.source) && kept.has(edge.target)) edit.removeEdges.push(edge.id);
  }
  return edit;
}
