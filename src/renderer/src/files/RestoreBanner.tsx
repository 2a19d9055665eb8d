import { useTranslation } from 'react-i18next';
import type { AutosaveRecord } from '../../../shared/ipc';

/** Offered at start when the last session left unsaved work (a crash, a kill, a closed tab). */
export function RestoreBanner({ record, onRestore, onDiscard }: { record: AutosaveRecord; onRestore(): void; onDiscard(): void }) {
  const { t, i18n } = useTranslation('files');
  const p = useTranslation('properties').t;
  const when = new Date(record.savedAtMs).toLocaleString(i18n.language);
  return (
    <div className="sl-banner" role="alert" aria-label={t('unsavedFound')}>
      <span>{t('restoreOffer', { when, name: record.name ? ` (${record.name})` : '', nodes: p('nodes', { count: record.graph.nodes.length }), connections: p('connections', { count: record.graph.edges.length }) })}</span>
      <button type="button" className="sl-primary" onClick={onRestore}>{t('restore')}</button>
      <button type="button" onClick={onDiscard}>{t('discard')}</button>
    </div>
  );
}
