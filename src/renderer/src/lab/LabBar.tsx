import { SPEEDS, type Lab } from './useLab';
import { Timeline } from './Timeline';

/** Playback controls over a finished run: play/pause, step, next fault, speed, reset, timeline. */
export function LabBar({ lab }: { lab: Lab }) {
  const { run } = lab;
  if (!run) return null;
  return (
    <div className="sl-labbar" role="toolbar" aria-label="Playback">
      {lab.isPlaying ? (
        <button type="button" onClick={lab.pause} aria-label="Pause" title="Pause">Pause</button>
      ) : (
        <button type="button" onClick={lab.play} aria-label="Play" title="Play">Play</button>
      )}
      <button type="button" onClick={lab.stepEvent} aria-label="Step one event" title="Step to the next event or bucket">Step</button>
      <button type="button" onClick={lab.stepFault} aria-label="Step to next fault" title="Jump to the next fault">Next fault</button>
      <button type="button" onClick={lab.reset} aria-label="Reset to start" title="Back to the start">To start</button>
      <label className="sl-speed">
        Speed
        <select aria-label="Speed" value={lab.speed} onChange={(e) => lab.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s === SPEEDS[SPEEDS.length - 1] ? `${s}× (max)` : `${s}×`}</option>
          ))}
        </select>
      </label>
      <Timeline run={run} cursorMs={lab.cursorMs} onSeek={lab.seek} />
    </div>
  );
}
