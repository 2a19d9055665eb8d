import { memo, type DragEvent } from 'react';
import type { NodeKind } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';

/** The drag payload type, so the canvas accepts only palette drags. */
export const PALETTE_MIME = 'application/x-statelab-kind';

/**
 * Every node kind the lesson allows, with its icon and a one-line tooltip. Drag one onto the
 * canvas to add it, or press it (keyboard users) to add it in the middle of the view.
 */
function PaletteView({ kinds, onAdd }: { kinds: readonly NodeKind[]; onAdd(kind: NodeKind): void }) {
  const onDragStart = (event: DragEvent, kind: NodeKind) => {
    event.dataTransfer.setData(PALETTE_MIME, kind);
    event.dataTransfer.effectAllowed = 'copy';
  };
  return (
    <nav className="sl-palette" aria-label="Palette">
      <div className="sl-panel-title">Components</div>
      {kinds.map((kind) => {
        const info = NODE_KIND_SPECS[kind];
        return (
          <button
            type="button"
            key={kind}
            className="sl-palette-item"
            draggable
            data-kind={kind}
            title={info.description}
            aria-label={`Add ${info.label}: ${info.description}`}
            onDragStart={(e) => onDragStart(e, kind)}
            onClick={() => onAdd(kind)}
          >
            <svg className="sl-node-icon" viewBox="0 0 24 24" aria-hidden="true" style={{ color: info.color }}>
              <path d={info.icon} />
            </svg>
            <span>{info.label}</span>
          </button>
        );
      })}
      <p className="sl-hint">Drag onto the canvas, then drag from a node’s right handle to another node’s left handle to connect.</p>
    </nav>
  );
}

export const Palette = memo(PaletteView);
