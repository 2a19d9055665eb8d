import dagre from '@dagrejs/dagre';
import type { Graph } from '../../../shared/graph';
import type { XY } from './commands';

/** Size a node is laid out with when React Flow has not measured it yet. */
const FALLBACK = { width: 170, height: 56 };

/**
 * Automatic layout (L): requests flow left to right in ranks, as students draw them on paper.
 * Uses measured node sizes where React Flow has them, so wide labels do not overlap.
 */
export function layoutGraph(graph: Graph, sizes: ReadonlyMap<string, { width: number; height: number }>): Map<string, XY> {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'LR', nodesep: 30, ranksep: 90, marginx: 0, marginy: 0 });
  g.setDefaultEdgeLabel(() => ({}));
  for (const node of graph.nodes) g.setNode(node.id, { ...(sizes.get(node.id) ?? FALLBACK) });
  for (const edge of graph.edges) g.setEdge(edge.source, edge.target);
  dagre.layout(g);
  const positions = new Map<string, XY>();
  for (const node of graph.nodes) {
    const laid = g.node(node.id);
    const { width, height } = sizes.get(node.id) ?? FALLBACK;
    positions.set(node.id, { x: Math.round(laid.x - width / 2), y: Math.round(laid.y - height / 2) });
  }
  return positions;
}
