// The app:// protocol the desktop window loads its renderer from, driven with real Request objects.
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { APP_ENTRY_URL, appProtocolHandler, chooseRendererUrl, resolveAppPath } from '../../../src/main/electron/protocol';
import { isOwnRendererUrl } from '../../../src/main/electron/security';

const base = mkdtempSync(path.join(tmpdir(), 'statelab-protocol-'));
const rendererDir = path.join(base, 'out', 'renderer');
mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(rendererDir, 'assets', 'index.js'), 'console.log(1)');
writeFileSync(path.join(base, 'secret.txt'), 'do not serve');
symlinkSync(path.join(base, 'secret.txt'), path.join(rendererDir, 'assets', 'link.txt'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

const handler = appProtocolHandler(rendererDir);
const get = (url: string) => handler(new Request(url));

describe('app:// protocol', () => {
  it('serves the built renderer with its content type', async () => {
    const page = await get(APP_ENTRY_URL);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/^text\/html/);
    expect(await page.text()).toContain('<div id="root">');
    const script = await get('app://statelab/assets/index.js');
    expect(script.status).toBe(200);
    expect(script.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect((await get('app://statelab/')).status).toBe(200);
  });

  it('refuses every way out of out/renderer', async () => {
    for (const url of [
      'app://statelab/../secret.txt',
      'app://statelab/assets/../../secret.txt',
      'app://statelab/%2e%2e/secret.txt',
      'app://statelab/assets%2f..%2f..%2fsecret.txt',
      'app://statelab/..%5csecret.txt',
      'app://statelab/assets/link.txt',
    ]) {
      const response = await get(url);
      expect(response.status, url).toBeGreaterThanOrEqual(400);
      expect(await response.text(), url).not.toContain('do not serve');
      const resolved = resolveAppPath(rendererDir, url);
      if ('file' in resolved) expect(resolved.file.startsWith(rendererDir + path.sep), url).toBe(true);
    }
  });

  it('answers only for its own host and for reads', async () => {
    expect((await get('app://other/index.html')).status).toBe(404);
    expect((await get('app://statelab/missing.js')).status).toBe(404);
    expect((await handler(new Request(APP_ENTRY_URL, { method: 'POST', body: 'x' }))).status).toBe(405);
  });

  it('trusts app://statelab pages as our renderer, but not other custom-scheme pages', () => {
    expect(isOwnRendererUrl('app://statelab/index.html', APP_ENTRY_URL)).toBe(true);
    expect(isOwnRendererUrl('app://evil/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isOwnRendererUrl('other://statelab/index.html', APP_ENTRY_URL)).toBe(false);
    expect(isOwnRendererUrl('file:///tmp/index.html', APP_ENTRY_URL)).toBe(false);
  });
});

describe('renderer URL', () => {
  it('follows ELECTRON_RENDERER_URL only outside the packaged app', () => {
    const env = { ELECTRON_RENDERER_URL: 'http://localhost:5173/' };
    expect(chooseRendererUrl(false, env)).toBe('http://localhost:5173/');
    expect(chooseRendererUrl(true, env)).toBe(APP_ENTRY_URL);
    expect(chooseRendererUrl(false, {})).toBe(APP_ENTRY_URL);
  });
});
