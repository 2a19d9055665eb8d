import { useTranslation } from 'react-i18next';
import { memo, type DragEvent } from 'react';
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
  /** Folded to a rail of icons (small screens), each still a button named by its kind. */
  isCollapsed?: boolean;
  onToggle?(panel: SidePanel): void;
  /** A lesson is opening: nothing is added (its saved work is about to replace the canvas). */
  isDisabled?: boolean;
}

/**
 * Every node kind the lesson allows, with its icon and a one-line tooltip. Drag one onto the
 * canvas to add it, or press it (keyboard users) to add it in the middle of the view.
 */
function PaletteView({ kinds, onAdd, isCollapsed = false, onToggle, isDisabled = false }: PaletteProps) {
  const { t } = useTranslation('editor');
  const d = useDomain();
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className={`sl-palette${isCollapsed ? ' is-collapsed' : ''}`} aria-label={t('palette')} aria-busy={isDisabled || undefined}>
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
            title={`${d.kind(kind)}: ${d.kindDescription(kind)}`}
            // Folded, the icon is all that shows: the kind's name is the button's name either way.
            aria-label={isCollapsed ? d.kind(kind) : undefined}
            onDragStart={(e) => onDragStart(e, kind)}
            onClick={() => !isDisabled && onAdd(kind)}
          >
            <svg className="sl-node-icon" viewBox="0 0 24 24" aria-hidden="true" style={{ color: info.color }}>
              <path d={info.icon} />
            </svg>
            {!isCollapsed && <span>{d.kind(kind)}</span>}
          </button>
        );
      })}
      {!isCollapsed && <p className="sl-hint">{t('paletteHint')}</p>}
    </nav>
  );
}

export const Palette = memo(PaletteView);
