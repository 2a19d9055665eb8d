import type { AutosaveRecord } from '../../../shared/ipc';

/** Offered at start when the last session left unsaved work (a crash, a kill, a closed tab). */
export function RestoreBanner({ record, onRestore, onDiscard }: { record: AutosaveRecord; onRestore(): void; onDiscard(): void }) {
  const when = new Date(record.savedAtMs).toLocaleString();
  return (
    <div className="sl-banner" role="alert" aria-label="Unsaved work found">
      <span>
        Unsaved work from {when}
        {record.name ? ` (${record.name})` : ''} was found: {record.graph.nodes.length} nodes, {record.graph.edges.length} connections. Restore it?
      </span>
      <button type="button" className="sl-primary" onClick={onRestore}>Restore</button>
      <button type="button" onClick={onDiscard}>Discard</button>
    </div>
  );
}
