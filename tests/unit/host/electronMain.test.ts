// Loads the real Electron entry with electron mocked, and checks what it actually wires up.
import { describe, expect, it, vi } from 'vitest';

const created: { options: Record<string, unknown>; url?: string }[] = [];
const handled = new Set<string>();
const permissionHandlers: ((c: unknown, p: string, cb: (granted: boolean) => void) => void)[] = [];

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { on: vi.fn(), setWindowOpenHandler: vi.fn() };
    entry: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      this.entry = { options };
      created.push(this.entry);
    }
    once() {}
    show() {}
    loadURL(url: string) {
      this.entry.url = url;
      return Promise.resolve();
    }
  }
  return {
    app: { whenReady: () => Promise.resolve(), on: vi.fn(), getAppPath: () => process.cwd(), getPath: () => '/tmp/statelab-electron-test', quit: vi.fn() },
    BrowserWindow,
    dialog: { showOpenDialog: vi.fn(), showSaveDialog: vi.fn() },
    ipcMain: { handle: (channel: string) => handled.add(channel) },
    session: { defaultSession: { setPermissionRequestHandler: (fn: never) => permissionHandlers.push(fn) } },
  };
});

describe('Electron main entry', () => {
  it('opens one secure window on the bundled renderer and registers every channel', async () => {
    await import('../../../src/main/index');
    await new Promise((r) => setTimeout(r, 0));
    expect(created).toHaveLength(1);
    const prefs = created[0]!.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(prefs.preload)).toMatch(/preload[\\/]index\.js$/);
    expect(created[0]!.url).toMatch(/^file:.*renderer\/index\.html$/);
    const { CHANNELS } = await import('../../../src/shared/api');
    expect([...handled].sort()).toEqual([...CHANNELS].sort());
    let granted: boolean | undefined;
    permissionHandlers[0]?.({}, 'media', (g) => (granted = g));
    expect(granted).toBe(false);
  });
});
