// Hostile WebSocket frames against the real browser host, run as its own process: each frame ends
// only its socket, and the same process keeps answering new connections.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_BRIDGE_FRAME_BYTES } from '../../../src/shared/ipc';
import { bridgeCall } from '../../support/bridgeCall';

const ROOT = path.resolve(__dirname, '../../..');
let child: ChildProcess;
let page: URL;
let stderr = '';

beforeAll(async () => {
  // No STATELAB_BRIDGE_KEY: the host mints its key and prints it in the address, as for a student.
  const env: NodeJS.ProcessEnv = { ...process.env, STATELAB_DATA_DIR: mkdtempSync(path.join(tmpdir(), 'statelab-frames-')) };
  delete env.STATELAB_BRIDGE_KEY;
  child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main/web.ts'), '--port', '0'], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stderr!.on('data', (chunk) => (stderr += String(chunk)));
  page = new URL(
    await new Promise<string>((resolve, reject) => {
      let out = '';
      child.stdout!.on('data', (chunk) => {
        out += String(chunk);
        const match = /^StateLab is running at (http:\/\/\S+)/m.exec(out);
        if (match) resolve(match[1]!);
      });
      child.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}${stderr}`)));
    }),
  );
}, 60_000);

afterAll(() => {
  child.kill('SIGKILL');
});

const key = () => page.searchParams.get('key')!;

/** A normal call on a new connection, as the page makes it. */
const call = (channel: string, payload: unknown) => bridgeCall(page.href, channel, payload);

/** Opens a raw socket, completes a valid upgrade handshake, and hands back the socket. */
async function upgradedSocket(): Promise<net.Socket> {
  const socket = net.connect(Number(page.port), page.hostname);
  await new Promise((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  socket.write(
    [
      `GET /bridge?key=${key()} HTTP/1.1`,
      `Host: ${page.host}`,
      `Origin: ${page.origin}`,
      'Upgrade: websocket',
      'Connection: Upgrade',
      `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}`,
      'Sec-WebSocket-Version: 13',
      '',
      '',
    ].join('\r\n'),
  );
  const head = await new Promise<string>((resolve) => socket.once('data', (data) => resolve(String(data))));
  expect(head).toMatch(/^HTTP\/1\.1 101 /);
  return socket;
}

/** A client frame: FIN + opcode, then the length, the mask key (when masked) and the masked payload. */
function frame(opcode: number, payload: Buffer, { isMasked = true, claimedLength = payload.length } = {}): Buffer {
  let header: Buffer;
  const maskBit = isMasked ? 0x80 : 0;
  if (claimedLength < 126) header = Buffer.from([0x80 | opcode, maskBit | claimedLength]);
  else if (claimedLength < 65536) header = Buffer.from([0x80 | opcode, maskBit | 126, claimedLength >> 8, claimedLength & 0xff]);
  else {
    header = Buffer.alloc(10);
    header[0] = 0x80 | opcode;
    header[1] = maskBit | 127;
    header.writeBigUInt64BE(BigInt(claimedLength), 2);
  }
  if (!isMasked) return Buffer.concat([header, payload]);
  const mask = randomBytes(4);
  return Buffer.concat([header, mask, Buffer.from(payload.map((byte, i) => byte ^ mask[i % 4]!))]);
}

/** Resolves when the host ends the socket (with or without a close frame first). */
const closedByHost = (socket: net.Socket) =>
  new Promise<void>((resolve) => {
    socket.on('error', () => {});
    socket.once('close', () => resolve());
  });

const hostile: [string, () => Buffer][] = [
  ['a frame over the payload limit', () => frame(0x1, Buffer.from('{"id":1,'), { claimedLength: MAX_BRIDGE_FRAME_BYTES + 1 })],
  ['a text frame of invalid UTF-8', () => frame(0x1, Buffer.from([0x7b, 0xff, 0xfe, 0x7d]))],
  ['a frame with an invalid opcode', () => frame(0x3, Buffer.from('hello'))],
  ['an unmasked client frame', () => frame(0x1, Buffer.from('{"id":1,"channel":"app:info","payload":{}}'), { isMasked: false })],
];

describe('the browser host under hostile frames', () => {
  it('starts with a minted key in the address it prints', () => {
    expect(key()).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  for (const [name, bytes] of hostile) {
    it(`closes only the socket that sent ${name}, and keeps serving`, async () => {
      const pid = child.pid;
      const bystander = await upgradedSocket();
      const socket = await upgradedSocket();
      const closed = closedByHost(socket);
      socket.write(bytes());
      await closed;
      // A socket opened before the bad frame still answers.
      const answer = new Promise<string>((resolve) => bystander.once('data', (data) => resolve(String(data))));
      bystander.write(frame(0x1, Buffer.from('{"id":7,"channel":"app:info","payload":{}}')));
      expect(await answer).toMatch(/"id":7,"result":\{"ok":true/);
      bystander.destroy();

      await expect(call('app:info', {})).resolves.toMatchObject({ ok: true, value: { host: 'web' } });
      expect(child.exitCode).toBeNull();
      expect(child.signalCode).toBeNull();
      expect(child.pid).toBe(pid);
    });
  }

  it('logs why it closed each socket', () => {
    expect(stderr).toMatch(/bridge: closed a socket/);
  });
});
