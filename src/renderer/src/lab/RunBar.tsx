/** queuePosition: set while the run waits for a free worker (the host runs a few at once). */
export type RunStatus = { state: 'idle' } | { state: 'running'; fraction: number; queuePosition?: number } | { state: 'done' } | { state: 'error'; message: string };

/** The run controls: Run (or Cancel while running), progress, and a plain-language error. */
export function RunBar({ status, canRun, onRun, onCancel }: { status: RunStatus; canRun: boolean; onRun(): void; onCancel(): void }) {
  const running = status.state === 'running';
  return (
    <div className="sl-runbar" role="toolbar" aria-label="Run controls">
      {running ? (
        <button type="button" onClick={onCancel}>Cancel</button>
      ) : (
        <button type="button" className="sl-primary" onClick={onRun} disabled={!canRun} title="Simulate this design (Ctrl+Enter)">
          ▶ Run
        </button>
      )}
      {running && status.queuePosition !== undefined && (
        <span className="sl-queued" role="status">Waiting for another run… (position {status.queuePosition})</span>
      )}
      {running && status.queuePosition === undefined && (
        <progress className="sl-progress" max={1} value={status.fraction} aria-label="Simulation progress" />
      )}
      {status.state === 'error' && (
        <span className="sl-error" role="alert">{status.message}</span>
      )}
    </div>
  );
}
