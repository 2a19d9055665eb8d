import { useTranslation } from 'react-i18next';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type EdgeProps, type ReactFlowState } from '@xyflow/react';
import { memo } from 'react';
import { formatPercent } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useEdgeHighlighted, useEdgeLive, useTraceEdge } from '../lab/LiveContext';
import { fitEdgeLabel, labelSizes, labelTextWidth, type Rect } from './edgeLabelFit';
import './canvas.css';

/** Most requests drawn on one edge at once, so a busy edge stays readable. */
const MAX_DOTS = 5;
const DOT_TRAVEL_S = 1.2;

/** Every node's box on the canvas, in flow units. */
const nodeRectsOf = (s: ReactFlowState): Rect[] =>
  Array.from(s.nodeLookup.values(), (n) => ({ x: n.internals.positionAbsolute.x, y: n.internals.positionAbsolute.y, width: n.measured.width ?? 0, height: n.measured.height ?? 0 }));
const sameRects = (a: readonly Rect[], b: readonly Rect[]) => a.length === b.length && a.every((r, i) => r.x === b[i]!.x && r.y === b[i]!.y && r.width === b[i]!.width && r.height === b[i]!.height);

let pageFont: string | undefined;
/** The font the labels inherit (the page's), read once. */
const labelFont = () => (pageFont ??= typeof document === 'undefined' ? 'sans-serif' : getComputedStyle(document.body).fontFamily || 'sans-serif');

/**
 * An edge of the design. While a run plays it shows its traffic at the cursor and, at slow
 * speeds, requests moving along it, green when they succeeded and red in proportion to failures.
 * The dots, and the traffic label (a button, for the keyboard), trace the first request that
 * crossed this connection at or after the cursor. The label lies on no node: on one line where that
 * fits between the cards, else rate over failures, else the failures' share, else a small marker;
 * whole on hover and keyboard focus (edgeLabelFit.ts).
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
  const nodeRects = useStore(nodeRectsOf, sameRects);
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
            const rate = Math.round(live.rps);
            const share = live.failedRatio > 0 ? formatPercent(live.failedRatio, i18n.language, 0) : undefined;
            const text = share !== undefined ? t('trafficFailed', { rate, percent: share }) : t('traffic', { rate });
            const rateText = t('traffic', { rate });
            const failedText = share !== undefined ? t('trafficFailedShare', { percent: share }) : undefined;
            const isFailing = live.failedRatio > 0.05;
            const centreY = labelY + (label ? 14 : 0);
            const width = (s: string) => labelTextWidth(s, labelFont());
            const form = fitEdgeLabel(labelX, centreY, labelSizes(width, { line: text, rate: rateText, failed: failedText, share }), nodeRects);
            const style = { transform: `translate(-50%, -50%) translate(${labelX}px, ${centreY}px)` };
            // Stacked, the rate over the failures; as a share, "29%" (the whole label read out, and shown on hover or focus).
            const content =
              form === 'stacked' ? (
                <>
                  <span className="sl-edge-line">{rateText}</span>
                  <span className="sl-edge-line">{failedText}</span>
                </>
              ) : (
                <>
                  {form === 'share' && (
                    <span className="sl-edge-short" aria-hidden="true">
                      {share}
                    </span>
                  )}
                  <span className="sl-edge-text">{text}</span>
                </>
              );
            return traceHere && isBusy ? (
              <button type="button" className={`sl-edge-traffic nodrag nopan is-pickable is-${form}${isFailing ? ' is-failing' : ''}`} data-testid={`traffic-${id}`} data-form={form} style={style} onClick={traceHere} title={traceLabel} aria-label={`${text} · ${traceLabel}`}>
                {content}
              </button>
            ) : (
              <div className={`sl-edge-traffic nodrag nopan is-${form}${isFailing ? ' is-failing' : ''}`} data-testid={`traffic-${id}`} data-form={form} style={style}>
                {content}
              </div>
            );
          })()}
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const LiveEdge = memo(LiveEdgeView);
