import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatPercent } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useEdgeHighlighted, useEdgeLive } from '../lab/LiveContext';

/** Most requests drawn on one edge at once, so a busy edge stays readable. */
const MAX_DOTS = 5;
const DOT_TRAVEL_S = 1.2;

/**
 * An edge of the design. While a run plays it shows its traffic at the cursor and, at slow
 * speeds, requests moving along it, green when they succeeded and red in proportion to failures.
 */
function LiveEdgeView(props: EdgeProps) {
  const { id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, label, style } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, sourcePosition, targetX, targetY, targetPosition });
  const { live, isShowingRequests } = useEdgeLive(id);
  const isTraced = useEdgeHighlighted(id);
  const { t, i18n } = useTranslation('canvas');
  const d = useDomain();
  const isBusy = live !== undefined && live.rps > 0;
  const dots = isBusy && isShowingRequests ? Math.max(1, Math.min(MAX_DOTS, Math.round(Math.log2(1 + live.rps / 10)))) : 0;
  const failedDots = live ? Math.round(live.failedRatio * dots) : 0;
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} className={isTraced ? 'is-traced' : undefined} label={typeof label === 'string' ? d.edgeKind(label) : label} labelX={labelX} labelY={labelY} />
      {Array.from({ length: dots }, (_, i) => (
        <circle key={i} r={4} className={i < failedDots ? 'sl-request-dot is-failed' : 'sl-request-dot'}>
          <animateMotion dur={`${DOT_TRAVEL_S}s`} begin={`${(i * DOT_TRAVEL_S) / dots}s`} repeatCount="indefinite" path={path} />
        </circle>
      ))}
      {live && (
        <EdgeLabelRenderer>
          <div
            className={`sl-edge-traffic nodrag nopan${live.failedRatio > 0.05 ? ' is-failing' : ''}`}
            data-testid={`traffic-${id}`}
            style={{ transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + (label ? 14 : 0)}px)` }}
          >
            {live.failedRatio > 0 ? t('trafficFailed', { rate: Math.round(live.rps), percent: formatPercent(live.failedRatio, i18n.language, 0) }) : t('traffic', { rate: Math.round(live.rps) })}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LiveEdge = memo(LiveEdgeView);
