// Loads the real Electron entry with electron mocked, and checks what it actually wires up.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it, vi } from 'vitest';

type Listener = (...args: unknown[]) => unknown;

const state = vi.hoisted(() => ({
  isPackaged: false,
  hasLock: true,
  created: [] as { options: Record<string, unknown>; url?: string; listeners: Map<string, Listener[]>; sent: [string, unknown][] }[],
  handled: new Map<string, Listener>(),
  appListeners: new Map<string, Listener>(),
  permissionRequest: [] as Listener[],
  permissionCheck: [] as Listener[],
  schemes: [] as unknown[],
  protocolHandlers: new Map<string, Listener>(),
  menus: [] as unknown[],
  messageBoxes: [] as unknown[],
  quit: 0,
}));

vi.mock('electron', () => {
  class BrowserWindow {
    entry: (typeof state.created)[number];
    webContents: Record<string, unknown>;
    constructor(options: Record<string, unknown>) {
      this.entry = { options, listeners: new Map(), sent: [] };
      const entry = this.entry;
      this.webContents = {
        on: vi.fn(),
        setWindowOpenHandler: vi.fn(),
        send: (name: string, body: unknown) => entry.sent.push([name, body]),
        undo: vi.fn(),
        redo: vi.fn(),
        cut: vi.fn(),
        copy: vi.fn(),
        paste: vi.fn(),
      };
      state.created.push(this.entry);
    }
    static getFocusedWindow = () => undefined;
    on(name: string, fn: Listener) {
      this.entry.listeners.set(name, [...(this.entry.listeners.get(name) ?? []), fn]);
    }
    once() {}
    show() {}
    maximize() {}
    isMinimized = () => false;
    restore() {}
    focus() {}
    isDestroyed = () => false;
    isMaximized = () => false;
    getNormalBounds = () => ({ x: 10, y: 10, width: 1000, height: 700 });
    close() {}
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.isPackaged;
      },
      whenReady: () => Promise.resolve(),
      on: (name: string, fn: Listener) => state.appListeners.set(name, fn),
      requestSingleInstanceLock: () => state.hasLock,
      getAppPath: () => process.cwd(),
      getPath: () => mkdtempSync(path.join(tmpdir(), 'statelab-electron-test-')),
      getLocale: () => 'zh-CN',
      quit: () => state.quit++,
    },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn(), showErrorBox: vi.fn(), showMessageBox: vi.fn(async (...args: unknown[]) => (state.messageBoxes.push(args), { response: 1 })) },
    ipcMain: { handle: (channel: string, fn: Listener) => state.handled.set(channel, fn) },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => state.menus.push(m) },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown[]) => state.schemes.push(...s),
      handle: (scheme: string, fn: Listener) => state.protocolHandlers.set(scheme, fn),
    },
    screen: { getAllDisplays: () => [{ workArea: { x: 0, y: 0, width: 1920, height: 1080 } }] },
    session: {
      defaultSession: {
        setPermissionRequestHandler: (fn: Listener) => state.permissionRequest.push(fn),
        setPermissionCheckHandler: (fn: Listener) => state.permissionCheck.push(fn),
      },
    },
  };
});

async function launch(options: { isPackaged: boolean; hasLock?: boolean; env?: Record<string, string> }) {
  vi.resetModules();
  Object.assign(state, { isPackaged: options.isPackaged, hasLock: options.hasLock ?? true, quit: 0 });
  state.created.length = 0;
  state.handled.clear();
  state.appListeners.clear();
  state.menus.length = 0;
  state.messageBoxes.length = 0;
  const saved = process.env.ELECTRON_RENDERER_URL;
  if (options.env?.ELECTRON_RENDERER_URL) process.env.ELECTRON_RENDERER_URL = options.env.ELECTRON_RENDERER_URL;
  else delete process.env.ELECTRON_RENDERER_URL;
  try {
    await import('../../../src/main/index');
  } finally {
    if (saved === undefined) delete process.env.ELECTRON_RENDERER_URL;
    else process.env.ELECTRON_RENDERER_URL = saved;
  }
  await vi.waitFor(() => expect(state.created.length + state.quit).toBeGreaterThan(0));
  await new Promise((r) => setTimeout(r, 10));
}

const call = (channel: string, payload: unknown) => state.handled.get(channel)?.({ senderFrame: { url: 'app://statelab/index.html' }, sender: { isDestroyed: () => false, send: vi.fn(), once: vi.fn() } }, payload);

