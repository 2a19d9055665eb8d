import { useLocale } from '../i18n/LocaleContext';
import { labText } from './labText';
import { SPEEDS, type Lab, type StepReadout } from './useLab';
import { Timeline } from './Timeline';

/** The last Step's event while the cursor stands on it: "12.000312 s · request delivered to api-2". */
function readoutText(step: StepReadout | undefined, cursorMs: number): string | undefined {
  if (!step) return undefined;
  if (step.state === 'busy') return 'Finding the next event…';
  if (step.state === 'event') return step.event.atMs === cursorMs ? `${(step.event.atUs / 1e6).toFixed(6)} s · ${step.event.description}` : undefined;
  if (step.atMs !== cursorMs) return undefined;
  return step.state === 'end' ? 'End of the run: no more events' : `${(step.atMs / 1000).toFixed(3)} s · next logged event or bucket (${step.reason})`;
}

/** Playback controls over a finished run: play/pause, step, next fault, speed, reset, timeline. */
export function LabBar({ lab }: { lab: Lab }) {
  const { run } = lab;
  const { locale } = useLocale();
  if (!run) return null;
  const readout = readoutText(lab.step, lab.cursorMs);
  return (
    <div className="sl-labbar" role="toolbar" aria-label="Playback">
      {lab.isPlaying ? (
        <button type="button" onClick={lab.pause}>Pause</button>
      ) : (
        <button type="button" onClick={lab.play}>Play</button>
      )}
      <button type="button" onClick={lab.stepEvent} title="Step one event: to the simulator's next event (.)" aria-keyshortcuts=".">Step</button>
      <button type="button" onClick={lab.stepLogged} disabled={!lab.hasNextLogged} title={labText(locale, 'nextLoggedHint')}>{labText(locale, 'nextLogged')}</button>
      <button type="button" onClick={lab.stepFault} title="Jump to the next fault">Next fault</button>
      <button type="button" onClick={lab.reset} title="Back to the start">To start</button>
      <label className="sl-speed">
        Speed
        <select aria-label="Speed" value={lab.speed} onChange={(e) => lab.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s === SPEEDS[SPEEDS.length - 1] ? `${s}× (max)` : `${s}×`}</option>
          ))}
        </select>
      </label>
      <Timeline run={run} cursorMs={lab.cursorMs} onSeek={lab.seek}>
        {readout !== undefined && (
          <output className="sl-step-readout sl-mono" data-testid="step-readout" data-state={lab.step?.state} data-seq={lab.step?.state === 'event' ? lab.step.event.seq : undefined} title={readout}>
            {readout}
          </output>
        )}
      </Timeline>
    </div>
  );
}
