import { useEffect, useRef } from 'react';
import { commandOf, type ShortcutCommand } from './shortcuts';

/** Window-wide keyboard shortcuts; the latest handlers are always used without re-subscribing. */
export function useShortcuts(handlers: Partial<Record<ShortcutCommand, () => void>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandOf(event);
      const handler = command && latest.current[command];
      if (!handler) return;
      event.preventDefault();
      handler();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
