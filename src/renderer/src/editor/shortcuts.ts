/** The keyboard shortcuts, listed once: the help overlay shows exactly what the handler does. */
export const SHORTCUTS = [
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
] as const;

export type ShortcutCommand = 'delete' | 'cut' | 'copy' | 'paste' | 'duplicate' | 'undo' | 'redo' | 'selectAll' | 'save' | 'open' | 'layout' | 'help' | 'run' | 'escape' | 'step';

export const isTyping = (target: EventTarget | null) => {
  const el = target as Partial<HTMLElement> | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? '')));
};

/** Maps a key event to a command; typing in a form field keeps its own keys (text undo, Delete). */
export function commandOf(event: Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>): ShortcutCommand | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  if (ctrl && key === 'enter') return 'run';
  if (ctrl && key === 's') return 'save';
  if (ctrl && key === 'o') return 'open';
  if (event.key === 'Escape') return 'escape';
  if (isTyping(event.target)) return undefined;
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
  return undefined;
}
