// `npm start` on a machine without the Electron binary: it must start the browser host and print
// an address that answers, not a stack trace. Runs scripts/start.mjs as a child process, with the
// Electron binary made missing on every machine (ELECTRON_OVERRIDE_DIST_PATH at an empty folder).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..', '..');
const running: ChildProcess[] = [];
const temps: string[] = [];

function temp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-start-'));
  temps.push(dir);
  return dir;
}

/** Starts `node scripts/start.mjs` in its own process group; resolves with the first URL it prints. */
function start(extraArgs: string[] = [], dataDir = temp()) {
  const child = spawn(process.execPath, [path.join(root, 'scripts', 'start.mjs'), ...extraArgs], {
    cwd: root,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: '1', STATELAB_DATA_DIR: dataDir, ELECTRON_OVERRIDE_DIST_PATH: temp(), STATELAB_PORT: '' },
  });
  running.push(child);
  let stdout = '';
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const line = stdout.split('\n').find((l) => /^StateLab is running at /.test(l));
      const found = line && /https?:\/\/\S+/.exec(line)?.[0];
      if (found) resolve(found);
    });
    child.on('exit', (code) => reject(new Error(`start.mjs exited (${code}) before printing a URL.\nstdout: ${stdout}\nstderr: ${stderr}`)));
  });
  url.catch(() => {}); // awaited by the tests that expect a URL
  return { child, url, output: () => ({ stdout, stderr }) };
}

afterEach(() => {
  for (const child of running.splice(0)) {
    try {
      if (child.pid) process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const dir of temps.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('npm start without the Electron binary', () => {
  it('starts the browser host on a free port and prints a URL that serves the app', async () => {
    const { url, output } = start();
    const address = await url;
    expect(address).toMatch(/^http:\/\/127\.0\.0\.1:\d+\//);
    expect(Number(new URL(address).port)).toBeGreaterThan(0);
    const response = await fetch(address);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/text\/html/);
    expect(await response.text()).toMatch(/<div id="root">/);
    const { stdout, stderr } = output();
    expect(stdout).toMatch(/Electron binary is not installed/);
    expect(stderr).not.toMatch(/\n\s+at .+:\d+:\d+/);
    expect(stderr).not.toMatch(/Error:/);
  }, 120_000);

  it('starts on the same address each time for the same data folder, so what the page keeps (the student’s name) survives a restart', async () => {
    const dataDir = temp();
    const first = start([], dataDir);
    const port = Number(new URL(await first.url).port);
    expect(port).toBeGreaterThanOrEqual(20000);
    expect(port).toBeLessThan(30000);
    process.kill(-first.child.pid!, 'SIGKILL');
    await new Promise((resolve) => first.child.on('exit', resolve));
    const again = start([], dataDir);
    expect(Number(new URL(await again.url).port)).toBe(port);
    // That port taken (another StateLab on the same folder, say): a free one instead, never a failure.
    const third = start([], dataDir);
    const other = Number(new URL(await third.url).port);
    expect(other).not.toBe(port);
    expect((await fetch(await third.url)).status).toBe(200);
  }, 120_000);

  it('refuses a bad --port with one sentence, not a stack trace', async () => {
    const { child, output } = start(['--port', 'eighty']);
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(2);
    expect(output().stderr).toMatch(/--port must be a whole number from 0 to 65535, not "eighty"/);
    expect(output().stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
