import { useTranslation } from 'react-i18next';
import { MENU_SHORTCUTS, SHORTCUTS, type HelpRow } from './shortcuts';
import { Modal } from '../ui/Modal';

/** Keys said in words, in the student's language. */
const KEY_WORDS: Record<string, `keys.${'shiftDrag' | 'ctrlClick' | 'arrows'}`> = { boxSelect: 'keys.shiftDrag', addSelect: 'keys.ctrlClick', move: 'keys.arrows' };

/** The "?" overlay: every shortcut the editor knows, then the desktop menu's own keys. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  const { t } = useTranslation('editor');
  const keysOf = (r: HelpRow) => {
    const said = KEY_WORDS[r.id];
    return said ? t(said) : r.keys;
  };
  const row = (words: (r: HelpRow) => string) => (r: HelpRow) => (
    <tr key={r.keys}>
      <td><kbd>{keysOf(r)}</kbd></td>
      <td>{words(r)}</td>
    </tr>
  );
  const appRow = row(({ id, panel }) => t(`help.${id}`, { panel: panel && t(`panels.${panel}`) }));
  const menuRow = row(({ id }) => t(`menuHelp.${id}`));
  // Two columns, the menu's keys closing the second: in one column the list ran taller than a 720 px
  // window's dialog. The second starts at the lab bench's stepping keys, so that the first column's
  // wrapped descriptions and the second's heading leave both about as tall.
  const half = SHORTCUTS.findIndex((r) => r.id === 'step');
  return (
    <Modal label={t('keyboardShortcuts')} onClose={onClose} closeKey="?" className="sl-help">
      <h2>{t('keyboardShortcuts')}</h2>
      <div className="sl-shortcuts-columns">
        <table className="sl-shortcuts">
          <tbody>{SHORTCUTS.slice(0, half).map(appRow)}</tbody>
        </table>
        <div>
          <table className="sl-shortcuts">
            <tbody>{SHORTCUTS.slice(half).map(appRow)}</tbody>
          </table>
          {/* A caption, not a heading: the dialog keeps one heading, and the caption names the table. */}
          <table className="sl-shortcuts">
            <caption className="sl-shortcuts-heading">{t('menuKeys')}</caption>
            <tbody>{MENU_SHORTCUTS.map(menuRow)}</tbody>
          </table>
        </div>
      </div>
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose} autoFocus>{t('close')}</button>
      </div>
    </Modal>
  );
}
