import { describe, expect, it } from 'vitest';
import { commandOf, SHORTCUTS } from '../../../src/renderer/src/editor/shortcuts';

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
  });

  it('leaves typing in a field alone, except save, open and run', () => {
    const input = { tagName: 'INPUT' };
    expect(key('Backspace', { target: input })).toBeUndefined();
    expect(key('z', { ctrl: true, target: input })).toBeUndefined();
    expect(key('l', { target: input })).toBeUndefined();
    expect(key('s', { ctrl: true, target: input })).toBe('save');
  });

  it('lists every shortcut in the help overlay', () => {
    const listed = SHORTCUTS.map((s) => s.keys).join(' ');
    for (const k of ['Delete', 'Ctrl+C', 'Ctrl+V', 'Ctrl+D', 'Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+Y', 'Ctrl+S', 'Ctrl+O', 'Ctrl+A', 'L', '?', 'Ctrl+Enter']) {
      expect(listed).toContain(k);
    }
  });
});
