// A browser host killed (SIGKILL, no chance to clean up) right after an autosave: the next start
// finds that edit. This is the path the renderer takes after every edit.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/shared/graph';
import { bridgeCall } from '../../support/bridgeCall';

const ROOT = path.resolve(__dirname, '../../..');
const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
});

async function startHost(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/main/web.ts'), '--port', '0'], {
    cwd: ROOT,
    env: { ...process.env, STATELAB_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk) => {
      out += String(chunk);
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr!.on('data', (chunk) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
  });
  return { child, url };
}

const call = bridgeCall;

const edited: Graph = {
  format: 'statelab.graph',
  version: 1,
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: {} },
    { id: 'lb', kind: 'load-balancer', label: 'Edge LB', position: { x: 200, y: 0 }, props: { policy: 'sticky' } },
  ],
  edges: [{ id: 'users-lb', source: 'users', target: 'lb', kind: 'request', props: { latencyMs: 7, jitterMs: 0, lossRate: 0 } }],
};

describe('autosave survives a killed process', () => {
  it('restores the last edit at the next start', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-kill-'));
    const first = await startHost(dataDir);
    expect(await call(first.url, 'autosave:write', { graph: edited, name: null, lessonId: null })).toMatchObject({ ok: true });
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));

    const second = await startHost(dataDir);
    const restored = await call(second.url, 'autosave:read', {});
    expect(restored).toMatchObject({ ok: true, value: { graph: edited, name: null } });
    expect(readdirSync(dataDir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  }, 60_000);
});
