import type { EdgeKind } from '../../../shared/graph';

export interface ToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  onLayout(): void;
  onHelp(): void;
  connectKind: EdgeKind;
  onConnectKind(kind: EdgeKind): void;
  snapToGrid: boolean;
  onSnapToGrid(on: boolean): void;
}

/** Edit commands that also have shortcuts, for those who do not know them yet. */
export function EditorToolbar(p: ToolbarProps) {
  return (
    <div className="sl-toolbar" role="toolbar" aria-label="Edit">
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title="Undo (Ctrl+Z)">Undo</button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title="Redo (Ctrl+Shift+Z)">Redo</button>
      <button type="button" onClick={p.onLayout} title="Arrange automatically (L)" aria-keyshortcuts="L">Layout</button>
      <label title="Kind of the connections you draw next">
        Connect as{' '}
        <select value={p.connectKind} onChange={(e) => p.onConnectKind(e.target.value as EdgeKind)} aria-label="Connection kind">
          <option value="request">requests</option>
          <option value="replication">replication</option>
        </select>
      </label>
      <label>
        <input type="checkbox" checked={p.snapToGrid} onChange={(e) => p.onSnapToGrid(e.target.checked)} /> Snap to grid
      </label>
      <button type="button" onClick={p.onHelp} title="Keyboard shortcuts (?)" aria-keyshortcuts="?">Shortcuts</button>
    </div>
  );
}
