// The renderer's handling of application-menu commands sent by main (pure part of useShell).
import { describe, expect, it, vi } from 'vitest';
import { MENU_COMMANDS } from '../../../src/shared/shell';
import { runMenuCommand, type ShellBindings } from '../../../src/renderer/src/shell/useShell';

function bindings() {
  const commands = Object.fromEntries(MENU_COMMANDS.filter((c) => !c.startsWith('language:')).map((c) => [c, vi.fn()])) as unknown as ShellBindings['commands'];
  return { commands, setLocale: vi.fn() };
}
const canvas = { tagName: 'DIV' } as unknown as Element;
const textField = { tagName: 'INPUT' } as unknown as Element;

describe('menu commands in the renderer', () => {
  it('runs the command the menu named', () => {
    const b = bindings();
    expect(runMenuCommand({ command: 'saveAs' }, b, canvas)).toBe('saveAs');
    expect(b.commands.saveAs).toHaveBeenCalledOnce();
    runMenuCommand({ command: 'fitView' }, b, canvas);
    expect(b.commands.fitView).toHaveBeenCalledOnce();
  });

  it('switches the app language from the View menu', () => {
    const b = bindings();
    runMenuCommand({ command: 'language:zh-CN' }, b, canvas);
    runMenuCommand({ command: 'language:en' }, b, canvas);
    expect(b.setLocale.mock.calls).toEqual([['zh-CN'], ['en']]);
  });

  it('leaves undo, cut, copy and paste to a focused text field, and runs them on the canvas otherwise', () => {
    const b = bindings();
    for (const command of ['undo', 'redo', 'cut', 'copy', 'paste'] as const) {
      expect(runMenuCommand({ command }, b, textField)).toBeUndefined();
      expect(b.commands[command]).not.toHaveBeenCalled();
      runMenuCommand({ command }, b, canvas);
      expect(b.commands[command]).toHaveBeenCalledOnce();
    }
    // Save is not a text edit: it runs wherever the focus is.
    runMenuCommand({ command: 'save' }, b, textField);
    expect(b.commands.save).toHaveBeenCalledOnce();
  });

  it('ignores a malformed or unknown command', () => {
    const b = bindings();
    for (const payload of [undefined, 'save', { command: 'format-disk' }, { command: 'save', extra: 1 }, { command: ['save'] }]) {
      expect(runMenuCommand(payload, b, canvas)).toBeUndefined();
    }
    expect(Object.values(b.commands).some((fn) => vi.mocked(fn).mock.calls.length > 0)).toBe(false);
  });
});
