import { SIDE_PANELS, type SidePanel } from '../layout/panelPrefs';

/** The keyboard shortcuts, listed once: the help overlay shows exactly what the handler does; `id` names its words (the editor namespace's `help`). */
export const SHORTCUTS: { id: string; keys: string; panel?: SidePanel }[] = [
  { id: 'tab', keys: 'Tab / Shift+Tab' },
  { id: 'move', keys: 'Arrow keys' },
  { id: 'connect', keys: 'C' },
  { id: 'fault', keys: 'F' },
  { id: 'delete', keys: 'Delete / Backspace' },
  { id: 'cut', keys: 'Ctrl+X' },
  { id: 'copy', keys: 'Ctrl+C' },
  { id: 'paste', keys: 'Ctrl+V' },
  { id: 'duplicate', keys: 'Ctrl+D' },
  { id: 'undo', keys: 'Ctrl+Z' },
  { id: 'redo', keys: 'Ctrl+Shift+Z / Ctrl+Y' },
  { id: 'selectAll', keys: 'Ctrl+A' },
  { id: 'save', keys: 'Ctrl+S' },
  { id: 'open', keys: 'Ctrl+O' },
  { id: 'layout', keys: 'L' },
  { id: 'help', keys: '?' },
  { id: 'run', keys: 'Ctrl+Enter' },
  { id: 'play', keys: 'P' },
  { id: 'step', keys: '.' },
  { id: 'check', keys: 'Ctrl+Shift+Enter' },
  { id: 'boxSelect', keys: 'Shift+drag' },
  { id: 'addSelect', keys: 'Ctrl+click' },
  { id: 'escape', keys: 'Escape' },
  ...(Object.keys(SIDE_PANELS) as SidePanel[]).map((panel) => ({ id: 'panel', panel, keys: SIDE_PANELS[panel].key })),
];

export type ShortcutCommand = 'delete' | 'cut' | 'copy' | 'paste' | 'duplicate' | 'undo' | 'redo' | 'selectAll' | 'save' | 'open' | 'layout' | 'help' | 'run' | 'check' | 'playPause' | 'escape' | 'step' | 'connect' | 'fault' | 'togglePalette' | 'toggleProperties' | 'toggleLesson';

const PANEL_COMMANDS: Record<string, ShortcutCommand> = {
  [SIDE_PANELS.palette.key]: 'togglePalette',
  [SIDE_PANELS.properties.key]: 'toggleProperties',
  [SIDE_PANELS.lesson.key]: 'toggleLesson',
};

export const isTyping = (target: EventTarget | null) => {
  const el = target as Partial<HTMLElement> | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? '')));
};
/** Keys pressed in a modal dialog belong to the dialog, not to the design behind it. */
const isInModal = (target: EventTarget | null) => Boolean((target as Partial<Element> | null)?.closest?.('[aria-modal="true"]'));

/** Maps a key event to a command; typing in a form field keeps its own keys (text undo, Delete). */
export function commandOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): ShortcutCommand | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === 'enter') return event.shiftKey ? 'check' : 'run';
  if (ctrl && key === 's') return 'save';
  if (ctrl && key === 'o') return 'open';
  if (event.key === 'Escape') return 'escape';
  if (isTyping(event.target) || isInModal(event.target)) return undefined;
  if (ctrl && key === 'z') return event.shiftKey ? 'redo' : 'undo';
  if (ctrl && key === 'y') return 'redo';
  if (ctrl && key === 'x') return 'cut';
  if (ctrl && key === 'c') return 'copy';
  if (ctrl && key === 'v') return 'paste';
  if (ctrl && key === 'd') return 'duplicate';
  if (ctrl && key === 'a') return 'selectAll';
  if (ctrl || event.altKey) return undefined;
  if (event.key === 'Delete' || event.key === 'Backspace') return 'delete';
  if (key === 'l') return 'layout';
  if (event.key === '?') return 'help';
  if (event.key === '.') return 'step';
  if (key === 'p') return 'playPause';
  if (key === 'c') return 'connect';
  if (key === 'f') return 'fault';
  if (PANEL_COMMANDS[event.key]) return PANEL_COMMANDS[event.key];
  return undefined;
}
