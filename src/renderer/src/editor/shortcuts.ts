import { SIDE_PANELS } from '../layout/panelPrefs';

/** The keyboard shortcuts, listed once: the help overlay shows exactly what the handler does. */
export const SHORTCUTS = [
  { keys: 'Tab / Shift+Tab', action: 'Move between nodes and controls; Enter or Space selects the focused node' },
  { keys: 'C', action: 'Connect the selected node: pick the target from a list' },
  { keys: 'F', action: 'Inject a fault into the selected node or connection (after a run)' },
  { keys: 'Delete / Backspace', action: 'Delete the selection' },
  { keys: 'Ctrl+X', action: 'Cut' },
  { keys: 'Ctrl+C', action: 'Copy' },
  { keys: 'Ctrl+V', action: 'Paste' },
  { keys: 'Ctrl+D', action: 'Duplicate' },
  { keys: 'Ctrl+Z', action: 'Undo' },
  { keys: 'Ctrl+Shift+Z / Ctrl+Y', action: 'Redo' },
  { keys: 'Ctrl+A', action: 'Select everything' },
  { keys: 'Ctrl+S', action: 'Save' },
  { keys: 'Ctrl+O', action: 'Open a saved design' },
  { keys: 'L', action: 'Automatic layout' },
  { keys: '?', action: 'Show or hide this help' },
  { keys: 'Ctrl+Enter', action: 'Run the simulation' },
  { keys: '.', action: "Step the lab bench to the simulator's next event" },
  { keys: 'Shift+drag', action: 'Select with a box' },
  { keys: 'Ctrl+click', action: 'Add to the selection' },
  { keys: 'Escape', action: 'Clear the selection, close dialogs' },
  ...Object.values(SIDE_PANELS).map(({ key, title }) => ({ keys: key, action: `Show or hide the ${title.toLowerCase()} panel` })),
];

export type ShortcutCommand = 'delete' | 'cut' | 'copy' | 'paste' | 'duplicate' | 'undo' | 'redo' | 'selectAll' | 'save' | 'open' | 'layout' | 'help' | 'run' | 'escape' | 'step' | 'connect' | 'fault' | 'togglePalette' | 'toggleProperties' | 'toggleLesson';

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
  if (ctrl && key === 'enter') return 'run';
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
  if (key === 'c') return 'connect';
  if (key === 'f') return 'fault';
  if (PANEL_COMMANDS[event.key]) return PANEL_COMMANDS[event.key];
  return undefined;
}
