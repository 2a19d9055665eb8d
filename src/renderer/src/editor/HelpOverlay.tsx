import { SHORTCUTS } from './shortcuts';

/** The "?" overlay: every shortcut the editor knows. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <div className="sl-overlay" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onClick={onClose}>
      <div className="sl-dialog" onClick={(e) => e.stopPropagation()}>
        <h2>Keyboard shortcuts</h2>
        <table className="sl-shortcuts">
          <tbody>
            {SHORTCUTS.map(({ keys, action }) => (
              <tr key={keys}>
                <td><kbd>{keys}</kbd></td>
                <td>{action}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <div className="sl-dialog-actions">
          <button type="button" onClick={onClose} autoFocus>Close</button>
        </div>
      </div>
    </div>
  );
}
