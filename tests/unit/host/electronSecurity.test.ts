import type { IpcMain } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../../src/shared/api';
import { isOwnRendererUrl, lockDownContents, registerIpc, secureWebPreferences } from '../../../src/main/electron/security';
import { createDispatcher } from '../../../src/main/host/dispatcher';
import type { Dispatch, Handlers } from '../../../src/main/host/dispatcher';

const RENDERER = 'file:///opt/statelab/out/renderer/index.html';

function fakeIpcMain() {
  const handlers = new Map<string, (event: unknown, payload: unknown) => unknown>();
  const ipcMain = { handle: (channel: string, fn: (event: never, payload: unknown) => unknown) => void handlers.set(channel, fn as never) };
  return { handlers, ipcMain: ipcMain as unknown as Pick<IpcMain, 'handle'> };
}

/** A window's contents: `destroy()` fires 'destroyed' as Electron does when the window goes away. */
function fakeContents() {
  let isDestroyed = false;
  const onDestroyed: (() => void)[] = [];
  return {
    isDestroyed: () => isDestroyed,
    send: vi.fn(),
    once: (name: string, fn: () => void) => void (name === 'destroyed' && onDestroyed.push(fn)),
    destroy: () => {
      isDestroyed = true;
      for (const fn of onDestroyed.splice(0)) fn();
    },
  };
}

const eventFrom = (url: string, sender = fakeContents()) => ({ senderFrame: { url }, sender });

describe('window security', () => {
  it('creates the window isolated, sandboxed and without Node integration', () => {
    const prefs = secureWebPreferences('/p/preload.js');
    expect(prefs).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webSecurity: true, webviewTag: false });
  });

  it('denies window.open and navigation away from the renderer', () => {
    const listeners = new Map<string, (event: { preventDefault(): void }, url: string) => void>();
    let openHandler: (() => { action: string }) | undefined;
    lockDownContents(
      {
        on: ((name: string, fn: (event: { preventDefault(): void }, url: string) => void) => listeners.set(name, fn)) as never,
        setWindowOpenHandler: ((fn: () => { action: string }) => (openHandler = fn)) as never,
      },
      RENDERER,
    );
    expect(openHandler?.()).toEqual({ action: 'deny' });
    const remote = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(remote, 'https://example.com/');
    expect(remote.preventDefault).toHaveBeenCalled();
    const own = { preventDefault: vi.fn() };
    listeners.get('will-navigate')?.(own, RENDERER);
    expect(own.preventDefault).not.toHaveBeenCalled();
  });

  it('treats only our own renderer as a trusted sender', () => {
    expect(isOwnRendererUrl(RENDERER, RENDERER)).toBe(true);
    expect(isOwnRendererUrl('file:///tmp/evil.html', RENDERER)).toBe(false);
    expect(isOwnRendererUrl('http://localhost:5173/', 'http://localhost:5173/')).toBe(true);
    expect(isOwnRendererUrl('http://localhost:5174/', 'http://localhost:5173/')).toBe(false);
    expect(isOwnRendererUrl('not a url', RENDERER)).toBe(false);
  });
});

describe('IPC registration', () => {
  it('registers every channel of the contract through the one dispatcher', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const dispatch: Dispatch = vi.fn(async () => ({ ok: true as const, value: 'answered' }));
    registerIpc(ipcMain, dispatch, RENDERER);
    expect([...handlers.keys()].sort()).toEqual([...CHANNELS].sort());
    await expect(handlers.get('app:info')?.(eventFrom(RENDERER), {})).resolves.toEqual({ ok: true, value: 'answered' });
  });

  it('refuses calls from a frame that is not our renderer, without running the handler', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const dispatch: Dispatch = vi.fn();
    registerIpc(ipcMain, dispatch, RENDERER);
    const result = await handlers.get('app:info')?.(eventFrom('https://evil.example/'), {});
    expect(result).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    expect(dispatch).not.toHaveBeenCalled();
  });

  it("aborts a call's signal when its window is destroyed, and only that window's", async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const signals: (AbortSignal | undefined)[] = [];
    const dispatch: Dispatch = vi.fn(async (_channel, _payload, ctx) => {
      signals.push(ctx.signal);
      return { ok: true as const, value: null };
    });
    registerIpc(ipcMain, dispatch, RENDERER);
    const closing = fakeContents();
    const staying = fakeContents();
    await handlers.get('sim:run')?.(eventFrom(RENDERER, closing), {});
    await handlers.get('sim:run')?.(eventFrom(RENDERER, staying), {});
    expect(signals.map((s) => s?.aborted)).toEqual([false, false]);
    closing.destroy();
    expect(signals.map((s) => s?.aborted)).toEqual([true, false]);
  });

  it('answers a malformed payload with a validation error naming the field', async () => {
    const { handlers, ipcMain } = fakeIpcMain();
    const handler = vi.fn();
    const dispatch = createDispatcher(Object.fromEntries(CHANNELS.map((channel) => [channel, handler])) as unknown as Handlers);
    registerIpc(ipcMain, dispatch, RENDERER);
    const result = await handlers.get('lessons:open')?.(eventFrom(RENDERER), { packId: 7 });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    expect((result as { error: { message: string } }).error.message).toMatch(/packId/);
    expect(handler).not.toHaveBeenCalled();
  });
});
