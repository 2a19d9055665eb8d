import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';
import { Modal } from '../ui/Modal';

/** Keys said in words, in the student's language. */
const KEY_WORDS: Record<string, `keys.${'shiftDrag' | 'ctrlClick' | 'arrows'}`> = { boxSelect: 'keys.shiftDrag', addSelect: 'keys.ctrlClick', move: 'keys.arrows' };

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
              <td><kbd>{KEY_WORDS[id] ? t(KEY_WORDS[id]) : keys}</kbd></td>
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
