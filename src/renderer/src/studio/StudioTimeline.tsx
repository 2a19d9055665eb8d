/**
 * The scenario on a time axis: each fault a marker (dragged to move it, in 100 ms steps) with its
 * span, and the selected check's window as a band. Clicking the empty axis adds a fault there.
 */
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { faultId, type Fault } from '../../../shared/scenario';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { faultSpan, msAt, type Span } from './timeline';

interface Props {
  faults: readonly Fault[];
  durationMs: number;
  /** A check window to draw (the check being edited). */
  band?: Span | undefined;
  onMove?(index: number, atMs: number): void;
  onAdd?(atMs: number): void;
}

export function StudioTimeline({ faults, durationMs, band, onMove, onAdd }: Props) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ index: number; atMs: number }>();
  const pct = (ms: number) => `${(100 * ms) / Math.max(1, durationMs)}%`;
  const fractionOf = (clientX: number) => {
    const box = track.current?.getBoundingClientRect();
    return box ? (clientX - box.left) / Math.max(1, box.width) : 0;
  };
  return (
    <div className="sl-studio-timeline" data-testid="studio-timeline">
      <div
        className="sl-studio-track"
        ref={track}
        onClick={(e) => {
          if (e.target === track.current && onAdd) onAdd(msAt(fractionOf(e.clientX), durationMs));
        }}
        title={onAdd ? t('timelineAddHint') : undefined}
      >
        {band && <div className="sl-studio-band" data-testid="timeline-window" style={{ left: pct(band.fromMs), width: pct(Math.max(0, band.toMs - band.fromMs)) }} />}
        {faults.map((fault, i) => {
          const atMs = drag?.index === i ? drag.atMs : fault.atMs;
          const span = faultSpan({ ...fault, atMs }, durationMs);
          const name = faultId(fault, i);
          return (
            <div key={i}>
              <div className="sl-studio-span" style={{ left: pct(span.fromMs), width: pct(span.toMs - span.fromMs) }} />
              <button
                type="button"
                className="sl-studio-marker"
                data-testid={`timeline-fault-${name}`}
                style={{ left: pct(atMs) }}
                aria-label={t('faultAt', { fault: `${d.fault(fault.action)} ${fault.target}`, time: formatSeconds(atMs, i18n.language) })}
                title={`${name}: ${d.fault(fault.action)} ${fault.target} · ${formatSeconds(atMs, i18n.language)}`}
                onPointerDown={(e) => {
                  if (!onMove) return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  setDrag({ index: i, atMs });
                }}
                onPointerMove={(e) => drag?.index === i && setDrag({ index: i, atMs: msAt(fractionOf(e.clientX), durationMs) })}
                onPointerUp={() => {
                  if (drag?.index === i && drag.atMs !== fault.atMs) onMove?.(i, drag.atMs);
                  setDrag(undefined);
                }}
              >
                {d.fault(fault.action)}
              </button>
            </div>
          );
        })}
      </div>
      <div className="sl-studio-axis sl-muted">
        <span>0</span>
        <span>{formatSeconds(durationMs, i18n.language)}</span>
      </div>
    </div>
  );
}
