import { useTranslation } from 'react-i18next';
import { SIDE_PANELS, type SidePanel } from './panelPrefs';

/**
 * Folds a side panel away or brings it back. Folded, the panel is a narrow rail whose button
 * shows the panel's name; open, a chevron in the panel's corner.
 */
export function PanelToggle({ panel, isCollapsed, side, onToggle }: { panel: SidePanel; isCollapsed: boolean; side: 'left' | 'right'; onToggle(panel: SidePanel): void }) {
  const { key } = SIDE_PANELS[panel];
  const { t } = useTranslation('editor');
  const title = t(`panels.${panel}`);
  const pointsOut = (side === 'left') === isCollapsed;
  return (
    <button
      type="button"
      className={`sl-panel-toggle${isCollapsed ? ' is-rail' : ''}`}
      data-panel={panel}
      aria-expanded={!isCollapsed}
      aria-keyshortcuts={key}
      aria-label={title}
      title={t(isCollapsed ? 'showPanel' : 'hidePanel', { panel: title, key })}
      onClick={() => onToggle(panel)}
    >
      <span aria-hidden="true">{pointsOut ? '»' : '«'}</span>
      {isCollapsed && <span className="sl-rail-label">{title}</span>}
    </button>
  );
}
