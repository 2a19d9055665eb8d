import { useEffect, useRef } from 'react';
import type { FaultMenuItem } from './faultMenu';

/** The right-click menu of faults, at the pointer; Escape or a click elsewhere closes it. */
export function FaultMenu({ items, x, y, atMs, onPick, onClose }: { items: FaultMenuItem[]; x: number; y: number; atMs: number; onPick(item: FaultMenuItem): void; onClose(): void }) {
  const menu = useRef<HTMLDivElement>(null);
  useEffect(() => {
    menu.current?.querySelector<HTMLButtonElement>('button')?.focus();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !menu.current?.contains(e.target as Node)) onClose();
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [onClose]);
  return (
    <div className="sl-fault-menu" role="menu" aria-label="Inject a fault" ref={menu} style={{ left: x, top: y }}>
      <div className="sl-muted">Inject at {(atMs / 1000).toFixed(1)} s</div>
      {items.map((item) => (
        <button type="button" role="menuitem" key={item.label} title={item.description} onClick={() => onPick(item)}>
          {item.label}
        </button>
      ))}
    </div>
  );
}
