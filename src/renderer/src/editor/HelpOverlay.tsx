import { SHORTCUTS } from './shortcuts';
import { Modal } from '../ui/Modal';

/** The "?" overlay: every shortcut the editor knows. */
export function HelpOverlay({ onClose }: { onClose(): void }) {
  return (
    <Modal label="Keyboard shortcuts" onClose={onClose}>
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
    </Modal>
  );
}
