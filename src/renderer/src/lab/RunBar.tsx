import type { AppError } from '../../../shared/result';
import { useErrorText } from '../i18n/useErrorText';
import { useTranslation } from 'react-i18next';
import { useKeyHint } from '../editor/useKeyHint';
/** queuePosition: set while the run waits for a free worker (the host runs a few at once). */
export type RunStatus = { state: 'idle' } | { state: 'running'; fraction: number; queuePosition?: number } | { state: 'done' } | { state: 'error'; message: string; error?: AppError };

/** The run controls: Run (or Cancel while running), progress, and a plain-language error. */
/** `gate`: why Run waits (a lesson's predictions first); Run is disabled and the reason shown beside it. */
export function RunBar({ status, canRun, gate, onRun, onCancel }: { status: RunStatus; canRun: boolean; gate?: string | undefined; onRun(): void; onCancel(): void }) {
  const running = status.state === 'running';
  const { t } = useTranslation('lab');
  const err = useErrorText();
  const keyed = useKeyHint();
  // The button's tooltip and aria-keyshortcuts, from the key table.
  const runKeyed = keyed(gate ?? t('runHint'), 'run');
  return (
    <div className="sl-runbar" role="toolbar" aria-label={t('runControls')}>
      {running ? (
        <button type="button" onClick={onCancel}>{t('cancel')}</button>
      ) : (
        <button type="button" className="sl-primary" onClick={onRun} disabled={!canRun || gate !== undefined} {...runKeyed} aria-describedby={gate ? 'sl-run-gate' : undefined}>
          ▶ {t('run')}
        </button>
      )}
      {!running && gate && (
        <span className="sl-run-gate" id="sl-run-gate" role="status" data-testid="run-gate">
          {gate}
        </span>
      )}
      {running && status.queuePosition !== undefined && (
        <span className="sl-queued" role="status">{t('waiting', { position: status.queuePosition })}</span>
      )}
      {running && status.queuePosition === undefined && (
        <progress className="sl-progress" max={1} value={status.fraction} aria-label={t('progress')} />
      )}
      {status.state === 'error' && status.message !== gate && (
        <span className="sl-error" role="alert">{status.error ? err(status.error) : status.message}</span>
      )}
    </div>
  );
}
