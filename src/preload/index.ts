// The sandboxed preload: exposes the contract's named methods as window.statelab, never ipcRenderer.
import { contextBridge, ipcRenderer } from 'electron';
import { makeApi } from '../shared/api';
import type { Result } from '../shared/result';

const api = makeApi(
  (channel, request) => ipcRenderer.invoke(channel, request) as Promise<Result<unknown>>,
  (event, listener) => {
    const wrapped = (_e: unknown, payload: unknown) => listener(payload);
    ipcRenderer.on(event, wrapped);
    return () => ipcRenderer.removeListener(event, wrapped);
  },
);

contextBridge.exposeInMainWorld('statelab', api);
