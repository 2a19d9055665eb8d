import { useLocale } from '../i18n/LocaleContext';
import type { LabRun } from './labRun';
import { labText } from './labText';
import { pastEvents } from './playback';

/** The run's event log up to the cursor (later entries would give the run away); clicking one seeks there. */
export function EventLog({ run, cursorMs, onSeek }: { run: LabRun; cursorMs: number; onSeek(ms: number): void }) {
  const { locale } = useLocale();
  const shown = pastEvents(run.events, cursorMs);
  const later = run.events.length - shown.length;
  return (
    // Focusable: it scrolls when the bench is small, and may hold no button yet.
    <section className="sl-eventlog" aria-label="Event log" tabIndex={0}>
      <h3 className="sl-panel-title">Event log</h3>
      {run.events.length === 0 && <p className="sl-muted">Nothing happened: no faults, no failures.</p>}
      {run.events.length > 0 && shown.length === 0 && <p className="sl-muted">{labText(locale, 'nothingYet')}</p>}
      <ol>
        {shown.map((e, i) => (
          <li key={i} data-kind={e.kind}>
            <button type="button" onClick={() => onSeek(e.atMs)} title="Go to this moment">
              <span className="sl-mono">{(e.atMs / 1000).toFixed(2)} s</span> <span className="sl-event-kind">{e.kind}</span> {e.message}
            </button>
          </li>
        ))}
      </ol>
      {later > 0 && <p className="sl-muted" data-testid="events-later">{labText(locale, 'moreLater', { n: later })}</p>}
    </section>
  );
}
