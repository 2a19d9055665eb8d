// The renderer's own origin, app://statelab/, instead of file://: a file:// page may read any
// file:// URL the CSP lets through, an app:// page only what this handler serves, which is the
// files under out/renderer and nothing else. Imports no electron, so tests drive it directly.
import { readFile, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { CustomScheme } from 'electron';
import { MIME_TYPES } from '../host/mime';

export const APP_SCHEME = 'app';
export const APP_HOST = 'statelab';
/** The URL the window loads in the packaged app. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Registered before the app is ready: a standard, secure origin with fetch, like https. */
export const APP_SCHEME_PRIVILEGES: CustomScheme = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, corsEnabled: false, stream: false },
};


/**
 * The file under `rendererDir` a request names, or an HTTP status: 404 for another host or scheme,
 * 400 for a malformed path, 403 for anything that would leave the folder (`..`, encoded slashes,
 * backslashes, NUL).
 */
export function resolveAppPath(rendererDir: string, requestUrl: string): { file: string } | { status: number } {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return { status: 400 };
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return { status: 404 };
  // Check the raw path: WHATWG URL parsing already folds "/a/../b", so refuse any dot segment or
  // encoded separator that survived, rather than trusting what it folded to.
  const rawPath = url.pathname;
  if (/%2f|%5c|%00/i.test(rawPath) || rawPath.includes('\\')) return { status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { status: 400 };
  }
  if (decoded.includes('\0') || decoded.split('/').some((segment) => segment === '..' || segment === '.')) return { status: 403 };
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const root = path.resolve(rendererDir);
  const file = path.resolve(root, relative);
  if (file !== root && !file.startsWith(root + path.sep)) return { status: 403 };
  return { file };
}

/** The protocol.handle handler for app://: serves the built renderer, refuses everything else. */
export function appProtocolHandler(rendererDir: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return new Response(null, { status: 405 });
    const resolved = resolveAppPath(rendererDir, request.url);
    if ('status' in resolved) return new Response(null, { status: resolved.status });
    try {
      // A symlink inside out/renderer must not lead outside it either.
      const real = await realpath(resolved.file);
      const root = await realpath(rendererDir);
      if (real !== root && !real.startsWith(root + path.sep)) return new Response(null, { status: 403 });
      const body = await readFile(real);
      const type = MIME_TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
      return new Response(request.method === 'HEAD' ? null : body, { status: 200, headers: { 'content-type': type, 'x-content-type-options': 'nosniff' } });
    } catch {
      return new Response(null, { status: 404 });
    }
  };
}

/**
 * The renderer's URL: the dev server's only in development (`ELECTRON_RENDERER_URL`, set by
 * electron-vite), never in the packaged app, where an environment variable must not be able to
 * point the window, and its IPC trust, at another page.
 */
export function chooseRendererUrl(isPackaged: boolean, env: Readonly<Record<string, string | undefined>>): string {
  const dev = env.ELECTRON_RENDERER_URL;
  if (!isPackaged && dev) return dev;
  return APP_ENTRY_URL;
}
