import { useTranslation } from 'react-i18next';
import type { LabRun } from './labRun';
import { formatSeconds } from '../i18n/format';
import { eventLine } from '../i18n/useDomain';

/** The run's event log; entries after the cursor are dimmed, and clicking one seeks there. */
export function EventLog({ run, cursorMs, onSeek }: { run: LabRun; cursorMs: number; onSeek(ms: number): void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useTranslation('domain').t;
  return (
    <section className="sl-eventlog" aria-label={t('eventLog')}>
      <h3 className="sl-panel-title">{t('eventLog')}</h3>
      {run.events.length === 0 && <p className="sl-muted">{t('nothingHappened')}</p>}
      <ol>
        {run.events.map((e, i) => (
          <li key={i} data-kind={e.kind} className={e.atMs > cursorMs ? 'is-future' : undefined}>
            <button type="button" onClick={() => onSeek(e.atMs)} title={t('goToMoment')}>
              <span className="sl-mono">{formatSeconds(e.atMs, i18n.language, 2)}</span> <span className="sl-event-kind">{d(`events.${e.kind}`, { defaultValue: e.kind })}</span> {eventLine(e, i18n.language)}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
