import { useTranslation } from 'react-i18next';
import type { LabRun } from './labRun';
import { pastEvents } from './playback';
import { formatSeconds } from '../i18n/format';
import { eventLine } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';

/** The run's event log up to the cursor (later entries would give the run away); clicking one seeks there. */
export function EventLog({ run, cursorMs, onSeek }: { run: LabRun; cursorMs: number; onSeek(ms: number): void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useTranslation('domain').t;
  const nameOf = useNameOfId();
  const shown = pastEvents(run.events, cursorMs);
  const later = run.events.length - shown.length;
  return (
    // Focusable: it scrolls when the bench is small, and may hold no button yet.
    <section className="sl-eventlog" aria-label={t('eventLog')} tabIndex={0}>
      <h3 className="sl-panel-title">{t('eventLog')}</h3>
      {run.events.length === 0 && <p className="sl-muted">{t('nothingHappened')}</p>}
      {run.events.length > 0 && shown.length === 0 && <p className="sl-muted">{t('bench.nothingYet')}</p>}
      <ol>
        {shown.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            <button type="button" onClick={() => onSeek(e.atMs)} title={e.kind === 'fault' && e.params?.fault !== undefined ? `${t('goToMoment')} (${String(e.params.fault)})` : t('goToMoment')}>
              <span className="sl-mono">{formatSeconds(e.atMs, i18n.language, 2)}</span> <span className="sl-event-kind">{d(`events.${e.kind}`, { defaultValue: e.kind })}</span> {eventLine(e, i18n.language, d, nameOf)}
            </button>
          </li>
        ))}
      </ol>
      {later > 0 && <p className="sl-muted" data-testid="events-later">{t('bench.moreLater', { count: later })}</p>}
    </section>
  );
}
