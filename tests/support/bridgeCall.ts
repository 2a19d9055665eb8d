import WebSocket from 'ws';
import type { Result } from '../../src/shared/result';

/** One call over the browser host's bridge on a new connection, as the page makes it (`pageUrl` carries the key: /?key=…). */
export async function bridgeCall(pageUrl: string, channel: string, payload: unknown): Promise<Result<unknown>> {
  const page = new URL(pageUrl);
  const ws = new WebSocket(`ws://${page.host}/bridge${page.search}`, { headers: { Origin: page.origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  const result = await new Promise<Result<unknown>>((resolve) => {
    ws.once('message', (data) => resolve(JSON.parse(String(data)).result));
    ws.send(JSON.stringify({ id: 1, channel, payload }));
  });
  ws.close();
  return result;
}
