import { readFile } from 'node:fs/promises';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { WebSocketServer, type WebSocket } from 'ws';
import { MAX_PAYLOAD_BYTES } from '../../../shared/ipc';
import { fail } from '../../../shared/result';
import type { Dispatch } from '../dispatcher';
import { BRIDGE_PATH, type BridgeCall, type BridgeMessage } from '../../../shared/bridgeProtocol';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json; charset=utf-8',
  '.woff2': 'font/woff2',
};

export interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (out/renderer). */
  rendererDir: string;
  /** 0 picks a free port. */
  port: number;
}

export interface WebHost {
  url: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer and the host services on 127.0.0.1 only. The bridge accepts
 * connections only from pages this server served (Origin check), and every request only with a
 * Host header naming this server, so other web pages cannot drive it (DNS rebinding included).
 */
export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const root = path.resolve(options.rendererDir);
  let origins: Set<string> = new Set();
  const isOwnHost = (host: string | undefined) => host !== undefined && origins.has(`http://${host}`);

  const server = http.createServer((req, res) => {
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

  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD_BYTES + 1024 });
  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://x');
    if (url.pathname !== BRIDGE_PATH || !isOwnHost(req.headers.host) || !origins.has(String(req.headers.origin))) {
      socket.write('HTTP/1.1 403 Forbidden\r\n\r\n');
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => serveBridge(ws, options.dispatch));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origins = new Set([`http://127.0.0.1:${port}`, `http://localhost:${port}`]);
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const client of wss.clients) client.terminate();
        wss.close();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function serveBridge(ws: WebSocket, dispatch: Dispatch): void {
  const send = (message: BridgeMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  const ctx = { emit: (event: string, payload: unknown) => send({ event, payload }) };
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
      send({ id: call.id, result: fail('internal', error instanceof Error ? error.message : String(error)) });
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
      'Content-Type': MIME[path.extname(file)] ?? 'application/octet-stream',
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    });
    res.end(body);
  } catch {
    res.writeHead(404).end('Not found');
  }
}
