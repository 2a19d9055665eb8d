import { readFile } from 'node:fs/promises';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_BRIDGE_FRAME_BYTES } from '../../../shared/ipc';
import { fail } from '../../../shared/result';
import type { CallContext, Dispatch } from '../dispatcher';
import { BRIDGE_KEY_PATTERN, contentSecurityPolicy, keyMatches, mintBridgeKey, securityHeaders } from './access';
import { BRIDGE_KEY_PARAM, BRIDGE_PATH, type BridgeCall, type BridgeMessage } from '../../../shared/bridgeProtocol';
import { MIME_TYPES } from '../mime';


export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
  /** The key a page must present to open the bridge; minted afresh when not given. */
  bridgeKey?: string;
  /** Where to report a failed socket or server error (the process keeps serving). */
  log?: (message: string) => void;
}

export interface WebHost {
  /** The page to open, carrying the bridge key: `http://127.0.0.1:PORT/?key=…`. */
  url: string;
  /** `http://127.0.0.1:PORT`, the only origin (besides localhost:PORT) the bridge accepts. */
  origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the host services on 127.0.0.1 only. The bridge accepts
 * connections only from pages this server served (Origin check) that present this launch's key
 * (so another local account cannot use it by forging an Origin), and every request only with a
 * Host header naming this server, so other web pages cannot drive it (DNS rebinding included).
 * A hostile or broken frame ends only its own socket.
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = path.resolve(options.rendererDir);
  const log = options.log ?? (() => {});
  const bridgeKey = options.bridgeKey ?? mintBridgeKey();
  if (!BRIDGE_KEY_PATTERN.test(bridgeKey)) throw new Error('The bridge key must be 16 to 128 letters, digits, "-" or "_".');
  const headers = securityHeaders(contentSecurityPolicy(await readFile(path.join(root, 'index.html'), 'utf8').catch(() => undefined)));
  let origins: Set<string> = new Set();
  const isOwnHost = (host: string | undefined) => host !== undefined && origins.has(`http://${host}`);

  const server = http.createServer((req, res) => {
    for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
    if (!isOwnHost(req.headers.host)) {
      res.writeHead(403).end('Forbidden host');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveFile(root, req.url ?? '/', res);
  });

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_BRIDGE_FRAME_BYTES });
  wss.on('error', (error) => log(`bridge: ${error.message}`));
  server.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://x');
    } catch {
      url = new URL('http://x/');
    }
    const isAllowed =
      url.pathname === BRIDGE_PATH &&
      isOwnHost(req.headers.host) &&
      origins.has(String(req.headers.origin)) &&
      keyMatches(bridgeKey, url.searchParams.get(BRIDGE_KEY_PARAM));
    if (!isAllowed) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, options.dispatch, log));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  server.on('error', (error) => log(`browser host: ${error.message}`));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  origins = new Set([origin, `http://localhost:${port}`]);
  return {
    url: `${origin}/?${BRIDGE_KEY_PARAM}=${bridgeKey}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** One socket: its calls share an abort signal that fires when the socket closes or fails. */
function serveBridge(ws: WebSocket, dispatch: Dispatch, log: (message: string) => void): void {
  const gone = new AbortController();
  const send = (message: BridgeMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const ctx: CallContext = { emit: (event, payload) => send({ event, payload }), signal: gone.signal };
  // Without this listener a frame over the limit, invalid UTF-8, a bad opcode or an unmasked
  // frame would be thrown out of the process; ws has already failed the connection.
  ws.on('error', (error) => {
    log(`bridge: closed a socket: ${error.message}`);
    gone.abort();
    ws.terminate();
  });
  ws.on('close', () => gone.abort());
  ws.on('message', async (data) => {
    let call: BridgeCall;
    try {
      call = JSON.parse(String(data)) as BridgeCall;
    } catch {
      return; // not our protocol; there is no id to answer
    }
    if (typeof call !== 'object' || call === null || typeof call.id !== 'number') return;
    try {
      send({ id: call.id, result: await dispatch(call.channel, call.payload, ctx) });
    } catch (error) {
      send({ id: call.id, result: fail('internal', errorMessage('call.failed', { channel: String(call.channel), detail: error instanceof Error ? error.message : String(error) })) });
    }
  });
}

async function serveFile(root: string, rawUrl: string, res: http.ServerResponse): Promise<void> {
  let pathname: string;
  try {
    pathname = decodeURIComponent(new URL(rawUrl, 'http://x').pathname);
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (pathname === '/' || pathname === '') pathname = '/index.html';
  const file = path.resolve(root, '.' + pathname);
  if (!file.startsWith(root + path.sep)) {
    res.writeHead(403).end();
    return;
  }
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      'Content-Type': MIME_TYPES[path.extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('Not found');
  }
}
