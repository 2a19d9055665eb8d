// The browser renderer's side of the bridge, with a fake WebSocket: it presents the key, never sends
// a frame the host would refuse, and keeps the key for reloads once it is gone from the address bar.
import { englishError } from '../../../src/shared/i18n/errorTexts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { connectWebBridge, takeBridgeKey } from '../../../src/renderer/src/bridge/webBridge';
import { MAX_PAYLOAD_BYTES } from '../../../src/shared/ipc';
import { payloadTooLarge } from '../../../src/shared/payloadSize';

class FakeSocket extends EventTarget {
  static OPEN = 1;
  static last: FakeSocket;
  readyState = 0;
  sent: string[] = [];
  constructor(readonly url: string) {
    super();
    FakeSocket.last = this;
    queueMicrotask(() => {
      this.readyState = 1;
      this.dispatchEvent(new Event('open'));
    });
  }
  send(data: string) {
    this.sent.push(data);
    const { id } = JSON.parse(data) as { id: number };
    queueMicrotask(() => this.dispatchEvent(Object.assign(new Event('message'), { data: JSON.stringify({ id, result: { ok: true, value: 'answered' } }) })));
  }
}

beforeEach(() => {
  vi.stubGlobal('WebSocket', FakeSocket);
  vi.stubGlobal('location', { host: '127.0.0.1:5183' });
});
afterEach(() => vi.unstubAllGlobals());

/** A submission whose text is under the 6 MB file limit but, all quotes, twice that once escaped. */
const quoteHeavy = { fileName: 'sub.json', text: '"'.repeat(5_900_000) };

describe('payload size', () => {
  it('counts the escaped, UTF-8 encoded size the host receives', () => {
    expect(quoteHeavy.text.length).toBeLessThan(6_000_000);
    expect(englishError(payloadTooLarge(quoteHeavy)!)).toBe('This file is too large (11.9 MB, at most 8 MB).');
    expect(englishError(payloadTooLarge(quoteHeavy, 5_900_000)!)).toMatch(/^This file is too large \(11\.9 MB, at most 8 MB\)\. The file is 5\.9 MB; its quotes/);
    expect(payloadTooLarge({ fileName: 'sub.json', text: 'a'.repeat(5_900_000) })).toBeNull();
    expect(englishError(payloadTooLarge({ text: 'é'.repeat(MAX_PAYLOAD_BYTES / 2) })!)).toMatch(/too large \(8\.1 MB, at most 8 MB\)/);
  });
});

describe('web bridge', () => {
  it('opens the bridge with the key and answers calls', async () => {
    const api = connectWebBridge('the-key-of-this-launch');
    await expect(api.appInfo({})).resolves.toEqual({ ok: true, value: 'answered' });
    expect(FakeSocket.last.url).toBe('ws://127.0.0.1:5183/bridge?key=the-key-of-this-launch');
  });

  it('fails a call too large for the host with a message, and never sends it', async () => {
    const api = connectWebBridge('the-key-of-this-launch');
    const result = await api.submissionsRegrade(quoteHeavy);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: 'This file is too large (11.9 MB, at most 8 MB).', key: 'size.tooLarge' } });
    expect(FakeSocket.last.sent).toEqual([]);
  });

  it('without a key, says where to find one instead of connecting', async () => {
    const api = connectWebBridge(null);
    const result = await api.appInfo({});
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toMatch(/address `npm run web` printed/);
  });
});

describe('the bridge key', () => {
  function fakeWindow(href: string) {
    const storage = new Map<string, string>();
    const win = {
      location: { href },
      history: { state: null, replaceState: vi.fn((_state: unknown, _title: string, url: string) => void (win.location.href = new URL(url, href).href)) },
      sessionStorage: { getItem: (k: string) => storage.get(k) ?? null, setItem: (k: string, v: string) => void storage.set(k, v) },
    };
    return win as unknown as Window & { location: { href: string } };
  }

  it('is taken from the address, removed from the address bar, and kept for a reload of the tab', () => {
    const win = fakeWindow('http://127.0.0.1:5183/?key=abcdefghijklmnop#lab');
    expect(takeBridgeKey(win)).toBe('abcdefghijklmnop');
    expect(win.location.href).toBe('http://127.0.0.1:5183/#lab');
    expect(takeBridgeKey(win)).toBe('abcdefghijklmnop');
  });

  it('is absent when the page was opened without one', () => {
    expect(takeBridgeKey(fakeWindow('http://127.0.0.1:5183/'))).toBeNull();
  });
});
