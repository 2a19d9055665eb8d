import { useTranslation } from 'react-i18next';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';
import type { LabRun } from './labRun';


/** The run's timeline: a scrubbable cursor with a marker at every fault (click one to go there). */
export function Timeline({ run, cursorMs, onSeek }: { run: LabRun; cursorMs: number; onSeek(ms: number): void }) {
  const endMs = run.endedAtMs;
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const formatTime = (ms: number) => formatSeconds(ms, i18n.language);
  const nameOf = useNameOfId();
  const name = (f: { action: string; target: string }) => `${d.fault(f.action)} ${d.target(nameOf(f.target))}`;
  return (
    <div className="sl-timeline">
      <input
        type="range"
        aria-label={t('timeline')}
        min={0}
        max={endMs}
        step={run.buckets.bucketMs}
        value={cursorMs}
        onChange={(e) => onSeek(Number(e.currentTarget.value))}
      />
      <div className="sl-timeline-markers">
        {run.faults.map((f) => (
          <button
            type="button"
            key={f.id}
            className="sl-fault-marker"
            data-action={f.action}
            style={{ left: `${(f.atMs / Math.max(1, endMs)) * 100}%` }}
            title={t('faultAt', { fault: name(f), time: formatTime(f.atMs) })}
            aria-label={t('goToFault', { fault: name(f), time: formatTime(f.atMs) })}
            onClick={() => onSeek(f.atMs)}
          />
        ))}
      </div>
      <output className="sl-timeline-time sl-mono" data-testid="cursor-time" data-cursor-ms={cursorMs}>
        {formatTime(cursorMs)} / {formatTime(endMs)}
      </output>
    </div>
  );
}
