import { useEffect, useRef } from 'react';

/** At most this many cursor updates per second reach React, whatever the playback speed. */
export const MAX_UPDATES_PER_S = 30;

/**
 * Moves the playback cursor with requestAnimationFrame while playing: simulated time advances by
 * wall time × speed, but the cursor state (and so every re-render) changes at most 30 times a
 * second. Stops at the end of the run.
 */
export function usePlayback(opts: { isPlaying: boolean; speed: number; endMs: number; cursorMs: number; setCursorMs(ms: number): void; onEnd(): void; seekSerial: number }) {
  const { isPlaying, speed, endMs, setCursorMs, onEnd, seekSerial } = opts;
  const cursorRef = useRef(opts.cursorMs);
  cursorRef.current = opts.cursorMs;

  useEffect(() => {
    if (!isPlaying) return;
    let frame = 0;
    let last = performance.now();
    let lastEmit = last;
    let cursor = cursorRef.current >= endMs ? 0 : cursorRef.current;
    const tick = (now: number) => {
      cursor = Math.min(endMs, cursor + (now - last) * speed);
      last = now;
      const isEnd = cursor >= endMs;
      if (isEnd || now - lastEmit >= 1000 / MAX_UPDATES_PER_S - 2) {
        lastEmit = now;
        setCursorMs(cursor);
      }
      if (isEnd) onEnd();
      else frame = requestAnimationFrame(tick);
    };
    frame = requestAnimationFrame(tick);
    return () => cancelAnimationFrame(frame);
    // The cursor is read once when playback starts; seeking while playing restarts the loop.
  }, [isPlaying, speed, endMs, setCursorMs, onEnd, seekSerial]);
}