describe('Electron main entry', () => {
  beforeEach(() => {
    // Electron's resources folder (where the packaged app keeps the lesson pack); Node has none.
    (process as { resourcesPath?: string }).resourcesPath = process.cwd();
    state.permissionRequest.length = 0;
    state.permissionCheck.length = 0;
  });

  it('opens one secure window on app://, registers every channel and refuses every permission', async () => {
    await launch({ isPackaged: true });
    expect(state.created).toHaveLength(1);
    const prefs = state.created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, devTools: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(state.created[0]!.url).toBe('app://statelab/index.html');
    expect(state.schemes).toContainEqual(expect.objectContaining({ scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true }) }));
    expect(state.protocolHandlers.has('app')).toBe(true);
    const { CHANNELS } = await import('../../../src/shared/api');
    expect([...state.handled.keys()].sort()).toEqual([...CHANNELS].sort());
    let granted: boolean | undefined;
    state.permissionRequest[0]?.({}, 'media', (g: boolean) => (granted = g));
    expect(granted).toBe(false);
    expect(state.permissionCheck[0]?.({}, 'clipboard-read')).toBe(false);
  });

  it('ignores ELECTRON_RENDERER_URL in the packaged app and follows it in development', async () => {
    await launch({ isPackaged: true, env: { ELECTRON_RENDERER_URL: 'http://evil.example/' } });
    expect(state.created[0]!.url).toBe('app://statelab/index.html');
    await launch({ isPackaged: false, env: { ELECTRON_RENDERER_URL: 'http://localhost:5173/' } });
    expect(state.created[0]!.url).toBe('http://localhost:5173/');
    expect((state.created[0]!.options.webPreferences as Record<string, unknown>).devTools).toBe(true);
  });

  it('a second launch quits at once, without a window', async () => {
    await launch({ isPackaged: true, hasLock: false });
    expect(state.quit).toBe(1);
    expect(state.created).toHaveLength(0);
  });

  it("a second launch's file opens in the first: the renderer is told and takes it", async () => {
    await launch({ isPackaged: true });
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-handover-'));
    writeFileSync(path.join(dir, 'cart.statelab.json'), JSON.stringify({ format: 'statelab.graph', version: 1, nodes: [], edges: [] }));
    state.appListeners.get('second-instance')?.({}, ['/opt/StateLab/statelab', 'cart.statelab.json'], dir);
    await vi.waitFor(() => expect(state.created[0]!.sent).toContainEqual(['onDidOpenFile', {}]));
    const taken = (await call('shell:takeOpenedFiles', {})) as { ok: boolean; value: { kind: string; fileName: string }[] };
    expect(taken.value).toEqual([expect.objectContaining({ kind: 'design', fileName: 'cart.statelab.json' })]);
  });

  it('builds the menu in the system language, rebuilds it when the renderer switches, and sends menu commands', async () => {
    await launch({ isPackaged: true });
    const fileMenu = () => (state.menus.at(-1) as { id: string; label: string }[]).find((m) => m.id === 'file')?.label;
    expect(fileMenu()).toMatch(/文件/);
    await call('shell:report', { isDirty: false, locale: 'en' });
    expect(fileMenu()).toMatch(/File/);
    const edit = (state.menus.at(-1) as { id: string; submenu: { id: string; click(): void }[] }[]).find((m) => m.id === 'edit')!;
    edit.submenu.find((i) => i.id === 'undo')!.click();
    expect(state.created[0]!.sent).toContainEqual(['onDidMenuCommand', { command: 'undo' }]);
  });

  it('asks before closing a window with unsaved changes, and not otherwise', async () => {
    await launch({ isPackaged: true });
    const close = (event: unknown) => state.created[0]!.listeners.get('close')!.forEach((fn) => fn(event));
    const clean = { preventDefault: vi.fn() };
    close(clean);
    expect(clean.preventDefault).not.toHaveBeenCalled();
    await call('shell:report', { isDirty: true, locale: 'en' });
    const dirty = { preventDefault: vi.fn() };
    close(dirty);
    expect(dirty.preventDefault).toHaveBeenCalled();
    expect(state.messageBoxes).toHaveLength(1);
    expect(JSON.stringify(state.messageBoxes[0])).toMatch(/unsaved changes/);
  });
});
