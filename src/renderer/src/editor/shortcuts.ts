import { APP_KEYS, chordAria, chordText, MENU_KEYS, type AppKeyId, type Chord, type MenuKeyId } from '../../../shared/shortcuts';
import { SIDE_PANELS, type SidePanel } from '../layout/panelPrefs';

/** A row of the "?" help: its keys as written, and `id` naming its words (the editor namespace's `help`). */
export interface HelpRow { id: string; keys: string; panel?: SidePanel }

const keysOf = (chords: readonly Chord[]) => chords.map(chordText).join(' / ');
const appRow = (id: AppKeyId): HelpRow => ({ id, keys: keysOf(APP_KEYS[id].chords) });

/** The help's rows, in the order it shows them, all read from the key tables (src/shared/shortcuts.ts). */
export const SHORTCUTS: HelpRow[] = [
  { id: 'tab', keys: 'Tab / Shift+Tab' },
  { id: 'move', keys: 'Arrow keys' },
  ...(['connect', 'fault', 'delete', 'cut', 'copy', 'paste', 'duplicate', 'undo', 'redo', 'selectAll', 'save', 'open', 'layout', 'help', 'run', 'playPause', 'step', 'nextLogged', 'nextFault', 'toStart', 'check'] as const).map(appRow),
  { id: 'boxSelect', keys: 'Shift+drag' },
  { id: 'addSelect', keys: 'Ctrl+click' },
  appRow('escape'),
  ...(Object.keys(SIDE_PANELS) as SidePanel[]).map((panel) => ({ id: 'panel', panel, keys: SIDE_PANELS[panel].key })),
];

/** The desktop menu's own keys, grouped as the help lists them (zoom in, out and reset share a row). */
const MENU_ROWS: { id: string; keys: readonly MenuKeyId[] }[] = [
  { id: 'new', keys: ['new'] },
  { id: 'saveAs', keys: ['saveAs'] },
  { id: 'exportDesign', keys: ['exportDesign'] },
  { id: 'importPack', keys: ['importPack'] },
  { id: 'openSubmission', keys: ['openSubmission'] },
  { id: 'fitView', keys: ['fitView'] },
  { id: 'zoom', keys: ['zoomIn', 'zoomOut', 'resetZoom'] },
  { id: 'shortcuts', keys: ['shortcuts'] },
  { id: 'quit', keys: ['quit'] },
];
export const MENU_SHORTCUTS: HelpRow[] = MENU_ROWS.map(({ id, keys }) => ({ id, keys: keysOf(keys.map((k) => MENU_KEYS[k])) }));

/** What a button's aria-keyshortcuts says for a command: "Control+Shift+Z Control+Y". */
export const ariaKeysOf = (id: AppKeyId) => APP_KEYS[id].chords.map(chordAria).join(' ');
/** A command's keys as a tooltip writes them, joined by the language's "or". */
export const keysTextOf = (id: AppKeyId, or: string) => APP_KEYS[id].chords.map(chordText).join(or);

export type ShortcutCommand = AppKeyId | 'togglePalette' | 'toggleProperties' | 'toggleLesson';

const PANEL_COMMANDS: Record<string, ShortcutCommand> = {
  [SIDE_PANELS.palette.key]: 'togglePalette',
  [SIDE_PANELS.properties.key]: 'toggleProperties',
  [SIDE_PANELS.lesson.key]: 'toggleLesson',
};

export const isTyping = (target: EventTarget | null) => {
  const el = target as Partial<HTMLElement> | null;
  return Boolean(el && (el.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(el.tagName ?? '')));
};
const isInside = (target: EventTarget | null, selector: string) => Boolean((target as Partial<Element> | null)?.closest?.(selector));

type KeyEvent = Pick<KeyboardEvent, 'key' | 'ctrlKey' | 'metaKey' | 'shiftKey' | 'altKey' | 'target'>;
const ENTRIES = Object.entries(APP_KEYS) as [AppKeyId, (typeof APP_KEYS)[AppKeyId]][];

/** The command whose chord the event is; `shiftAsked` false lets a key without Shift match with Shift held ("?", "P"). */
function find(event: KeyEvent, shiftAsked: boolean): AppKeyId | undefined {
  const ctrl = event.ctrlKey || event.metaKey;
  const key = event.key.toLowerCase();
  const hit = ENTRIES.find(([, entry]) =>
    entry.chords.some((c: Chord) => c.key.toLowerCase() === key && Boolean(c.ctrl) === ctrl && (shiftAsked ? Boolean(c.shift) === event.shiftKey : !c.shift && !c.ctrl)),
  );
  return hit?.[0];
}

/**
 * Maps a key event to a command. Typing in a form field keeps its own keys (text undo, Delete),
 * keys pressed in a modal dialog belong to the dialog, and keys pressed in an open menu belong to
 * the menu (Escape closes it); only the `anywhere` chords (save, open, run, check) reach past a
 * field or a dialog.
 */
export function commandOf(event: KeyEvent): ShortcutCommand | undefined {
  if (event.altKey) return undefined;
  const command = find(event, true) ?? (event.shiftKey ? find(event, false) : undefined) ?? (event.ctrlKey || event.metaKey ? undefined : PANEL_COMMANDS[event.key]);
  if (!command) return undefined;
  if (command === 'escape') return command;
  if (isInside(event.target, '[role="menu"]')) return undefined;
  const isAnywhere = command in APP_KEYS && 'anywhere' in APP_KEYS[command as AppKeyId];
  if (!isAnywhere && (isTyping(event.target) || isInside(event.target, '[aria-modal="true"]'))) return undefined;
  return command;
}
