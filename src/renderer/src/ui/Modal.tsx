import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';

/** Open modals, newest last: Escape closes only the top one. */
const openModals: symbol[] = [];

const FOCUSABLE = 'button:not([disabled]), [href], input:not([disabled]):not([type="hidden"]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/**
 * A modal dialog: focus moves in when it opens and back when it closes, Tab stays inside,
 * Escape and a click on the backdrop close it. Keys pressed inside never reach the editor's
 * shortcuts (Delete in a dialog must not delete nodes behind it).
 */
export function Modal({ label, onClose, className, closeKey, children }: { label: string; onClose(): void; className?: string; closeKey?: string; children: ReactNode }) {
  const box = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;
  /** A key that closes the dialog besides Escape: the one that opened it ("?" for the help). */
  const alsoCloses = useRef(closeKey);
  alsoCloses.current = closeKey;
  // Escape is caught on the window (capture), so it closes the dialog even when focus has left
  // it (a button inside went disabled while working) and never reaches the editor's shortcuts.
  useEffect(() => {
    const me = Symbol('modal');
    openModals.push(me);
    const onKey = (event: globalThis.KeyboardEvent) => {
      const isCloseKey = event.key === 'Escape' || (alsoCloses.current !== undefined && event.key === alsoCloses.current);
      if (!isCloseKey || openModals[openModals.length - 1] !== me) return;
      event.stopPropagation();
      event.preventDefault();
      close.current();
    };
    window.addEventListener('keydown', onKey, true);
    return () => {
      window.removeEventListener('keydown', onKey, true);
      openModals.splice(openModals.indexOf(me), 1);
    };
  }, []);
  // What had focus before it opened, read while rendering: by the time an effect runs, a child's
  // autoFocus has already taken focus, and closing would give focus back to nothing.
  const [before] = useState(() => document.activeElement as HTMLElement | null);
  useEffect(() => {
    const el = box.current;
    if (el && !el.contains(document.activeElement)) (el.querySelector<HTMLElement>('[autofocus]') ?? el.querySelector<HTMLElement>(FOCUSABLE) ?? el).focus();
    return () => before?.focus?.();
  }, [before]);
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Tab' || !box.current) return;
    const items = [...box.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = items[0];
    const last = items[items.length - 1];
    if (!first || !last) return;
    if (event.shiftKey && document.activeElement === first) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  };
  return (
    <div className="sl-overlay" role="presentation" onClick={onClose} onKeyDown={onKeyDown}>
      <div className={`sl-dialog${className ? ` ${className}` : ''}`} role="dialog" aria-modal="true" aria-label={label} tabIndex={-1} ref={box} onClick={(e) => e.stopPropagation()}>
        {children}
      </div>
    </div>
  );
}
