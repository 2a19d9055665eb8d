import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { keysTextOf } from './shortcuts';

const HELP_KEYS = keysTextOf('help', ' / ');

/**
 * The toolbar's "More" menu, shown only when the canvas is too narrow for every control (a 1100 px
 * window with the studio or the lesson and the components panel open): it holds Snap to grid and
 * Keyboard shortcuts, which the row then hides. Arrow keys move through it, Escape or a click
 * elsewhere closes it, and focus goes back to its button.
 */
export function ToolbarMore({ snapToGrid, onSnapToGrid, onHelp }: { snapToGrid: boolean; onSnapToGrid(on: boolean): void; onHelp(): void }) {
  const { t } = useTranslation('editor');
  const [isOpen, setOpen] = useState(false);
  const box = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (!isOpen) return;
    box.current?.querySelector<HTMLElement>('[role^="menuitem"]')?.focus();
    const closeOutside = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', closeOutside);
    return () => document.removeEventListener('pointerdown', closeOutside);
  }, [isOpen]);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  const onKeyDown = (e: KeyboardEvent) => {
    const items = [...(box.current?.querySelectorAll<HTMLElement>('[role^="menuitem"]') ?? [])];
    const at = items.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'Escape') close();
    else if (e.key === 'ArrowDown') items[(at + 1) % items.length]?.focus();
    else if (e.key === 'ArrowUp') items[(at - 1 + items.length) % items.length]?.focus();
    else if (e.key === 'Home') items[0]?.focus();
    else if (e.key === 'End') items[items.length - 1]?.focus();
    if (e.key === 'Tab') {
      setOpen(false);
      return;
    }
    // Every key pressed in the open menu is the menu's: Escape must not also clear the canvas's
    // selection, nor L lay the design out or 2 fold a panel behind it.
    e.stopPropagation();
    if (['Escape', 'ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) e.preventDefault();
  };
  return (
    <div className="sl-toolbar-more" ref={box} onKeyDown={isOpen ? onKeyDown : undefined}>
      <button type="button" ref={button} aria-haspopup="menu" aria-expanded={isOpen} aria-label={t('more')} title={t('moreHint')} onClick={() => setOpen((o) => !o)} data-testid="toolbar-more">
        <svg className="sl-toolbar-icon" viewBox="0 0 24 24" aria-hidden="true"><circle cx="5" cy="12" r="1.6" /><circle cx="12" cy="12" r="1.6" /><circle cx="19" cy="12" r="1.6" /></svg>
      </button>
      {isOpen && (
        <div className="sl-toolbar-menu" role="menu" aria-label={t('more')}>
          <button type="button" role="menuitemcheckbox" aria-checked={snapToGrid} tabIndex={-1} onClick={() => { onSnapToGrid(!snapToGrid); close(); }}>
            <span className="sl-menu-check" aria-hidden="true">{snapToGrid ? '✓' : ''}</span>
            {t('snap')}
          </button>
          <button type="button" role="menuitem" tabIndex={-1} onClick={() => { close(); onHelp(); }}>
            <span className="sl-menu-check" aria-hidden="true" />
            {t('keyboardShortcuts')}
            <kbd aria-hidden="true">{HELP_KEYS}</kbd>
          </button>
        </div>
      )}
    </div>
  );
}
