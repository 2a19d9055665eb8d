/**
 * Every key chord of the app, listed once. The renderer's key handler, the tooltips and
 * aria-keyshortcuts of the buttons, the "?" help and the desktop menu's accelerators all read
 * these tables, so a key shown anywhere is the key that works.
 */

/** A key as KeyboardEvent.key names it (letters upper-case), with the modifiers it needs. */
export interface Chord {
  readonly key: string;
  readonly ctrl?: boolean;
  readonly shift?: boolean;
}

/**
 * Keys the renderer carries out. `anywhere`: it also works while typing in a field or inside a
 * dialog (Save, Run…); the others leave a field's own keys (text undo, Delete) to the field.
 * A key without `shift` also fires with Shift held ("P" or "?"), unless another entry claims
 * that chord with Shift ("Shift+F").
 */
export const APP_KEYS = {
  delete: { chords: [{ key: 'Delete' }, { key: 'Backspace' }] },
  cut: { chords: [{ key: 'X', ctrl: true }] },
  copy: { chords: [{ key: 'C', ctrl: true }] },
  paste: { chords: [{ key: 'V', ctrl: true }] },
  duplicate: { chords: [{ key: 'D', ctrl: true }] },
  undo: { chords: [{ key: 'Z', ctrl: true }] },
  redo: { chords: [{ key: 'Z', ctrl: true, shift: true }, { key: 'Y', ctrl: true }] },
  selectAll: { chords: [{ key: 'A', ctrl: true }] },
  save: { chords: [{ key: 'S', ctrl: true }], anywhere: true },
  open: { chords: [{ key: 'O', ctrl: true }], anywhere: true },
  layout: { chords: [{ key: 'L' }] },
  help: { chords: [{ key: '?' }] },
  run: { chords: [{ key: 'Enter', ctrl: true }], anywhere: true },
  check: { chords: [{ key: 'Enter', ctrl: true, shift: true }], anywhere: true },
  playPause: { chords: [{ key: 'P' }] },
  step: { chords: [{ key: '.' }] },
  nextLogged: { chords: [{ key: 'N' }] },
  nextFault: { chords: [{ key: 'F', shift: true }] },
  toStart: { chords: [{ key: 'Home' }] },
  connect: { chords: [{ key: 'C' }] },
  fault: { chords: [{ key: 'F' }] },
  escape: { chords: [{ key: 'Escape' }], anywhere: true },
} as const satisfies Record<string, { chords: readonly Chord[]; anywhere?: boolean }>;
export type AppKeyId = keyof typeof APP_KEYS;

/**
 * Keys only the desktop menu carries out (main registers them; the browser host has no menu).
 * The help lists them under the menu's heading.
 */
export const MENU_KEYS = {
  new: { key: 'N', ctrl: true },
  saveAs: { key: 'S', ctrl: true, shift: true },
  exportDesign: { key: 'E', ctrl: true },
  importPack: { key: 'I', ctrl: true },
  openSubmission: { key: 'O', ctrl: true, shift: true },
  fitView: { key: 'F', ctrl: true, shift: true },
  zoomIn: { key: '=', ctrl: true },
  zoomOut: { key: '-', ctrl: true },
  resetZoom: { key: '0', ctrl: true },
  shortcuts: { key: 'F1' },
  quit: { key: 'Q', ctrl: true },
} as const satisfies Record<string, Chord>;
export type MenuKeyId = keyof typeof MENU_KEYS;

/** A chord as the tooltips and the help write it: "Ctrl+Shift+Z". */
export const chordText = (chord: Chord) => [chord.ctrl && 'Ctrl', chord.shift && 'Shift', chord.key].filter(Boolean).join('+');

/** A chord as aria-keyshortcuts names it: "Control+Shift+Z". */
export const chordAria = (chord: Chord) => [chord.ctrl && 'Control', chord.shift && 'Shift', chord.key].filter(Boolean).join('+');

/** A chord as an Electron menu accelerator: "CmdOrCtrl+Shift+Z". */
export const accelerator = (chord: Chord) => [chord.ctrl && 'CmdOrCtrl', chord.shift && 'Shift', chord.key].filter(Boolean).join('+');
