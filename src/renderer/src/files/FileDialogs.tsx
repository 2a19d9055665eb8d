import { useTranslation } from 'react-i18next';
import { useEffect, useState, type ReactNode } from 'react';
import type { DesignFileInfo } from '../../../shared/ipc';

function Dialog({ label, children, onClose }: { label: string; children: ReactNode; onClose(): void }) {
  return (
    <div className="sl-overlay" onClick={onClose}>
      <div className="sl-dialog" role="dialog" aria-modal="true" aria-label={label} onClick={(e) => e.stopPropagation()}>
        <h2>{label}</h2>
        {children}
      </div>
    </div>
  );
}

/** Lists saved designs (recent first) and offers the computer's file picker. */
export function OpenDialog(props: { files: DesignFileInfo[]; recent: string[]; error?: string; onOpen(name: string): void; onPickFile(): void; onClose(): void }) {
  const { t } = useTranslation('files');
  const recent = props.recent.filter((r) => props.files.some((f) => f.name === r));
  const others = props.files.filter((f) => !recent.includes(f.name));
  const item = (name: string) => (
    <li key={name}>
      <button type="button" className="sl-file-item" onClick={() => props.onOpen(name)}>{name}</button>
    </li>
  );
  return (
    <Dialog label={t('openTitle')} onClose={props.onClose}>
      {props.error && <p className="sl-error" role="alert">{props.error}</p>}
      {recent.length > 0 && (
        <>
          <h3>{t('recent')}</h3>
          <ul className="sl-file-list" aria-label={t('recentDesigns')}>{recent.map(item)}</ul>
        </>
      )}
      {others.length > 0 && (
        <>
          <h3>{recent.length > 0 ? t('otherSaved') : t('saved')}</h3>
          <ul className="sl-file-list" aria-label={t('saved')}>{others.map((f) => item(f.name))}</ul>
        </>
      )}
      {others.length + recent.length === 0 && <p className="sl-muted">{t('noneSaved')}</p>}
      <div className="sl-dialog-actions">
        <button type="button" onClick={props.onPickFile}>{t('fromComputer')}</button>
        <button type="button" onClick={props.onClose}>{t('cancel')}</button>
      </div>
    </Dialog>
  );
}

export function SaveAsDialog(props: { initialName: string; error?: string; onSave(name: string): void; onClose(): void }) {
  const [name, setName] = useState(props.initialName);
  const { t } = useTranslation('files');
  return (
    <Dialog label={t('saveAsTitle')} onClose={props.onClose}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          props.onSave(name.trim());
        }}
      >
        <label className="sl-field">
          {t('name')}
          <input type="text" value={name} autoFocus onChange={(e) => setName(e.target.value)} aria-label={t('designName')} maxLength={80} />
        </label>
        {props.error && <p className="sl-error" role="alert">{props.error}</p>}
        <div className="sl-dialog-actions">
          <button type="submit" className="sl-primary" disabled={name.trim() === ''}>{t('save')}</button>
          <button type="button" onClick={props.onClose}>{t('cancel')}</button>
        </div>
      </form>
    </Dialog>
  );
}

export function ConfirmDialog(props: { label: string; message: string; confirm: string; onConfirm(): void; onClose(): void }) {
  const { t } = useTranslation('files');
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => e.key === 'Escape' && props.onClose();
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [props]);
  return (
    <Dialog label={props.label} onClose={props.onClose}>
      <p>{props.message}</p>
      <div className="sl-dialog-actions">
        <button type="button" className="sl-primary" onClick={props.onConfirm}>{props.confirm}</button>
        <button type="button" onClick={props.onClose}>{t('cancel')}</button>
      </div>
    </Dialog>
  );
}
