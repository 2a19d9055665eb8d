import { mkdtempSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createHost } from '../../../src/main/host/services';
import { startWebHost, type WebHost } from '../../../src/main/host/web/server';
import type { LessonView } from '../../../src/shared/ipc';
import type { Result } from '../../../src/shared/result';
import { liveWorkerCount } from '../../../src/main/workers/pool';

const PACK_DIR = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');

const PAGE_CSP = "default-src 'none'; script-src 'self'; connect-src 'self'";

let web: WebHost;
let host: ReturnType<typeof createHost>;

beforeAll(async () => {
  const rendererDir = mkdtempSync(path.join(tmpdir(), 'statelab-renderer-'));
  writeFileSync(path.join(rendererDir, 'index.html'), `<!doctype html><meta http-equiv="Content-Security-Policy" content="${PAGE_CSP}"><title>StateLab</title>`);
  host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
  web = await startWebHost({ dispatch: host.dispatch, rendererDir, port: 0 });
});

afterAll(async () => {
  host.dispose();
  await web.close();
});

const origin = () => web.origin;
/** The key the page was given in its address. */
const pageKey = () => new URL(web.url).searchParams.get('key')!;

function connect(headers: Record<string, string> = { Origin: origin() }, key: string | null = pageKey(), host: WebHost = web): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const query = key === null ? '' : `?key=${encodeURIComponent(key)}`;
    const ws = new WebSocket(`${host.origin.replace('http', 'ws')}/bridge${query}`, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

interface Client {
  call(channel: string, payload: unknown): Promise<Result<unknown>>;
  events: { event: string; payload: unknown }[];
  close(): void;
}

async function client(): Promise<Client> {
  const ws = await connect();
  let nextId = 1;
  const waiting = new Map<number, (r: Result<unknown>) => void>();
  const events: { event: string; payload: unknown }[] = [];
  ws.on('message', (data) => {
    const message = JSON.parse(String(data));
    if (typeof message.id === 'number') waiting.get(message.id)?.(message.result);
    else events.push(message);
  });
  return {
    events,
    call: (channel, payload) =>
      new Promise((resolve) => {
        const id = nextId++;
        waiting.set(id, resolve);
        ws.send(JSON.stringify({ id, channel, payload }));
      }),
    close: () => ws.close(),
  };
}

describe('browser host bridge', () => {
  it('serves the same services as IPC', async () => {
    const c = await client();
    await expect(c.call('app:info', {})).resolves.toEqual({ ok: true, value: { version: expect.any(String), host: 'web' } });
    const packs = await c.call('packs:catalogue', {});
    expect(packs).toMatchObject({ ok: true, value: [{ id: 'stateless-vs-stateful' }] });
    c.close();
  });

  it('answers a bad payload with a validation error and keeps serving', async () => {
    const c = await client();
    const bad = await c.call('sim:run', { runId: 'r1', graph: { format: 'statelab.graph', version: 1, nodes: 'oops', edges: [] }, scenario: {} });
    expect(bad.ok).toBe(false);
    if (!bad.ok) {
      expect(bad.error.code).toBe('invalid-payload');
      expect(bad.error.message).toMatch(/graph\.nodes/);
    }
    const unknown = await c.call('fs:deleteEverything', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    await expect(c.call('app:info', { extra: true })).resolves.toMatchObject({ ok: false, error: { code: 'invalid-payload' } });
    await expect(c.call('app:info', {})).resolves.toMatchObject({ ok: true });
    c.close();
  });

  it('refuses bridge connections from other origins', async () => {
    await expect(connect({ Origin: 'https://evil.example' })).rejects.toThrow(/403/);
    await expect(connect({})).rejects.toThrow(/403/);
  });

  it('refuses bridge connections without this launch\'s key, even from a forged Origin', async () => {
    expect(pageKey()).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await expect(connect({ Origin: origin() }, null)).rejects.toThrow(/403/);
    await expect(connect({ Origin: origin() }, 'x'.repeat(43))).rejects.toThrow(/403/);
    await expect(connect({ Origin: origin() }, pageKey().slice(0, -1))).rejects.toThrow(/403/);
    await expect(connect({ Origin: origin() }, '')).rejects.toThrow(/403/);
    const accepted = await connect();
    accepted.close();
  });

  it('mints a different key at every launch', async () => {
    const other = await startWebHost({ dispatch: host.dispatch, rendererDir: mkdtempSync(path.join(tmpdir(), 'statelab-renderer-')), port: 0 });
    try {
      expect(new URL(other.url).searchParams.get('key')).not.toBe(pageKey());
      await expect(connect({ Origin: other.origin }, pageKey(), other)).rejects.toThrow(/403/);
    } finally {
      await other.close();
    }
  });

  it('aborts the calls of a socket when the socket closes', async () => {
    let signal: AbortSignal | undefined;
    const hanging = await startWebHost({
      dispatch: (_channel, _payload, ctx) => {
        signal = ctx.signal;
        return new Promise(() => {});
      },
      rendererDir: mkdtempSync(path.join(tmpdir(), 'statelab-renderer-')),
      port: 0,
      bridgeKey: 'a-test-key-of-enough-length',
    });
    try {
      const ws = await connect({ Origin: hanging.origin }, 'a-test-key-of-enough-length', hanging);
      ws.send(JSON.stringify({ id: 1, channel: 'sim:run', payload: {} }));
      await expect.poll(() => signal).toBeDefined();
      expect(signal!.aborted).toBe(false);
      ws.close();
      await expect.poll(() => signal!.aborted).toBe(true);
    } finally {
      await hanging.close();
    }
  });

  it('stops the worker of a run whose page went away (socket closed mid-run)', async () => {
    const page = await client();
    const opened = (await page.call('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'any-instance' })) as { ok: true; value: LessonView };
    // An hour of lesson 1: many seconds of work, far longer than this test waits.
    void page.call('sim:run', { runId: 'left-behind', graph: opened.value.starter, scenario: { ...opened.value.scenario, durationMs: 3_600_000 } });
    await expect.poll(() => liveWorkerCount(), { timeout: 20_000 }).toBe(1);
    page.close();
    await expect.poll(() => liveWorkerCount(), { timeout: 5_000 }).toBe(0);
  }, 60_000);

  it('serves every page with the renderer\'s CSP, and forbids framing it', async () => {
    for (const url of [web.url, `${web.origin}/missing.js`]) {
      const response = await fetch(url);
      expect(response.headers.get('content-security-policy')).toBe(`${PAGE_CSP}; frame-ancestors 'none'`);
      expect(response.headers.get('x-frame-options')).toBe('DENY');
    }
  });

  it('serves the renderer but nothing outside it, and only under its own host name', async () => {
    const page = await fetch(web.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('StateLab');
    const escape = await fetch(`${web.origin}/..%2f..%2fpackage.json`);
    expect([403, 404]).toContain(escape.status);
    // fetch() may not set Host, so ask with http.get, as a DNS-rebinding page's browser would.
    const rebinding = await new Promise<number>((resolve, reject) => {
      http.get(web.url, { headers: { Host: 'attacker.example' } }, (res) => resolve(res.statusCode ?? 0)).on('error', reject);
    });
    expect(rebinding).toBe(403);
  });
});
