/// <reference types="vite/client" />
import type { StateLabApi } from '../../shared/api';

declare global {
  interface Window {
    /** Set by the preload in Electron; by the web bridge shim in the browser host. */
    statelab?: StateLabApi;
  }
}
