import { useTranslation } from 'react-i18next';
import { Handle, Position, type Node, type NodeProps } from '@xyflow/react';
import { memo } from 'react';
import type { NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { useDomain } from '../i18n/useDomain';
import { NodeLiveState } from './NodeLiveState';

export type StateLabNodeData = { label: string; kind: NodeKind; isLocked?: boolean; /** Wiring issues (shared/wiring.ts), one per line. */ warning?: string };
export type StateLabFlowNode = Node<StateLabNodeData, 'statelab'>;

/** One component for every kind: an icon, the label and the kind, coloured by kind. */
function StateLabNodeView({ id, data, selected }: NodeProps<StateLabFlowNode>) {
  const info = NODE_KIND_SPECS[data.kind];
  const { t } = useTranslation('canvas');
  const d = useDomain();
  return (
    <div className={`sl-node${selected ? ' is-selected' : ''}`} style={{ borderColor: info.color }} data-kind={data.kind} data-locked={data.isLocked ? 'true' : undefined} title={d.kindDescription(data.kind)}>
      <Handle type="target" position={Position.Left} />
      <svg className="sl-node-icon" viewBox="0 0 24 24" aria-hidden="true" style={{ color: info.color }}>
        <path d={info.icon} />
      </svg>
      <div className="sl-node-text">
        <div className="sl-node-label">{data.label}</div>
        <div className="sl-node-kind">{d.kind(data.kind)}{data.isLocked ? ` · ${t('locked')}` : ''}</div>
        <NodeLiveState id={id} />
      </div>
      {data.warning !== undefined && (
        <span className="sl-node-badge" role="img" aria-label={t('notWired', { warning: data.warning })} title={data.warning} data-testid="wiring-badge">
          !
        </span>
      )}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const StateLabNode = memo(StateLabNodeView);
