import { useTranslation } from 'react-i18next';
import { useState } from 'react';
import { checkConnection } from '../../../shared/connections';
import { EDGE_KINDS, type EdgeKind, type Graph } from '../../../shared/graph';
import { useNodeNamer } from '../i18n/nodeNames';
import { useDomain } from '../i18n/useDomain';
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
  const { t } = useTranslation('editor');
  const d = useDomain();
  const nameOf = useNodeNamer(graph.nodes);
  const source = graph.nodes.find((n) => n.id === sourceId);
  if (!source) return null;
  const label = nameOf;
  const touching = graph.edges.filter((e) => e.source === sourceId || e.target === sourceId);
  return (
    <Modal label={t('connectTitle', { name: nameOf(source.id) })} onClose={onClose} className="sl-connect">
      <h2>{t('connectTitle', { name: nameOf(source.id) })}</h2>
      <label className="sl-connect-kind">
        {t('connectAs')}{' '}
        <select value={kind} onChange={(e) => setKind(e.target.value as EdgeKind)}>
          {EDGE_KINDS.map((k) => <option key={k} value={k}>{d.edgeKind(k)}</option>)}
        </select>
      </label>
      <h3>{t('to')}</h3>
      <ul className="sl-file-list" aria-label={t('targets')}>
        {graph.nodes
          .filter((n) => n.id !== sourceId)
          .map((n) => {
            const verdict = checkConnection(graph, sourceId, n.id, kind);
            return (
              <li key={n.id}>
                <button type="button" className="sl-file-item" data-target={n.id} disabled={!verdict.ok} onClick={() => onConnect(n.id, kind)} aria-describedby={verdict.ok ? undefined : `why-${n.id}`}>
                  {nameOf(n.id)} <span className="sl-muted">{d.kind(n.kind)}</span>
                </button>
                {!verdict.ok && (
                  <div className="sl-muted" id={`why-${n.id}`}>
                    {d.refusal(verdict, { source: nameOf(sourceId), target: nameOf(n.id) })}
                  </div>
                )}
              </li>
            );
          })}
      </ul>
      {touching.length > 0 && (
        <>
          <h3>{t('itsConnections')}</h3>
          <ul className="sl-file-list" aria-label={t('itsConnections')}>
            {touching.map((e) => (
              <li key={e.id}>
                <button type="button" className="sl-file-item" data-edge={e.id} onClick={() => onSelectEdge(e.id)}>
                  {t('selectEdge', { from: label(e.source), to: label(e.target) })}
                  {e.kind === 'replication' ? t('replicationSuffix') : ''}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
      <div className="sl-dialog-actions">
        <button type="button" onClick={onClose}>
          {t('close')}
        </button>
      </div>
    </Modal>
  );
}
