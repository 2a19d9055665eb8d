// The Electron-specific wiring, kept small and free of an `electron` import so tests can drive it
// with fakes: the caller passes in the real BrowserWindow and ipcMain.
import { errorMessage } from '../../shared/i18n/errorTexts';
import type { BrowserWindowConstructorOptions, IpcMain, IpcMainInvokeEvent, Session, WebContents } from 'electron';
import { CHANNELS } from '../../shared/api';
import { fail } from '../../shared/result';
import type { Dispatch } from '../host/dispatcher';

/** The only webPreferences StateLab's window is ever created with; devtools only outside the packaged app. */
export function secureWebPreferences(preloadPath: string, isPackaged = true): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    devTools: !isPackaged,
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
  };
}

/** True when a URL belongs to our own renderer (the packaged files, or the dev server in development). */
export function isOwnRendererUrl(url: string, rendererUrl: string): boolean {
  try {
    const candidate = new URL(url);
    const own = new URL(rendererUrl);
    if (own.protocol === 'file:') return candidate.protocol === 'file:' && candidate.pathname === own.pathname;
    if (own.protocol === 'http:' || own.protocol === 'https:') return candidate.origin === own.origin;
    // app://statelab/: a custom scheme's origin is opaque ("null") to the URL parser, so compare
    // scheme and host rather than two equal "null"s.
    return candidate.protocol === own.protocol && candidate.host === own.host && own.host !== '';
  } catch {
    return false;
  }
}

/** Every permission (camera, notifications, clipboard read, …) is refused, both when asked and when checked. */
export function denyAllPermissions(session: Pick<Session, 'setPermissionRequestHandler' | 'setPermissionCheckHandler'>): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Navigation and new windows are denied: the app never shows remote content. */
export function lockDownContents(contents: Pick<WebContents, 'on' | 'setWindowOpenHandler'>, rendererUrl: string): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event, url) => {
    if (!isOwnRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isOwnRendererUrl(url, rendererUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

/**
 * Registers every channel of the contract on ipcMain through the one dispatcher. A call from a
 * frame that is not our renderer is refused before its payload is even looked at. Every call from
 * a window gets that window's abort signal, which fires when the window's contents are destroyed.
 */
export function registerIpc(ipcMain: Pick<IpcMain, 'handle'>, dispatch: Dispatch, rendererUrl: string): void {
  const signals = new WeakMap<WebContents, AbortSignal>();
  const signalOf = (sender: WebContents): AbortSignal => {
    let signal = signals.get(sender);
    if (!signal) {
      const gone = new AbortController();
      if (sender.isDestroyed()) gone.abort();
      else sender.once('destroyed', () => gone.abort());
      signal = gone.signal;
      signals.set(sender, signal);
    }
    return signal;
  };
  for (const channel of CHANNELS) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, payload: unknown) => {
      const frameUrl = event.senderFrame?.url ?? '';
      if (!isOwnRendererUrl(frameUrl, rendererUrl)) {
        return fail('forbidden-sender', errorMessage('call.forbiddenSender', { channel }));
      }
      return dispatch(channel, payload, {
        emit: (name, body) => {
          if (!event.sender.isDestroyed()) event.sender.send(name, body);
        },
        signal: signalOf(event.sender),
      });
    });
  }
}
