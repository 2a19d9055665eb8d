/** Messages on the browser host's WebSocket bridge. Mirrors Electron's invoke/handle and push events. */
import type { Result } from './result';

export const BRIDGE_PATH = '/bridge';

/** Renderer → host: call a channel. */
export interface BridgeCall {
  id: number;
  channel: string;
  payload: unknown;
}

/** Host → renderer: the answer to call `id`, or a push event. */
export type BridgeMessage = { id: number; result: Result<unknown> } | { event: string; payload: unknown };
