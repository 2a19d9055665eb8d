/** Messages on the browser host's WebSocket bridge. Mirrors Electron's invoke/handle and push events. */
import type { Result } from '../../../shared/result';

export const BRIDGE_PATH = '/bridge';
/** The query parameter carrying the launch's bridge key, on the page's address and on BRIDGE_PATH. */
export const BRIDGE_KEY_PARAM = 'key';

/** Renderer → host: call a channel. */
export interface BridgeCall {
  id: number;
  channel: string;
  payload: unknown;
}

/** Host → renderer: the answer to call `id`, or a push event. */
export type BridgeMessage = { id: number; result: Result<unknown> } | { event: string; payload: unknown };
