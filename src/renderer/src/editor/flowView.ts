/**
 * React Flow is a view of the graph document: these build flow nodes and edges from it, reusing
 * the previous object when nothing the view shows has changed, so memoized nodes do not re-render
 * (what keeps a 200-node design smooth while dragging).
 */
import { MarkerType, type Edge } from '@xyflow/react';
import type { GraphEdge, GraphNode } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import type { WiringIssue } from '../../../shared/wiring';
import type { StateLabFlowNode } from '../canvas/StateLabNode';

const NO_ISSUES: ReadonlyMap<string, readonly WiringIssue[]> = new Map();

export interface Selection {
  nodes: ReadonlySet<string>;
  edges: ReadonlySet<string>;
}
export const EMPTY_SELECTION: Selection = { nodes: new Set(), edges: new Set() };

/** How a node is announced: its label, its kind and whether it is locked, in the student's language. */
export type DescribeNode = (label: string, kind: GraphNode['kind'], isLocked: boolean) => string;
const describeInEnglish: DescribeNode = (label, kind, isLocked) => `${label}, ${NODE_KIND_SPECS[kind].label}${isLocked ? ', locked' : ''}`;

/**
 * `wiring`: the design's wiring issues by node (shared/wiring.ts), shown as a badge on the node;
 * `nameOf`: the node's name as the student sees it (the lesson's name in their language, or their label).
 */
export function syncFlowNodes(
  previous: readonly StateLabFlowNode[],
  nodes: readonly GraphNode[],
  selection: Selection,
  locked: ReadonlySet<string>,
  describe: DescribeNode = describeInEnglish,
  wiring: ReadonlyMap<string, readonly WiringIssue[]> = NO_ISSUES,
  nameOf: (node: GraphNode) => string = (node) => node.label,
): StateLabFlowNode[] {
  const byId = new Map(previous.map((n) => [n.id, n]));
  return nodes.map((node) => {
    const prev = byId.get(node.id);
    const selected = selection.nodes.has(node.id);
    const isLocked = locked.has(node.id);
    const warning = wiring.get(node.id)?.map((i) => i.message).join('\n');
    const label = nameOf(node);
    const ariaLabel = describe(label, node.kind, isLocked);
    if (
      prev &&
      prev.ariaLabel === ariaLabel &&
      prev.data.label === label &&
      prev.data.warning === warning &&
      prev.data.kind === node.kind &&
      prev.data.isLocked === isLocked &&
      prev.position.x === node.position.x &&
      prev.position.y === node.position.y &&
      Boolean(prev.selected) === selected
    ) {
      return prev;
    }
    return {
      ...prev,
      id: node.id,
      type: 'statelab',
      position: node.position,
      selected,
      deletable: !isLocked,
      // Screen readers and Tab announce the node as its card reads: label, then kind.
      ariaLabel,
      data: { label, kind: node.kind, isLocked, warning },
    };
  });
}

export function syncFlowEdges(previous: ReadonlyMap<string, Edge>, edges: readonly GraphEdge[], selection: Selection): Edge[] {
  return edges.map((edge) => {
    const prev = previous.get(edge.id);
    const selected = selection.edges.has(edge.id);
    if (prev && prev.source === edge.source && prev.target === edge.target && prev.data?.kind === edge.kind && Boolean(prev.selected) === selected) return prev;
    return {
      id: edge.id,
      type: 'live',
      source: edge.source,
      target: edge.target,
      selected,
      data: { kind: edge.kind },
      className: `sl-edge sl-edge-${edge.kind}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      label: edge.kind === 'replication' ? 'replication' : undefined,
    };
  });
}
