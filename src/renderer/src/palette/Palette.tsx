import { useTranslation } from 'react-i18next';
import { memo, useId, useState, type DragEvent, type FocusEvent, type KeyboardEvent } from 'react';
import type { NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { useDomain } from '../i18n/useDomain';
import { PanelToggle } from '../layout/PanelToggle';
import type { SidePanel } from '../layout/panelPrefs';

/** The drag payload type, so the canvas accepts only palette drags. */
export const PALETTE_MIME = 'application/x-statelab-kind';

interface PaletteProps {
  kinds: readonly NodeKind[];
  onAdd(kind: NodeKind): void;
  /** Folded to a rail (small screens): each icon over its kind's name, with a tooltip on hover and keyboard focus. */
  isCollapsed?: boolean;
  onToggle?(panel: SidePanel): void;
  /** A lesson is opening: nothing is added (its saved work is about to replace the canvas). */
  isDisabled?: boolean;
}

/**
 * Every node kind the lesson allows, with its icon and a one-line tooltip. Drag one onto the
 * canvas to add it, or press it (keyboard users) to add it in the middle of the view. Folded to a
 * rail (under 1366 px, so at 1280×720 beside a lesson), each icon keeps its name under it: a first-time
 * student could not tell a cache from a session store by the icon alone. Its tooltip (name and
 * description) shows at once on hover and on keyboard focus, beside the rail, over the canvas.
 */
function PaletteView({ kinds, onAdd, isCollapsed = false, onToggle, isDisabled = false }: PaletteProps) {
  const { t } = useTranslation('editor');
  const d = useDomain();
  const tipId = useId();
  /** The rail's tooltip: which kind, and where (fixed, so the rail's scrolling box does not clip it). */
  const [tip, setTip] = useState<{ kind: NodeKind; left: number; top: number }>();
  const showTip = (kind: NodeKind, item: HTMLElement) => {
    const box = item.getBoundingClientRect();
    setTip({ kind, left: box.right + 8, top: box.top + box.height / 2 });
  };
  const hideTip = () => setTip(undefined);
  // Focus from the keyboard shows it; a click's focus does not (the pointer's hover already did).
  const onFocus = (event: FocusEvent<HTMLElement>, kind: NodeKind) => event.currentTarget.matches(':focus-visible') && showTip(kind, event.currentTarget);
  const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && hideTip();
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className={`sl-palette${isCollapsed ? ' is-collapsed' : ''}`} aria-label={t('palette')} aria-busy={isDisabled || undefined} onKeyDown={isCollapsed ? onKeyDown : undefined}>
      <div className="sl-panel-head">
        {!isCollapsed && <div className="sl-panel-title">{t('panels.palette')}</div>}
        {onToggle && <PanelToggle panel="palette" side="left" isCollapsed={isCollapsed} onToggle={onToggle} />}
      </div>
      {kinds.map((kind) => {
        const info = NODE_KIND_SPECS[kind];
        return (
          <button
            type="button"
            key={kind}
            className="sl-palette-item"
            // aria-disabled, not disabled: a focused item keeps the focus (Enter adds once the lesson is open).
            draggable={!isDisabled}
            aria-disabled={isDisabled || undefined}
            data-kind={kind}
            // Open, the native tooltip; folded, the rail's own, which shows at once and on keyboard focus too.
            title={isCollapsed ? undefined : `${d.kind(kind)}: ${d.kindDescription(kind)}`}
            aria-describedby={isCollapsed ? `${tipId}-${kind}` : undefined}
            onDragStart={(e) => {
              hideTip();
              onDragStart(e, kind);
            }}
            onClick={() => !isDisabled && onAdd(kind)}
            onMouseEnter={isCollapsed ? (e) => showTip(kind, e.currentTarget) : undefined}
            onMouseLeave={isCollapsed ? hideTip : undefined}
            onFocus={isCollapsed ? (e) => onFocus(e, kind) : undefined}
            onBlur={isCollapsed ? hideTip : undefined}
          >
            <svg className="sl-node-icon" viewBox="0 0 24 24" aria-hidden="true" style={{ color: info.color }}>
              <path d={info.icon} />
            </svg>
            {/* The kind's name is the button's name, open or folded (folded, in small type under the icon). */}
            {isCollapsed ? <span className="sl-palette-caption">{d.kind(kind)}</span> : <span>{d.kind(kind)}</span>}
            {isCollapsed && (
              <span id={`${tipId}-${kind}`} hidden>
                {d.kindDescription(kind)}
              </span>
            )}
          </button>
        );
      })}
      {!isCollapsed && <p className="sl-hint">{t('paletteHint')}</p>}
      {isCollapsed && tip && kinds.includes(tip.kind) && (
        <div role="tooltip" className="sl-palette-tip" data-testid="palette-tip" style={{ left: tip.left, top: tip.top }}>
          <strong>{d.kind(tip.kind)}</strong>
          <span>{d.kindDescription(tip.kind)}</span>
        </div>
      )}
    </nav>
  );
}

export const Palette = memo(PaletteView);
