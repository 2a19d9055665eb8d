/**
 * Applies a lesson's graph edit (GraphEditSchema in lesson.ts) to a graph: how a common wrong
 * answer is built from the starter. Pure; ids it names that the graph lacks are left for the pack
 * validator to report (graphEditIssues), so applying never throws.
 */
import type { Graph } from './graph';
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

/** What an edit names that the graph does not have (or already has), as [JSON path under the edit, message]. */
export function graphEditIssues(graph: Graph, edit: GraphEdit): [string, string][] {
  const issues: [string, string][] = [];
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const edgeIds = new Set(graph.edges.map((e) => e.id));
  const listed = () => [...nodeIds].sort().slice(0, 20).join(', ');
  edit.removeEdges.forEach((id, i) => {
    if (!edgeIds.has(id)) issues.push([`removeEdges[${i}]`, `unknown edge "${id}": expected an edge of the starter graph`]);
  });
  edit.removeNodes.forEach((id, i) => {
    if (!nodeIds.has(id)) issues.push([`removeNodes[${i}]`, `unknown node "${id}": expected a node of the starter graph (${listed()})`]);
    nodeIds.delete(id);
  });
  edit.addNodes.forEach((n, i) => {
    if (nodeIds.has(n.id)) issues.push([`addNodes[${i}].id`, `node "${n.id}" already exists`]);
    nodeIds.add(n.id);
  });
  edit.addEdges.forEach((e, i) => {
    if (edgeIds.has(e.id)) issues.push([`addEdges[${i}].id`, `edge "${e.id}" already exists`]);
    for (const end of ['source', 'target'] as const) {
      if (!nodeIds.has(e[end])) issues.push([`addEdges[${i}].${end}`, `unknown node "${e[end]}": expected a node of the edited graph (${listed()})`]);
    }
  });
  for (const id of Object.keys(edit.setProps)) {
    if (!nodeIds.has(id)) issues.push([`setProps.${id}`, `unknown node "${id}": expected a node of the edited graph (${listed()})`]);
  }
  return issues;
}
