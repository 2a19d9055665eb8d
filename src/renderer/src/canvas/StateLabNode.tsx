import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { NodeLiveState } from './NodeLiveState';

export type StateLabNodeData = { label: string; kind: NodeKind; isLocked?: boolean; /** Wiring issues (shared/wiring.ts), one per line. */ warning?: string };
export type StateLabFlowNode = Node<StateLabNodeData, 'statelab'>;

/** One component for every kind: an icon, the label and the kind, coloured by kind. */
function StateLabNodeView({ id, data, selected }: NodeProps<StateLabFlowNode>) {
  const info = NODE_KIND_SPECS[data.kind];
  return (
    <div className={`sl-node${selected ? ' is-selected' : ''}`} style={{ borderColor: info.color }} data-kind={data.kind} data-locked={data.isLocked ? 'true' : undefined} title={info.description}>
      <Handle type="target" position={Position.Left} />
      <svg className="sl-node-icon" viewBox="0 0 24 24" aria-hidden="true" style={{ color: info.color }}>
        <path d={info.icon} />
      </svg>
      <div className="sl-node-text">
        <div className="sl-node-label">{data.label}</div>
        <div className="sl-node-kind">{info.label}{data.isLocked ? ' · locked' : ''}</div>
        <NodeLiveState id={id} />
      </div>
      {data.warning !== undefined && (
        <span className="sl-node-badge" role="img" aria-label={`Not wired: ${data.warning}`} title={data.warning} data-testid="wiring-badge">
          !
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const StateLabNode = memo(StateLabNodeView);
