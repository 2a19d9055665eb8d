// The application menu template: its items, their accelerators, both languages, and what a click does.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { buildMenuTemplate, type MenuHandlers } from '../../../src/main/electron/menu';

const handlers = (): MenuHandlers => ({ command: vi.fn(), importPack: vi.fn(), openSubmission: vi.fn(), about: vi.fn() });

/** Every item with an id, flattened, by id. */
function items(template: MenuItemConstructorOptions[]): Map<string, MenuItemConstructorOptions> {
  const found = new Map<string, MenuItemConstructorOptions>();
  const walk = (list: MenuItemConstructorOptions[]) => {
    for (const item of list) {
      if (item.id) found.set(item.id, item);
      if (Array.isArray(item.submenu)) walk(item.submenu);
    }
  };
  walk(template);
  return found;
}

const click = (item: MenuItemConstructorOptions | undefined) => (item?.click as (() => void) | undefined)?.();

describe('application menu', () => {
  it('has File, Edit, View and Help with the items and platform accelerators of issue 18', () => {
    const template = buildMenuTemplate('en', 'linux', handlers(), { isPackaged: true });
    expect(template.map((m) => m.id)).toEqual(['file', 'edit', 'view', 'help']);
    const byId = items(template);
    const expected: Record<string, string | undefined> = {
      new: 'CmdOrCtrl+N',
      open: 'CmdOrCtrl+O',
      save: 'CmdOrCtrl+S',
      saveAs: 'CmdOrCtrl+Shift+S',
      exportDesign: 'CmdOrCtrl+E',
      importPack: 'CmdOrCtrl+I',
      openSubmission: 'CmdOrCtrl+Shift+O',
      quit: 'CmdOrCtrl+Q',
      undo: 'CmdOrCtrl+Z',
      redo: 'CmdOrCtrl+Shift+Z',
      cut: 'CmdOrCtrl+X',
      copy: 'CmdOrCtrl+C',
      paste: 'CmdOrCtrl+V',
      zoomIn: 'CmdOrCtrl+=',
      zoomOut: 'CmdOrCtrl+-',
      resetZoom: 'CmdOrCtrl+0',
      fitView: 'CmdOrCtrl+Shift+F',
      shortcuts: 'F1',
      about: undefined,
      'language:en': undefined,
      'language:zh-CN': undefined,
      export: undefined,
      exportPng: undefined,
      exportSvg: undefined,
    };
    for (const [id, accelerator] of Object.entries(expected)) {
      expect(byId.has(id), id).toBe(true);
      expect(byId.get(id)?.accelerator, id).toBe(accelerator);
    }
    expect(byId.get('quit')?.role).toBe('quit');
    expect(byId.get('zoomIn')?.role).toBe('zoomIn');
  });

  it('leaves the keys the canvas handles itself to the page, so text fields keep their own undo and paste', () => {
    const byId = items(buildMenuTemplate('en', 'win32', handlers(), { isPackaged: true }));
    for (const id of ['undo', 'redo', 'cut', 'copy', 'paste', 'save', 'open']) expect(byId.get(id)?.registerAccelerator, id).toBe(false);
    for (const id of ['new', 'saveAs', 'exportDesign', 'fitView']) expect(byId.get(id)?.registerAccelerator, id).toBe(true);
  });

  it('labels every item in English and in Simplified Chinese', () => {
    const en = items(buildMenuTemplate('en', 'linux', handlers(), { isPackaged: true }));
    const zh = items(buildMenuTemplate('zh-CN', 'linux', handlers(), { isPackaged: true }));
    expect(en.get('file')?.label).toBe('&File');
    expect(zh.get('file')?.label).toBe('文件(&F)');
    expect(en.get('saveAs')?.label).toBe('Save As…');
    expect(zh.get('saveAs')?.label).toBe('另存为…');
    expect(zh.get('undo')?.label).toBe('撤销');
    expect(zh.get('importPack')?.label).toBe('导入课程包…');
    for (const [id, item] of en) {
      if (!item.label || id.startsWith('language:')) continue;
      expect(zh.get(id)?.label, id).not.toBe(item.label);
      expect(zh.get(id)?.label, id).toMatch(/[\u4e00-\u9fff]/);
    }
    // The language list names each language in itself, and ticks the current one.
    expect(zh.get('language:en')).toMatchObject({ label: 'English', checked: false });
    expect(zh.get('language:zh-CN')).toMatchObject({ label: '简体中文', checked: true });
  });

  it('on macOS puts About and Quit in the app menu and drops the Windows mnemonics', () => {
    const template = buildMenuTemplate('en', 'darwin', handlers(), { isPackaged: true });
    expect(template.map((m) => m.id)).toEqual(['app', 'file', 'edit', 'view', 'help']);
    const app = items([template[0]!]);
    expect(app.has('about') && app.has('quit')).toBe(true);
    expect(template[1]!.label).toBe('File');
    expect(items(template.slice(1)).has('quit')).toBe(false);
  });

  it('sends commands to the renderer and asks main for the dialogs', () => {
    const h = handlers();
    const byId = items(buildMenuTemplate('en', 'linux', h, { isPackaged: true }));
    click(byId.get('saveAs'));
    click(byId.get('language:zh-CN'));
    click(byId.get('fitView'));
    expect(vi.mocked(h.command).mock.calls).toEqual([['saveAs'], ['language:zh-CN'], ['fitView']]);
    click(byId.get('importPack'));
    click(byId.get('openSubmission'));
    click(byId.get('about'));
    expect(h.importPack).toHaveBeenCalledOnce();
    expect(h.openSubmission).toHaveBeenCalledOnce();
    expect(h.about).toHaveBeenCalledOnce();
  });

  it('offers developer tools only outside the packaged app', () => {
    const roles = (isPackaged: boolean) => JSON.stringify(buildMenuTemplate('en', 'linux', handlers(), { isPackaged }));
    expect(roles(true)).not.toMatch(/toggleDevTools|reload/);
    expect(roles(false)).toMatch(/toggleDevTools/);
  });
});
