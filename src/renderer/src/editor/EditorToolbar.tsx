import { useTranslation } from 'react-i18next';
import { EDGE_KINDS, type EdgeKind } from '../../../shared/graph';
import { useDomain } from '../i18n/useDomain';

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
  const { t } = useTranslation('editor');
  const d = useDomain();
  return (
    <div className="sl-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title={t('undoHint')}>{t('undo')}</button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title={t('redoHint')}>{t('redo')}</button>
      <button type="button" onClick={p.onLayout} title={t('layoutHint')} aria-keyshortcuts="L">{t('layout')}</button>
      <label title={t('connectAsHint')}>
        {t('connectAs')}{' '}
        <select value={p.connectKind} onChange={(e) => p.onConnectKind(e.target.value as EdgeKind)} aria-label={t('connectionKind')}>
          {EDGE_KINDS.map((k) => <option key={k} value={k}>{d.edgeKind(k)}</option>)}
        </select>
      </label>
      <label>
        <input type="checkbox" checked={p.snapToGrid} onChange={(e) => p.onSnapToGrid(e.target.checked)} /> {t('snap')}
      </label>
      <button type="button" onClick={p.onHelp} title={t('shortcutsHint')} aria-keyshortcuts="?">{t('shortcuts')}</button>
    </div>
  );
}
