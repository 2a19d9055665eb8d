/**
 * The scenario on a time axis: each fault a marker with its span, and the selected check's window
 * as a band. In the scenario tab a marker is dragged along the axis to move it (in 100 ms steps)
 * or out onto a canvas node to retarget it; a click on the axis picks the time canvas drops use;
 * a fault chip dropped on the axis adds that fault there.
 */
import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { faultId, type Fault } from '../../../shared/scenario';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { FAULT_MIME } from './faultDrop';
import { faultSpan, markerLanes, msAt, type Span } from './timeline';

/** The height (px) of one row of markers. */
const LANE_PX = 19;

/** How far (px) off the axis a marker must go before it is being dragged onto the canvas. */
const OUT_OF_TRACK_PX = 24;

interface Props {
  faults: readonly Fault[];
  durationMs: number;
  /** A node by its name in the app's language (useStudioNamer); the id stays in the marker's data. */
  nameOf?(id: string): string;
  /** A check window to draw (the check being edited). */
  band?: Span | undefined;
  onMove?(index: number, atMs: number): void;
  /** The time picked on the axis (drawn as a cursor) and a click that picks another. */
  pickedMs?: number | undefined;
  onPick?(atMs: number): void;
  /** A fault chip (FAULT_MIME payload) dropped on the axis at `atMs`. */
  onDropChip?(data: string, atMs: number): void;
  /** A marker dragged off the axis (towards the canvas; undefined: back on it or released). */
  onMarkerOut?(index: number | undefined): void;
  /** A marker released off the axis, at this point of the window. */
  onMarkerDrop?(index: number, clientX: number, clientY: number): void;
}

export function StudioTimeline({ faults, durationMs, nameOf = (id) => id, band, onMove, pickedMs, onPick, onDropChip, onMarkerOut, onMarkerDrop }: Props) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const track = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<{ index: number; atMs: number; isOut: boolean }>();
  const [hoverMs, setHoverMs] = useState<number>();
  const pct = (ms: number) => `${(100 * ms) / Math.max(1, durationMs)}%`;
  const fractionOf = (clientX: number) => {
    const box = track.current?.getBoundingClientRect();
    return box ? (clientX - box.left) / Math.max(1, box.width) : 0;
  };
  const isOffTrack = (clientX: number, clientY: number) => {
    const box = track.current?.getBoundingClientRect();
    if (!box) return false;
    return clientY < box.top - OUT_OF_TRACK_PX || clientY > box.bottom + OUT_OF_TRACK_PX || clientX < box.left - OUT_OF_TRACK_PX || clientX > box.right + OUT_OF_TRACK_PX;
  };
  const lanes = markerLanes(faults, durationMs);
  const laneCount = Math.max(1, ...lanes.map((l) => l + 1));
  const acceptsChip = (e: DragEvent) => Boolean(onDropChip) && e.dataTransfer.types.includes(FAULT_MIME);
  return (
    <div className="sl-studio-timeline" data-testid="studio-timeline">
      <div
        className={`sl-studio-track${onPick ? ' is-pickable' : ''}${hoverMs !== undefined ? ' is-drop-target' : ''}`}
        ref={track}
        style={{ height: 15 + laneCount * LANE_PX }}
        onClick={(e) => {
          if (e.target === track.current && onPick) onPick(msAt(fractionOf(e.clientX), durationMs));
        }}
        onDragOver={(e) => {
          if (!acceptsChip(e)) return;
          e.preventDefault();
          e.dataTransfer.dropEffect = 'copy';
          setHoverMs(msAt(fractionOf(e.clientX), durationMs));
        }}
        onDragLeave={() => setHoverMs(undefined)}
        onDrop={(e) => {
          setHoverMs(undefined);
          if (!acceptsChip(e)) return;
          e.preventDefault();
          onDropChip?.(e.dataTransfer.getData(FAULT_MIME), msAt(fractionOf(e.clientX), durationMs));
        }}
        title={onPick ? t('timelineAddHint') : undefined}
      >
        {band && <div className="sl-studio-band" data-testid="timeline-window" style={{ left: pct(band.fromMs), width: pct(Math.max(0, band.toMs - band.fromMs)) }} />}
        {pickedMs !== undefined && (
          <div className="sl-studio-cursor" data-testid="timeline-cursor" style={{ left: pct(pickedMs) }}>
            <span>{formatSeconds(pickedMs, i18n.language)}</span>
          </div>
        )}
        {hoverMs !== undefined && (
          <div className="sl-studio-cursor is-hover" data-testid="timeline-drop-at" style={{ left: pct(hoverMs) }}>
            <span>{formatSeconds(hoverMs, i18n.language)}</span>
          </div>
        )}
        {faults.map((fault, i) => {
          const atMs = drag?.index === i && !drag.isOut ? drag.atMs : fault.atMs;
          const span = faultSpan({ ...fault, atMs }, durationMs);
          const name = faultId(fault, i);
          return (
            <div key={i}>
              <div className="sl-studio-span" style={{ left: pct(span.fromMs), width: pct(span.toMs - span.fromMs), top: 20 + lanes[i]! * LANE_PX }} />
              <button
                type="button"
                className={`sl-studio-marker${drag?.index === i && drag.isOut ? ' is-out' : ''}`}
                data-testid={`timeline-fault-${name}`}
                data-target={fault.target}
                data-at-ms={fault.atMs}
                style={{ left: pct(atMs), top: 3 + lanes[i]! * LANE_PX }}
                aria-label={t('faultAt', { fault: `${d.fault(fault.action)} ${d.target(nameOf(fault.target))}`, time: formatSeconds(atMs, i18n.language) })}
                title={`${name}: ${d.fault(fault.action)} ${d.target(nameOf(fault.target))} · ${formatSeconds(atMs, i18n.language)}${onMarkerDrop ? `\n${t('drop.markerHint')}` : ''}`}
                onPointerDown={(e) => {
                  if (!onMove) return;
                  e.currentTarget.setPointerCapture(e.pointerId);
                  setDrag({ index: i, atMs, isOut: false });
                }}
                onPointerMove={(e) => {
                  if (drag?.index !== i) return;
                  const isOut = Boolean(onMarkerDrop) && isOffTrack(e.clientX, e.clientY);
                  if (isOut !== drag.isOut) onMarkerOut?.(isOut ? i : undefined);
                  setDrag({ index: i, atMs: msAt(fractionOf(e.clientX), durationMs), isOut });
                }}
                onPointerUp={(e) => {
                  if (drag?.index === i) {
                    if (drag.isOut) onMarkerDrop?.(i, e.clientX, e.clientY);
                    else if (drag.atMs !== fault.atMs) onMove?.(i, drag.atMs);
                  }
                  setDrag(undefined);
                }}
                onPointerCancel={() => {
                  if (drag?.isOut) onMarkerOut?.(undefined);
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
