import { useTranslation } from 'react-i18next';
import { EDGE_KINDS, type EdgeKind } from '../../../shared/graph';
import { formatSeconds } from '../i18n/format';
import { useNameOfId } from '../i18n/nodeNames';
import { useDomain } from '../i18n/useDomain';
import type { OutsideChange } from './history';
import { ToolbarMore } from './ToolbarMore';
import { useKeyHint } from './useKeyHint';

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
  const keyed = useKeyHint();
  const d = useDomain();
  // The fault's node named as the canvas and the timeline name it.
  const nameOf = useNameOfId();
  const words = (about: OutsideChange['about']) => ({ fault: `${d.fault(about.fault.action)} ${d.target(nameOf(about.fault.target))}`, time: formatSeconds(about.fault.atMs, i18n.language) });
  const undoHint = !p.undoAbout ? t('undoHint') : p.undoAbout.kind === 'faultInjected' ? t('undoFaultInjected', words(p.undoAbout)) : t('undoFaultRemoved', words(p.undoAbout));
  const redoHint = !p.redoAbout ? t('redoHint') : p.redoAbout.kind === 'faultInjected' ? t('redoFaultInjected', words(p.redoAbout)) : t('redoFaultRemoved', words(p.redoAbout));
  // Each keyed button's tooltip and aria-keyshortcuts, from the key table.
  const hints = {
    undo: keyed(undoHint, 'undo'),
    redo: keyed(redoHint, 'redo'),
    layout: keyed(t('layoutHint'), 'layout'),
    help: keyed(t('shortcutsHint'), 'help'),
  };
  return (
    <div className="sl-toolbar" role="toolbar" aria-label={t('toolbar')}>
      {/* Each button keeps its word as its name; a narrow canvas shows its icon instead (styles.css). */}
      <button type="button" onClick={p.onUndo} disabled={!p.canUndo} {...hints.undo} aria-label={t('undo')}>
        <ToolIcon d="M9 14 4 9l5-5M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
        <span className="sl-toolbar-word">{t('undo')}</span>
      </button>
      <button type="button" onClick={p.onRedo} disabled={!p.canRedo} {...hints.redo} aria-label={t('redo')}>
        <ToolIcon d="m15 14 5-5-5-5M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
        <span className="sl-toolbar-word">{t('redo')}</span>
      </button>
      <button type="button" onClick={p.onLayout} {...hints.layout} aria-label={t('layout')} className="sl-toolbar-layout">
        <ToolIcon d="M3 4h6v5H3zM15 4h6v5h-6zM9 15h6v5H9zM6 9v3h12V9M12 12v3" />
        <span className="sl-toolbar-word">{t('layout')}</span>
      </button>
      <label title={t('connectAsHint')}>
        <span className="sl-toolbar-wordy">{t('connectAs')}</span>
        <select value={p.connectKind} onChange={(e) => p.onConnectKind(e.target.value as EdgeKind)} aria-label={t('connectionKind')}>
          {EDGE_KINDS.map((k) => <option key={k} value={k}>{d.edgeKind(k)}</option>)}
        </select>
      </label>
      <label className="sl-toolbar-roomy">
        <input type="checkbox" checked={p.snapToGrid} onChange={(e) => p.onSnapToGrid(e.target.checked)} /> {t('snap')}
      </label>
      <button type="button" className="sl-toolbar-roomy" onClick={p.onHelp} {...hints.help}>{t('shortcuts')}</button>
      <ToolbarMore snapToGrid={p.snapToGrid} onSnapToGrid={p.onSnapToGrid} onHelp={p.onHelp} />
    </div>
  );
}

/** A toolbar button's icon, drawn in its text colour. */
function ToolIcon({ d }: { d: string }) {
  return (
    <svg className="sl-toolbar-icon" viewBox="0 0 24 24" aria-hidden="true">
      <path d={d} />
    </svg>
  );
}
