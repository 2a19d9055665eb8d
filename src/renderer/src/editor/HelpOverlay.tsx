import { useTranslation } from 'react-i18next';
import { SHORTCUTS } from './shortcuts';
import { Modal } from '../ui/Modal';

/** Keys said in words, in the student's language. */
const KEY_WORDS: Record<string, `keys.${'shiftDrag' | 'ctrlClick' | 'arrows'}`> = { boxSelect: 'keys.shiftDrag', addSelect: 'keys.ctrlClick', move: 'keys.arrows' };

/** The "?" overlay: every shortcut the editor knows. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('editor');
  const row = ({ keys, id, panel }: (typeof SHORTCUTS)[number]) => (
    <tr key={keys}>
      <td><kbd>{KEY_WORDS[id] ? t(KEY_WORDS[id]) : keys}</kbd></td>
      <td>{t(`help.${id}`, { panel: panel && t(`panels.${panel}`) })}</td>
    </tr>
  );
  // Two columns: in one, the list ran taller than a 720 px window's dialog and its heading scrolled out of view.
  const half = Math.ceil(SHORTCUTS.length / 2);
  return (
    <Modal label={t('keyboardShortcuts')} onClose={onClose} closeKey="?" className="sl-help">
      <h2>{t('keyboardShortcuts')}</h2>
      <div className="sl-shortcuts-columns">
        {[SHORTCUTS.slice(0, half), SHORTCUTS.slice(half)].map((part, i) => (
          <table key={i} className="sl-shortcuts">
            <tbody>{part.map(row)}</tbody>
          </table>
        ))}
      </div>
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose} autoFocus>{t('close')}</button>
      </div>
    </Modal>
  );
}
