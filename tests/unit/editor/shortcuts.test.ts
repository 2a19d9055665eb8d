import { describe, expect, it } from 'vitest';
import { commandOf, MENU_SHORTCUTS, SHORTCUTS } from '../../../src/renderer/src/editor/shortcuts';

const key = (k: string, mods: { ctrl?: boolean; shift?: boolean; target?: object } = {}) =>
  commandOf({ key: k, ctrlKey: mods.ctrl ?? false, metaKey: false, shiftKey: mods.shift ?? false, altKey: false, target: (mods.target ?? { tagName: 'DIV' }) as EventTarget });

describe('keyboard shortcuts', () => {
  it('maps the documented keys to commands', () => {
    expect(key('z', { ctrl: true })).toBe('undo');
    expect(key('Z', { ctrl: true, shift: true })).toBe('redo');
    expect(key('y', { ctrl: true })).toBe('redo');
    expect(key('d', { ctrl: true })).toBe('duplicate');
    expect(key('Delete')).toBe('delete');
    expect(key('Backspace')).toBe('delete');
    expect(key('l')).toBe('layout');
    expect(key('?', { shift: true })).toBe('help');
    expect(key('Enter', { ctrl: true })).toBe('run');
    expect(key('Enter', { ctrl: true, shift: true })).toBe('check');
    expect(key('p')).toBe('playPause');
    expect(key('P', { shift: true })).toBe('playPause');
    expect(key('p', { ctrl: true })).toBeUndefined();
  });

  it('leaves typing in a field alone, except save, open and run', () => {
    const input = { tagName: 'INPUT' };
    expect(key('Backspace', { target: input })).toBeUndefined();
    expect(key('z', { ctrl: true, target: input })).toBeUndefined();
    expect(key('l', { target: input })).toBeUndefined();
    expect(key('s', { ctrl: true, target: input })).toBe('save');
    for (const k of ['p', '.', '?', 'f', 'c', '1', 'Delete']) expect(key(k, { target: input }), k).toBeUndefined();
    for (const target of [{ tagName: 'TEXTAREA' }, { tagName: 'SELECT' }, { tagName: 'DIV', isContentEditable: true }]) expect(key('p', { target }), target.tagName).toBeUndefined();
    // Run and Check my work are Ctrl chords: they work from a field too, as Save does.
    expect(key('Enter', { ctrl: true, shift: true, target: input })).toBe('check');
  });

  it('connects with C, opens the fault menu with F and folds the side panels with 1, 2 and 3', () => {
    expect(key('c')).toBe('connect');
    expect(key('C', { shift: true })).toBe('connect');
    expect(key('c', { ctrl: true })).toBe('copy');
    expect(key('f')).toBe('fault');
    expect([key('1'), key('2'), key('3')]).toEqual(['togglePalette', 'toggleProperties', 'toggleLesson']);
    expect(key('c', { target: { tagName: 'INPUT' } })).toBeUndefined();
  });

  it('leaves keys pressed inside a modal dialog to the dialog, except Escape and save', () => {
    const inDialog = { tagName: 'BUTTON', closest: (selector: string) => (selector.includes('aria-modal') ? {} : null) };
    expect(key('Delete', { target: inDialog })).toBeUndefined();
    expect(key('c', { target: inDialog })).toBeUndefined();
    expect(key('2', { target: inDialog })).toBeUndefined();
    expect(key('Escape', { target: inDialog })).toBe('escape');
    expect(key('s', { ctrl: true, target: inDialog })).toBe('save');
    const outside = { tagName: 'DIV', closest: () => null };
    expect(key('Delete', { target: outside })).toBe('delete');
  });

  it('walks the lab bench with N (next logged event), Shift+F (next fault) and Home (to start), apart from F', () => {
    expect(key('n')).toBe('nextLogged');
    expect(key('F', { shift: true })).toBe('nextFault');
    expect(key('f')).toBe('fault');
    expect(key('Home')).toBe('toStart');
    expect(key('n', { ctrl: true })).toBeUndefined();
    for (const k of ['n', 'Home']) expect(key(k, { target: { tagName: 'INPUT' } }), k).toBeUndefined();
    expect(key('F', { shift: true, target: { tagName: 'INPUT' } })).toBeUndefined();
    // The desktop menu's chords are not the renderer's: Ctrl+Shift+S saves as (menu), it does not save.
    expect(key('S', { ctrl: true, shift: true })).toBeUndefined();
  });

  it('leaves keys pressed in an open menu to the menu, Escape aside', () => {
    const inMenu = { tagName: 'BUTTON', closest: (selector: string) => (selector.includes('menu') ? {} : null) };
    for (const k of ['l', 'p', '.', 'c', 'f', '1', '2', 'Delete', 'n', 'Home']) expect(key(k, { target: inMenu }), k).toBeUndefined();
    expect(key('s', { ctrl: true, target: inMenu })).toBeUndefined();
    expect(key('z', { ctrl: true, target: inMenu })).toBeUndefined();
    expect(key('Escape', { target: inMenu })).toBe('escape');
  });

  it('lists the desktop menu’s own keys in the help', () => {
    const listed = MENU_SHORTCUTS.map((s) => s.keys).join(' ');
    for (const k of ['Ctrl+N', 'Ctrl+Shift+S', 'Ctrl+E', 'Ctrl+I', 'Ctrl+Shift+O', 'Ctrl+Shift+F', 'Ctrl+=', 'Ctrl+-', 'Ctrl+0', 'F1', 'Ctrl+Q']) expect(listed).toContain(k);
  });

  it('lists every shortcut in the help overlay', () => {
    const listed = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const k of ['Delete', 'Ctrl+C', 'Ctrl+V', 'Ctrl+D', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y', 'Ctrl+S', 'Ctrl+O', 'Ctrl+A', 'L', '?', 'Ctrl+Enter', 'Ctrl+Shift+Enter', 'P', 'N', 'Shift+F', 'Home', 'Arrow keys', 'C', 'F', '1', '2', '3', 'Tab']) {
      expect(listed).toContain(k);
    }
  });
});
