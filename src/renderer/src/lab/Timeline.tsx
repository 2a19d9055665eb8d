import type { ReactNode } from 'react';
import { faultName } from './faultMenu';
import type { LabRun } from './labRun';

const formatTime = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

/** The run's timeline: a scrubbable cursor with a marker at every fault (click one to go there); `children` sit under it (the Step readout). */
export function Timeline({ run, cursorMs, onSeek, children }: { run: LabRun; cursorMs: number; onSeek(ms: number): void; children?: ReactNode }) {
  const endMs = run.endedAtMs;
  return (
    <div className="sl-timeline">
      <input
        type="range"
        aria-label="Timeline"
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
            title={`${faultName(f)} at ${formatTime(f.atMs)}`}
            aria-label={`Go to ${faultName(f)} at ${formatTime(f.atMs)}`}
            onClick={() => onSeek(f.atMs)}
          />
        ))}
      </div>
      <output className="sl-timeline-time sl-mono" data-testid="cursor-time" data-cursor-ms={cursorMs}>
        {formatTime(cursorMs)} / {formatTime(endMs)}
      </output>
      {children}
    </div>
  );
}
