import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { formatPercent } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useEdgeHighlighted, useEdgeLive, useTraceEdge } from '../lab/LiveContext';

/** Most requests drawn on one edge at once, so a busy edge stays readable. */
const MAX_DOTS = 5;
const DOT_TRAVEL_S = 1.2;

/**
 * An edge of the design. While a run plays it shows its traffic at the cursor and, at slow
 * speeds, requests moving along it, green when they succeeded and red in proportion to failures.
 * The dots, and the traffic label (a button, for the keyboard), trace the first request that
 * crossed this connection at or after the cursor.
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
  const traceEdge = useTraceEdge();
  const traceHere = traceEdge ? () => traceEdge(id) : undefined;
  const traceLabel = t('traceDots');
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} className={isTraced ? 'is-traced' : undefined} label={typeof label === 'string' ? d.edgeKind(label) : label} labelX={labelX} labelY={labelY} />
      {dots > 0 && (
        // The label's button is the keyboard's way in; the moving dots are a mouse target only.
        <g className={traceHere ? 'sl-request-dots is-pickable' : 'sl-request-dots'} data-testid={`dots-${id}`} onClick={traceHere}>
          {traceHere && <title>{traceLabel}</title>}
          {Array.from({ length: dots }, (_, i) => (
            <circle key={i} r={5} className={i < failedDots ? 'sl-request-dot is-failed' : 'sl-request-dot'}>
              <animateMotion dur={`${DOT_TRAVEL_S}s`} begin={`${(i * DOT_TRAVEL_S) / dots}s`} repeatCount="indefinite" path={path} />
            </circle>
          ))}
        </g>
      )}
      {live && (
        <EdgeLabelRenderer>
          {(() => {
            const text = live.failedRatio > 0 ? t('trafficFailed', { rate: Math.round(live.rps), percent: formatPercent(live.failedRatio, i18n.language, 0) }) : t('traffic', { rate: Math.round(live.rps) });
            const isFailing = live.failedRatio > 0.05;
            const style = { transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY + (label ? 14 : 0)}px)` };
            return traceHere && isBusy ? (
              <button type="button" className={`sl-edge-traffic nodrag nopan is-pickable${isFailing ? ' is-failing' : ''}`} data-testid={`traffic-${id}`} style={style} onClick={traceHere} title={traceLabel} aria-label={`${text} · ${traceLabel}`}>
                {text}
              </button>
            ) : (
              <div className={`sl-edge-traffic nodrag nopan${isFailing ? ' is-failing' : ''}`} data-testid={`traffic-${id}`} style={style}>
                {text}
              </div>
            );
          })()}
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LiveEdge = memo(LiveEdgeView);
