import { useEffect, useRef } from 'react';
import { commandOf, type ShortcutCommand } from './shortcuts';

/**
 * Window-wide keyboard shortcuts; the latest handlers are always used without re-subscribing.
 * A handler returns false when the key is not its own now (Home without a run), leaving the key's default alone.
 */
export function useShortcuts(handlers: Partial<Record<ShortcutCommand, () => void | false>>): void {
  const latest = useRef(handlers);
  latest.current = handlers;
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const command = commandOf(event);
      const handler = command && latest.current[command];
      if (!handler || handler() === false) return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
}
