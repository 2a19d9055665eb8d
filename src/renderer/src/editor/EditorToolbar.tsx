import { useTranslation } from 'react-i18next';
import { EDGE_KINDS, type EdgeKind } from '../../../shared/graph';
import { formatSeconds } from '../i18n/format';
import { useNameOfId } from '../i18n/nodeNames';
import { useDomain } from '../i18n/useDomain';
import type { OutsideChange } from './history';

export interface ToolbarProps {
  canUndo: boolean;
  canRedo: boolean;
  onUndo(): void;
  onRedo(): void;
  /** What Undo / Redo would act on when it is not an edit of the design (a fault injected in the lab), named in their tooltips. */
  undoAbout?: OutsideChange['about'] | undefined;
  redoAbout?: OutsideChange['about'] | undefined;
  onLayout(): void;
  onHelp(): void;
  connectKind: EdgeKind;
  onConnectKind(kind: EdgeKind): void;
  snapToGrid: boolean;
  onSnapToGrid(on: boolean): void;
}

/** Edit commands that also have shortcuts, for those who do not know them yet. */
export function EditorToolbar(p: ToolbarProps) {
  const { t, i18n } = useTranslation('editor');
  const d = useDomain();
  // The fault's node named as the canvas and the timeline name it.
  const nameOf = useNameOfId();
  const words = (about: OutsideChange['about']) => ({ fault: `${d.fault(about.fault.action)} ${d.target(nameOf(about.fault.target))}`, time: formatSeconds(about.fault.atMs, i18n.language) });
  const undoHint = !p.undoAbout ? t('undoHint') : p.undoAbout.kind === 'faultInjected' ? t('undoFaultInjected', words(p.undoAbout)) : t('undoFaultRemoved', words(p.undoAbout));
  const redoHint = !p.redoAbout ? t('redoHint') : p.redoAbout.kind === 'faultInjected' ? t('redoFaultInjected', words(p.redoAbout)) : t('redoFaultRemoved', words(p.redoAbout));
  return (
    <div className="sl-toolbar" role="toolbar" aria-label={t('toolbar')}>
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} title={undoHint} aria-keyshortcuts="Control+Z">{t('undo')}</button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} title={redoHint} aria-keyshortcuts="Control+Shift+Z Control+Y">{t('redo')}</button>
      <button type="button" onClick={p.onLayout} title={t('layoutHint')} aria-keyshortcuts="L">{t('layout')}</button>
      <label title={t('connectAsHint')}>
        <span className="sl-toolbar-wordy">{t('connectAs')}</span>
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
