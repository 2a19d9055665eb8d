import { useTranslation } from 'react-i18next';
import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import type { FaultMenuItem } from './faultMenu';
import { formatSeconds } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';
import type { GraphEdge } from '../../../shared/graph';

/** Room kept between the menu and the window's edges. */
const MARGIN = 8;

/**
 * The right-click menu of faults, at the pointer, headed by what it acts on (a node's id, or an
 * edge), named as the canvas names it; Escape or a click elsewhere closes it.
 */
export function FaultMenu({ items, x, y, atMs, target, onPick, onClose }: { items: FaultMenuItem[]; x: number; y: number; atMs: number; target: string | GraphEdge; onPick(item: FaultMenuItem): void; onClose(): void }) {
  const nameOf = useNameOfId();
  const targetName = typeof target === 'string' ? nameOf(target) : `${nameOf(target.source)} → ${nameOf(target.target)}`;
  const menu = useRef<HTMLDivElement>(null);
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  // Opened near the window's bottom or right edge (a node low on the canvas at 1280×720), the menu
  // moves up or left to stay whole inside the window; its items ran past the bottom edge, cut off.
  const [at, setAt] = useState({ left: x, top: y });
  useLayoutEffect(() => {
    const box = menu.current?.getBoundingClientRect();
    if (!box) return;
    setAt({ left: Math.max(MARGIN, Math.min(x, window.innerWidth - box.width - MARGIN)), top: Math.max(MARGIN, Math.min(y, window.innerHeight - box.height - MARGIN)) });
  }, [x, y]);
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
    <div className="sl-fault-menu" role="menu" aria-label={t('injectFault')} ref={menu} style={at}>
      <div className="sl-fault-menu-target" data-testid="fault-menu-target">{targetName}</div>
      <div className="sl-muted">{t('injectAt', { time: formatSeconds(atMs, i18n.language) })}</div>
      {items.map((item) => (
        <button type="button" role="menuitem" key={item.label} title={d.faultDescription(item.fault.action) || item.description} onClick={() => onPick(item)}>
          {item.text ? t(item.text.key, item.text.key === 'partitionEdge' ? { from: nameOf(String(item.text.values.from)), to: nameOf(String(item.text.values.to)) } : item.text.values) : d.faultMenu(item.fault.action)}
        </button>
      ))}
    </div>
  );
}
