import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';
import { Modal } from '../ui/Modal';

/** The "?" overlay: every shortcut the editor knows. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('editor');
  return (
    <Modal label={t('keyboardShortcuts')} onClose={onClose} closeKey="?">
      <h2>{t('keyboardShortcuts')}</h2>
      <table className="sl-shortcuts">
        <tbody>
          {SHORTCUTS.map(({ keys, id, panel }) => (
            <tr key={keys}>
              <td><kbd>{id === 'boxSelect' ? t('keys.shiftDrag') : id === 'addSelect' ? t('keys.ctrlClick') : keys}</kbd></td>
              <td>{t(`help.${id}`, { panel: panel && t(`panels.${panel}`) })}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose} autoFocus>{t('close')}</button>
      </div>
    </Modal>
  );
}
