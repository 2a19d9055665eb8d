import { useTranslation } from 'react-i18next';
import { forwardRef, memo, useMemo } from 'react';
import type { RequestTrace, TraceHop } from '../../../../shared/requestTrace';
import { formatEventTime, formatMs } from '../../i18n/format';
import { useDomain } from '../../i18n/useDomain';
import { LANE_W, TOP, layoutSequence, type Arrow, type Mark } from './sequenceLayout';

/** Drawn with presentation attributes (no stylesheet), so the exported SVG looks the same. */
const INK = '#1f2937';
const MUTED = '#6b7280';
const REQUEST = '#2563eb';
const OK = '#059669';
const FAIL = '#dc2626';
const HEADS = [
  ['sl-seq-req', REQUEST],
  ['sl-seq-ok', OK],
  ['sl-seq-fail', FAIL],
] as const;
const FONT = 'system-ui, -apple-system, "Segoe UI", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif';

const isFailed = (h: TraceHop) => h.outcome !== undefined && h.outcome !== 'ok' && h.outcome !== 'miss';

/**
 * A request's sequence diagram: a lane per node it touched, an arrow per message (send and
 * arrival times, link latency), queue waits (grey) and service times (blue) as bars on the lanes,
 * the timeout that fired, crashes, the balancer's health belief, the owner's epoch, why a session
 * was lost, and the outcome. Hovering an arrow highlights its connection on the canvas; clicking
 * (or Enter) moves the lab to that moment. Memoized: playback re-renders the panel at every update, not this.
 */
