import { useState } from 'react';
import { checkConnection } from '../../../shared/connections';
import type { EdgeKind, Graph } from '../../../shared/graph';
import { NODE_KIND_SPECS } from '../../../shared/nodeKinds';
import { Modal } from '../ui/Modal';

/**
 * Connecting without a mouse (C): every other node of the design, the ones the rules refuse
 * shown with the reason; and the node's existing connections, so a keyboard user can select one.
 */
export function ConnectDialog({ graph, sourceId, initialKind, onConnect, onSelectEdge, onClose }: {
  graph: Graph;
  sourceId: string;
  initialKind: EdgeKind;
  onConnect(target: string, kind: EdgeKind): void;
  onSelectEdge(edgeId: string): void;
  onClose(): void;
}) {
  const [kind, setKind] = useState(initialKind);
  const source = graph.nodes.find((n) => n.id === sourceId);
  if (!source) return null;
  const label = new Map(graph.nodes.map((n) => [n.id, n.label]));
  const touching = graph.edges.filter((e) => e.source === sourceId || e.target === sourceId);
  return (
    <Modal label={`Connect ${source.label}`} onClose={onClose} className="sl-connect">
      <h2>Connect {source.label}</h2>
      <label className="sl-connect-kind">
        Connect as{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as EdgeKind)}>
          <option value="request">requests</option>
          <option value="replication">replication</option>
        </select>
      </label>
      <h3>To</h3>
      <ul className="sl-file-list" aria-label="Targets">
        {graph.nodes
          .filter((n) => n.id !== sourceId)
          .map((n) => {
            const verdict = checkConnection(graph, sourceId, n.id, kind);
            return (
              <li key={n.id}>
                <button type="button" className="sl-file-item" data-target={n.id} disabled={!verdict.ok} onClick={() => onConnect(n.id, kind)} aria-describedby={verdict.ok ? undefined : `why-${n.id}`}>
                  {n.label} <span className="sl-muted">{NODE_KIND_SPECS[n.kind].label}</span>
                </button>
                {!verdict.ok && (
                  <div className="sl-muted" id={`why-${n.id}`}>
                    {verdict.reason}
                  </div>
                )}
              </li>
            );
          })}
      </ul>
      {touching.length > 0 && (
        <>
          <h3>Its connections</h3>
          <ul className="sl-file-list" aria-label="Its connections">
            {touching.map((e) => (
              <li key={e.id}>
                <button type="button" className="sl-file-item" data-edge={e.id} onClick={() => onSelectEdge(e.id)}>
                  Select {label.get(e.source)} → {label.get(e.target)}
                  {e.kind === 'replication' ? ' (replication)' : ''}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
    </Modal>
  );
}
