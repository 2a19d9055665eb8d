import { useEffect, useRef, useState } from 'react';

/**
 * `value`, except that while a pointer is pressed it stays what it was when the press began. A
 * press on a node selects it, and the properties panel opening at that moment (the canvas narrows
 * and fits the design again) would move the design under the pointer in the middle of a click or
 * a drag; it opens when the pointer is let go.
 */
export function useHeldWhilePressed<T>(value: T): T {
  const [held, setHeld] = useState(value);
  const latest = useRef(value);
  latest.current = value;
  const [isPressed, setPressed] = useState(false);
  useEffect(() => {
    const down = () => {
      setHeld(latest.current);
      setPressed(true);
    };
    const up = () => setPressed(false);
    globalThis.addEventListener('pointerdown', down, true);
    globalThis.addEventListener('pointerup', up, true);
    globalThis.addEventListener('pointercancel', up, true);
    return () => {
      globalThis.removeEventListener('pointerdown', down, true);
      globalThis.removeEventListener('pointerup', up, true);
      globalThis.removeEventListener('pointercancel', up, true);
    };
  }, []);
  return isPressed ? held : value;
}