export const SequenceDiagram = memo(forwardRef<SVGSVGElement, { trace: RequestTrace; lanes?: readonly string[] | undefined; labelOf(id: string): string; onHoverEdge(edge: string | undefined): void; onSeek(ms: number): void }>(function SequenceDiagram({ trace, lanes, labelOf, onHoverEdge, onSeek }, ref) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const lang = i18n.language;
  const layout = useMemo(() => layoutSequence(trace, lanes), [trace, lanes]);
  const ms = (v: number) => formatMs(v, lang, v < 10 ? 2 : 1);
  const s = (v: number) => formatEventTime(v, lang);

  const arrowLabel = (a: Arrow, h: TraceHop) => {
    const took = a.arrivedMs !== undefined ? ms(a.arrivedMs - a.sentMs) : t('requestTrace.lost');
    if (a.kind === 'request') return `${t(`requestTrace.op.${h.op}`)} · ${took}`;
    return `${h.outcome === undefined ? '' : h.outcome === 'ok' ? t('requestTrace.ok') : h.outcome === 'miss' ? t('requestTrace.miss') : d.reason(h.outcome)} · ${took}`;
  };
  const beliefList = (h: TraceHop) => h.lbBelief!.map((b) => `${labelOf(b.node)} ${b.isHealthy && b.isRegistered ? '✓' : '✗'}`).join(' · ');
  const beliefText = (h: TraceHop) => `${t('requestTrace.believes')} ${beliefList(h)}`;
  const markText = (m: Mark, h: TraceHop): string => {
    switch (m.kind) {
      case 'timeout':
        return t('requestTrace.timeoutFired', { time: s(m.atMs) });
      case 'calleeCrashed':
        return t('requestTrace.crashedHolding', { time: s(m.atMs) });
      case 'refused':
        return t('requestTrace.refused');
      case 'owner':
        return t('requestTrace.owner', { partition: h.owner!.partition, epoch: h.owner!.epoch, owner: h.owner!.owner !== undefined ? labelOf(h.owner!.owner) : '—' });
      case 'sessionLost': {
        const loss = h.sessionLoss!;
        return t(`requestTrace.loss.${loss.reason}`, { holder: loss.holder !== undefined ? labelOf(loss.holder) : '—', time: s(loss.atMs) });
      }
      case 'lbBelief':
        return beliefText(h);
    }
  };
  const outcome =
    trace.outcome === undefined
      ? t('requestTrace.stillOpen')
      : trace.outcome === 'ok'
        ? t('requestTrace.outcomeOk', { latency: ms(trace.endMs! - trace.startMs), count: trace.attempts })
        : t('requestTrace.outcomeFailed', { reason: d.reason(trace.outcome), latency: ms(trace.endMs! - trace.startMs), count: trace.attempts });
  const laneTop = TOP - 8;
  return (
    <svg
      ref={ref}
      xmlns="http://www.w3.org/2000/svg"
      className="sl-sequence"
      width={layout.width}
      height={layout.height}
      viewBox={`0 0 ${layout.width} ${layout.height}`}
      fontFamily={FONT}
      fontSize={11}
      role="group"
      aria-label={t('requestTrace.diagramLabel', { id: `${trace.id.client} #${trace.id.n}` })}
      data-testid="sequence-diagram"
    >
      <defs>
        {HEADS.map(([id, color]) => (
          <marker key={id} id={id} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
            <path d="M0,0 L10,5 L0,10 z" fill={color} />
          </marker>
        ))}
      </defs>
      <rect width={layout.width} height={layout.height} fill="#ffffff" />
      {layout.rows.map((r) => (
        <text key={r.atMs} x={6} y={r.y + 4} fill={MUTED} fontSize={10}>
          {s(r.atMs)}
        </text>
      ))}
      {layout.lanes.map((l) => (
        <g key={l.id} data-lane={l.id}>
          <text x={l.x} y={18} textAnchor="middle" fontWeight={700} fill={INK}>
            {labelOf(l.id)}
          </text>
          <line x1={l.x} y1={laneTop} x2={l.x} y2={layout.outcomeY - 12} stroke="#d1d5db" strokeWidth={2} />
        </g>
      ))}
      {layout.laneNotes.map((n) => (
        <text key={n.lane} data-mark="lbBelief" x={n.x} y={34} textAnchor="middle" fill={MUTED} fontSize={9} pointerEvents="none">
          <tspan x={n.x}>{t('requestTrace.believes')}</tspan>
          <tspan x={n.x} dy={11}>
            {beliefList(trace.hops[n.hop]!)}
          </tspan>
        </text>
      ))}
      {layout.bars.map((b, i) => (
        <rect key={i} data-bar={b.kind} x={b.x - 5} y={b.y1} width={10} height={Math.max(3, b.y2 - b.y1)} rx={2} fill={b.kind === 'queue' ? '#d1d5db' : '#93c5fd'} stroke={b.kind === 'queue' ? '#9ca3af' : REQUEST} strokeWidth={1}>
          <title>{b.kind === 'queue' ? t('requestTrace.queueWait') : t('requestTrace.serviceTime')}</title>
        </rect>
      ))}
      {layout.arrows.map((a, i) => {
        const h = trace.hops[a.hop]!;
        const color = a.kind === 'request' ? REQUEST : isFailed(h) ? FAIL : OK;
        const label = arrowLabel(a, h);
        const atMs = a.arrivedMs ?? a.sentMs;
        const seek = () => onSeek(atMs);
        const mx = (a.x1 + a.x2) / 2;
        const my = (a.y1 + a.y2) / 2;
        return (
          <g
            key={i}
            className="sl-seq-arrow"
            data-message={a.kind}
            data-hop={a.hop}
            data-edge={a.edge}
            data-at-ms={atMs}
            tabIndex={0}
            role="button"
            aria-label={`${labelOf(a.kind === 'request' ? h.from : h.to)} → ${labelOf(a.kind === 'request' ? h.to : h.from)}: ${label}`}
            onMouseEnter={() => onHoverEdge(a.edge)}
            onMouseLeave={() => onHoverEdge(undefined)}
            onFocus={() => onHoverEdge(a.edge)}
            onBlur={() => onHoverEdge(undefined)}
            onClick={seek}
            onKeyDown={(e) => {
              if (e.key === 'Enter' || e.key === ' ') {
                e.preventDefault();
                seek();
              }
            }}
            cursor="pointer"
          >
            <title>{t('requestTrace.seekHint', { time: s(atMs) })}</title>
            <line x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} stroke="transparent" strokeWidth={12} />
            <line x1={a.x1} y1={a.y1} x2={a.x2} y2={a.y2} stroke={color} strokeWidth={1.6} strokeDasharray={a.kind === 'response' ? '5 3' : undefined} markerEnd={`url(#sl-seq-${color === REQUEST ? 'req' : color === OK ? 'ok' : 'fail'})`} />
            {a.arrivedMs === undefined && (
              <text x={a.x2} y={a.y2 + 4} textAnchor="middle" fill={FAIL} fontWeight={700}>
                ✕
              </text>
            )}
            <text x={mx} y={my - 4} textAnchor="middle" fill={color} fontSize={10} paintOrder="stroke" stroke="#ffffff" strokeWidth={3}>
              {label}
            </text>
          </g>
        );
      })}
      {layout.marks.map((m, i) => {
        const h = trace.hops[m.hop]!;
        const isBad = m.kind === 'timeout' || m.kind === 'calleeCrashed' || m.kind === 'refused' || m.kind === 'sessionLost';
        return (
          <text key={i} data-mark={m.kind} pointerEvents="none" x={m.x + 9} y={m.y + (m.kind === 'lbBelief' ? 14 : 4)} fill={isBad ? FAIL : MUTED} fontWeight={isBad ? 700 : 400} fontSize={10} paintOrder="stroke" stroke="#ffffff" strokeWidth={3}>
            {m.kind === 'sessionLost' ? (
              <>
                <tspan x={m.x + 9}>{t('requestTrace.lossTitle')}</tspan>
                <tspan x={m.x + 9} dy={12}>
                  {markText(m, h)}
                </tspan>
              </>
            ) : (
              markText(m, h)
            )}
          </text>
        );
      })}
      <text x={layout.lanes[0]?.x ?? LANE_W} y={layout.outcomeY} fill={trace.outcome === 'ok' ? OK : FAIL} fontWeight={700} data-testid="trace-outcome">
        {outcome}
      </text>
    </svg>
  );
}));
