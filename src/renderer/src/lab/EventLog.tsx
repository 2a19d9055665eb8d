import { useEffect, useRef, type ReactNode, type UIEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { LabRun } from './labRun';
import { pastEvents } from './playback';
import { formatEventTime } from '../i18n/format';
import { eventLine } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';

/**
 * The run's event log up to the cursor (later entries would give the run away); clicking one seeks
 * there. Each entry reads whole: one too long for the column (why requests fail, and the cause) wraps
 * under itself rather than end in "…" with its reason cut off; the bench grows to keep the last five
 * whole (benchShortfallPx). `tools` sit on the title's row.
 */
export function EventLog({ run, cursorMs, onSeek, tools, onEntriesChange }: { run: LabRun; cursorMs: number; onSeek(ms: number): void; tools?: ReactNode; onEntriesChange?: () => void }) {
  const { t, i18n } = useTranslation('lab');
  const d = useTranslation('domain').t;
  const nameOf = useNameOfId();
  const shown = pastEvents(run.events, cursorMs);
  const later = run.events.length - shown.length;
  // The log follows the cursor: the line it last reached stays in view (below the fold it was missed),
  // also when the log's box changes height (the window, the split, a note above the bench), unless
  // the student scrolled up to read.
  const box = useRef<HTMLElement>(null);
  const isAtEnd = useRef(true);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    el.scrollTop = el.scrollHeight;
    isAtEnd.current = true;
    // Another entry may wrap onto more lines than the log has room for: the bench may grow to keep the last five whole.
    onEntriesChange?.();
  }, [shown.length]);
  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const observer = new ResizeObserver(() => {
      if (isAtEnd.current) el.scrollTop = el.scrollHeight;
    });
    observer.observe(el);
    return () => observer.disconnect();
  }, []);
  const onScroll = (e: UIEvent<HTMLElement>) => {
    const el = e.currentTarget;
    isAtEnd.current = el.scrollTop + el.clientHeight >= el.scrollHeight - 4;
  };
  return (
    // Focusable: it scrolls when the bench is small, and may hold no button yet.
    <section className="sl-eventlog" aria-label={t('eventLog')} tabIndex={0} ref={box} onScroll={onScroll}>
      <div className="sl-eventlog-head">
        <h3 className="sl-panel-title">{t('eventLog')}</h3>
        {tools}
      </div>
      {run.events.length === 0 && <p className="sl-muted">{t('nothingHappened')}</p>}
      {run.events.length > 0 && shown.length === 0 && <p className="sl-muted">{t('bench.nothingYet')}</p>}
      <ol>
        {shown.map((e, i) => {
          const time = formatEventTime(e.atMs, i18n.language);
          const kind = d(`events.${e.kind}`, { defaultValue: e.kind });
          const line = eventLine(e, i18n.language, d, nameOf);
          const hint = e.kind === 'fault' && e.params?.fault !== undefined ? `${t('goToMoment')} (${String(e.params.fault)})` : t('goToMoment');
          return (
            <li key={i} data-kind={e.kind}>
              <button type="button" onClick={() => onSeek(e.atMs)} title={`${time} ${kind} ${line}\n${hint}`}>
                <span className="sl-mono">{time}</span> <span className="sl-event-kind">{kind}</span> {line}
              </button>
            </li>
          );
        })}
      </ol>
      {later > 0 && <p className="sl-muted" data-testid="events-later">{t('bench.moreLater', { count: later })}</p>}
    </section>
  );
}
