// The browser host's stand-in for the preload: the same named API, spoken over a WebSocket.
import { makeApi, type StateLabApi } from '../../../shared/api';
import { BRIDGE_KEY_PARAM, BRIDGE_PATH, type BridgeCall, type BridgeMessage } from '../../../shared/bridgeProtocol';
import { payloadTooLarge } from '../../../shared/payloadSize';
import { errorMessage, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import { appError, type Result } from '../../../shared/result';

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

/** Where the key is kept for reloads of this tab once it is gone from the address bar. */
const KEY_STORAGE = 'statelab.bridgeKey';

const NO_KEY = errorMessage('bridge.noKey');
const UNREACHABLE = errorMessage('bridge.unreachable');
const LOST = errorMessage('bridge.lost');

/** Why the bridge could not connect: one of the messages above. */
class BridgeDown extends Error {
  constructor(readonly text: ErrorMessage) {
    super(text.key);
  }
}

const failure = (text: ErrorMessage): Result<never> => ({ ok: false, error: appError('internal', text) });

/**
 * The bridge key: taken from the address the host printed (and then removed from the address bar,
 * so it is not shared with a screenshot or a copied link), else the one kept earlier in this tab.
 */
export function takeBridgeKey(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const url = new URL(win.location.href);
  const fromAddress = url.searchParams.get(BRIDGE_KEY_PARAM);
  if (fromAddress) {
    try {
      win.sessionStorage.setItem(KEY_STORAGE, fromAddress);
    } catch {
      // Storage disabled: the key still serves this page; a reload needs the printed address again.
    }
    url.searchParams.delete(BRIDGE_KEY_PARAM);
    win.history.replaceState(win.history.state, '', url.pathname + url.search + url.hash);
    return fromAddress;
  }
  try {
    return win.sessionStorage.getItem(KEY_STORAGE);
  } catch {
    return null;
  }
}

export function connectWebBridge(key = takeBridgeKey()): StateLabApi {
  const socket = key === null ? null : new WebSocket(`ws://${location.host}${BRIDGE_PATH}?${BRIDGE_KEY_PARAM}=${encodeURIComponent(key)}`);
  const opened = new Promise<void>((resolve, reject) => {
    if (!socket) return reject(new BridgeDown(NO_KEY));
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new BridgeDown(UNREACHABLE)), { once: true });
  });
  opened.catch(() => {}); // reported to each call below
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket?.addEventListener('message', (message) => {
    let data: Partial<Extract<BridgeMessage, { id: number }> & Extract<BridgeMessage, { event: string }>>;
    try {
      data = JSON.parse(String(message.data)) as typeof data;
    } catch {
      return;
    }
    if (typeof data.id === 'number' && data.result) {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else if (typeof data.event === 'string') {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });
  socket?.addEventListener('close', () => {
    for (const { resolve } of pending.values()) resolve(failure(LOST));
    pending.clear();
  });

  return makeApi(
    async (channel, request) => {
      // The host ends the connection on a frame over its limit, so such a call is never sent.
      const tooLarge = payloadTooLarge(request);
      if (tooLarge) return { ok: false, error: appError('invalid-payload', tooLarge) };
      try {
        await opened;
      } catch (error) {
        return failure(error instanceof BridgeDown ? error.text : UNREACHABLE);
      }
      if (!socket || socket.readyState !== WebSocket.OPEN) return failure(LOST);
      const id = nextId++;
      return new Promise<Result<unknown>>((resolve) => {
        pending.set(id, { resolve });
        const call: BridgeCall = { id, channel, payload: request };
        socket.send(JSON.stringify(call));
      });
    },
    (event, listener) => {
      const set = listeners.get(event) ?? new Set();
      set.add(listener);
      listeners.set(event, set);
      return () => set.delete(listener);
    },
  );
}
