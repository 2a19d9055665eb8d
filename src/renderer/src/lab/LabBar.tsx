import type { TFunction } from 'i18next';
import { useNameOfId } from '../i18n/nodeNames';
import { useTranslation } from 'react-i18next';
import { SPEEDS, type Lab, type StepReadout } from './useLab';
import { Timeline } from './Timeline';
import { formatEventTime } from '../i18n/format';
import { stepText } from '../../../shared/i18n/stepTexts';
import { useDomain, type DomainWords } from '../i18n/useDomain';
import { useErrorText, type Failure } from '../i18n/useErrorText';
import { useKeyHint } from '../editor/useKeyHint';

/** The last Step's event while the cursor stands on it: "12.000 312 s · request delivered to API 2" (nodes by their names; its time as the event log writes times). */
function readoutText(step: StepReadout | undefined, cursorMs: number, t: TFunction<'lab'>, locale: string, d: DomainWords, err: (failure: Failure) => string, nameOf: (id: string) => string): string | undefined {
  if (!step) return undefined;
  if (step.state === 'busy') return t('finding');
  if (step.state === 'event') {
    if (step.event.atMs !== cursorMs) return undefined;
    const what = step.event.text ? stepText(step.event.text, locale, (name, value) => (name === 'action' ? d.fault(String(value)) : name === 'node' || name === 'target' ? nameOf(String(value)) : String(value))) : step.event.description;
    return t('stepEvent', { time: formatEventTime(step.event.atUs / 1000, locale), what });
  }
  if (step.atMs !== cursorMs) return undefined;
  return step.state === 'end' ? t('endOfRun') : t('nextBucket', { time: formatEventTime(step.atMs, locale), reason: err(step.reason) });
}

/** Playback controls over a finished run: play/pause, step, next fault, speed, reset, timeline. */
export function LabBar({ lab }: { lab: Lab }) {
  const { run } = lab;
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  const err = useErrorText();
  const keyed = useKeyHint();
  // Each keyed button's tooltip and aria-keyshortcuts, from the key table.
  const hints = {
    pause: keyed(t('pauseHint'), 'playPause'),
    play: keyed(t('playHint'), 'playPause'),
    step: keyed(t('stepHint'), 'step'),
    nextLogged: keyed(t('bench.nextLoggedHint'), 'nextLogged'),
    nextFault: keyed(t('nextFaultHint'), 'nextFault'),
    toStart: keyed(t('toStartHint'), 'toStart'),
  };
  if (!run) return null;
  const nameOf = useNameOfId();
  const readout = readoutText(lab.step, lab.cursorMs, t, i18n.language, d, err, nameOf);
  return (
    <div className="sl-labbar" role="toolbar" aria-label={t('playback')}>
      {lab.isPlaying ? (
        <button type="button" onClick={lab.pause} {...hints.pause}>{t('pause')}</button>
      ) : (
        <button type="button" onClick={lab.play} {...hints.play}>{t('play')}</button>
      )}
      <button type="button" onClick={lab.stepEvent} {...hints.step}>{t('step')}</button>
      <button type="button" onClick={lab.stepLogged} disabled={!lab.hasNextLogged} {...hints.nextLogged}>{t('bench.nextLogged')}</button>
      <button type="button" onClick={lab.stepFault} disabled={!lab.hasNextFault} {...hints.nextFault}>{t('nextFault')}</button>
      <button type="button" onClick={lab.reset} {...hints.toStart}>{t('toStart')}</button>
      <label className="sl-speed">
        {/* A narrow bench leaves the word out (the select keeps it as its name): the timeline needs the room. */}
        <span className="sl-speed-word">{t('speed')}</span>
        <select aria-label={t('speed')} value={lab.speed} onChange={(e) => lab.setSpeed(Number(e.currentTarget.value))}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>{s === SPEEDS[SPEEDS.length - 1] ? t('speedMax', { speed: s }) : `${s}×`}</option>
          ))}
        </select>
      </label>
      <Timeline run={run} cursorMs={lab.cursorMs} onSeek={lab.seek} />
      {/* Under the whole bar, not only the timeline: at 1280×720 the timeline's width cut the sentence to a few words. */}
      {readout !== undefined && (
        <output className="sl-step-readout sl-mono" data-testid="step-readout" data-state={lab.step?.state} data-seq={lab.step?.state === 'event' ? lab.step.event.seq : undefined} title={readout}>
          {readout}
        </output>
      )}
    </div>
  );
}
