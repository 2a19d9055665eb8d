// The browser host's stand-in for the preload: the same named API, spoken over a WebSocket.
import { makeApi, type StateLabApi } from '../../../shared/api';
import { BRIDGE_PATH, type BridgeCall, type BridgeMessage } from '../../../shared/bridgeProtocol';
import type { Result } from '../../../shared/result';

interface Pending {
  resolve: (result: Result<unknown>) => void;
}

export function connectWebBridge(url = `ws://${location.host}${BRIDGE_PATH}`): StateLabApi {
  const socket = new WebSocket(url);
  const opened = new Promise<void>((resolve, reject) => {
    socket.addEventListener('open', () => resolve(), { once: true });
    socket.addEventListener('error', () => reject(new Error('Could not reach the StateLab host.')), { once: true });
  });
  const pending = new Map<number, Pending>();
  const listeners = new Map<string, Set<(payload: unknown) => void>>();
  let nextId = 1;

  socket.addEventListener('message', (message) => {
    const data = JSON.parse(String(message.data)) as Partial<Extract<BridgeMessage, { id: number }> & Extract<BridgeMessage, { event: string }>>;
    if (typeof data.id === 'number' && data.result) {
      pending.get(data.id)?.resolve(data.result);
      pending.delete(data.id);
    } else if (typeof data.event === 'string') {
      for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
    }
  });
  socket.addEventListener('close', () => {
    for (const { resolve } of pending.values()) {
      resolve({ ok: false, error: { code: 'internal', message: 'The connection to the StateLab host was lost. Is `npm run web` still running?' } });
    }
    pending.clear();
  });

  return makeApi(
    async (channel, request) => {
      try {
        await opened;
      } catch (error) {
        return { ok: false, error: { code: 'internal', message: (error as Error).message } };
      }
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
