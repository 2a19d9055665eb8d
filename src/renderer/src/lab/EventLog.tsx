import type { LabRun } from './labRun';

/** The run's event log; entries after the cursor are dimmed, and clicking one seeks there. */
export function EventLog({ run, cursorMs, onSeek }: { run: LabRun; cursorMs: number; onSeek(ms: number): void }) {
  return (
    <section className="sl-eventlog" aria-label="Event log">
      <h3 className="sl-panel-title">Event log</h3>
      {run.events.length === 0 && <p className="sl-muted">Nothing happened: no faults, no failures.</p>}
      <ol>
        {run.events.map((e, i) => (
          <li key={i} data-kind={e.kind} className={e.atMs > cursorMs ? 'is-future' : undefined}>
            <button type="button" onClick={() => onSeek(e.atMs)} title="Go to this moment">
              <span className="sl-mono">{(e.atMs / 1000).toFixed(2)} s</span> <span className="sl-event-kind">{e.kind}</span> {e.message}
            </button>
          </li>
        ))}
      </ol>
    </section>
  );
}
