import { Background, Controls, MarkerType, MiniMap, ReactFlow, type Edge } from '@xyflow/react';
import { useMemo } from 'react';
import type { Graph } from '../../../shared/graph';
import { StateLabNode, type StateLabFlowNode } from './StateLabNode';
import { KIND_INFO } from './kinds';

// Defined at module level so React Flow never sees a new nodeTypes object.
const nodeTypes = { statelab: StateLabNode };

/** React Flow is a view of the graph document: flow nodes and edges are derived from it. */
export function toFlow(graph: Graph): { nodes: StateLabFlowNode[]; edges: Edge[] } {
  return {
    nodes: graph.nodes.map((node) => ({
      id: node.id,
      type: 'statelab',
      position: node.position,
      data: { label: node.label, kind: node.kind },
    })),
    edges: graph.edges.map((edge) => ({
      id: edge.id,
      source: edge.source,
      target: edge.target,
      className: `sl-edge sl-edge-${edge.kind}`,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      label: edge.kind === 'replication' ? 'replication' : undefined,
    })),
  };
}

export function FlowCanvas({ graph }: { graph: Graph }) {
  const { nodes, edges } = useMemo(() => toFlow(graph), [graph]);
  return (
    <ReactFlow nodes={nodes} edges={edges} nodeTypes={nodeTypes} fitView>
      <Background gap={20} />
      <MiniMap pannable zoomable nodeColor={(n) => KIND_INFO[(n as StateLabFlowNode).data.kind].color} />
      <Controls />
    </ReactFlow>
  );
}
