import { useEffect, useRef, type ReactNode } from 'react';

/** A short message shown where the student is looking (the drop point of a refused connection). */
export interface NoticeState {
  /** Its words; an element that words itself (with t()) reads again in a language picked while it shows. */
  message: ReactNode;
  /** Position inside the canvas, in pixels. */
  x: number;
  y: number;
  /** Changes on every new notice, so the same message shown twice restarts its timer. */
  serial: number;
  /** A confirmation ("Connected A → B"), announced politely and not styled as a refusal. */
  isInfo?: boolean;
}

export function Notice({ notice, onDone }: { notice: NoticeState; onDone(): void }) {
  const done = useRef(onDone);
  done.current = onDone;
  useEffect(() => {
    const timer = window.setTimeout(() => done.current(), 6000);
    return () => window.clearTimeout(timer);
  }, [notice.serial]);
  return (
    <div className={`sl-notice${notice.isInfo ? ' is-info' : ''}`} role={notice.isInfo ? 'status' : 'alert'} data-testid="editor-notice" style={{ left: notice.x, top: notice.y }}>
      {notice.message}
    </div>
  );
}
