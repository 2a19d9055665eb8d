import { mkdtempSync, readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import type { Graph } from '../../../src/shared/graph';
import type { Result } from '../../../src/shared/result';

const graph: Graph = {
  format: 'statelab.graph',
  version: 1,
  nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: { rps: 10 } }],
  edges: [],
};

function setup() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-files-'));
  const host = createHost({ host: 'web', builtinPackDirs: [], dataDir });
  const call = (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} }) as Promise<Result<unknown>>;
  return { dataDir, call };
}

describe('file services', () => {
  it('saves atomically, lists, opens the identical document and remembers recent files', async () => {
    const { dataDir, call } = setup();
    expect(await call('files:save', { name: 'my design', graph })).toEqual({ ok: true, value: { name: 'my design' } });
    expect(readdirSync(path.join(dataDir, 'designs'))).toEqual(['my design.statelab.json']); // no temp file left behind
    expect(await call('files:open', { name: 'my design' })).toEqual({ ok: true, value: { name: 'my design', graph } });
    expect(await call('files:recent', {})).toEqual({ ok: true, value: ['my design'] });
    const listed = (await call('files:list', {})) as Result<{ name: string }[]>;
    expect(listed.ok && listed.value.map((f) => f.name)).toEqual(['my design']);
  });

  it('refuses names that would leave the data folder', async () => {
    const { call } = setup();
    for (const name of ['../evil', '/etc/passwd', 'a/b', '']) {
      const result = await call('files:save', { name, graph });
      expect(result.ok, name).toBe(false);
    }
  });

  it('rejects a truncated file, a __proto__ key and a newer version with messages naming the problem', async () => {
    const { dataDir, call } = setup();
    mkdirSync(path.join(dataDir, 'designs'), { recursive: true });
    const put = (name: string, text: string) => writeFileSync(path.join(dataDir, 'designs', `${name}.statelab.json`), text);
    const text = JSON.stringify(graph);
    put('truncated', text.slice(0, text.length / 2));
    put('proto', text.replace('"props":{', '"props":{"__proto__":{"x":1},'));
    put('newer', JSON.stringify({ ...graph, version: 99 }));
    put('bad', JSON.stringify({ ...graph, nodes: [{ ...graph.nodes[0], position: { x: 'a', y: 0 } }] }));
    const message = async (name: string) => {
      const result = await call('files:open', { name });
      expect(result.ok).toBe(false);
      return !result.ok ? result.error.message : '';
    };
    expect(await message('truncated')).toMatch(/not valid JSON.*truncated/);
    expect(await message('proto')).toMatch(/"__proto__"/);
    expect(await message('newer')).toMatch(/newer StateLab/);
    expect(await message('bad')).toMatch(/nodes\[0\]\.position\.x/);
    expect(await message('missing')).toMatch(/no saved design named "missing"/);
  });

  it('keeps, reads and clears the autosave, and sets a damaged one aside', async () => {
    const { dataDir, call } = setup();
    expect(await call('autosave:read', {})).toEqual({ ok: true, value: null });
    await call('autosave:write', { graph, name: null, lessonId: 'any-instance' });
    const read = (await call('autosave:read', {})) as Result<{ graph: Graph; lessonId: string }>;
    expect(read.ok && read.value).toMatchObject({ graph, lessonId: 'any-instance' });
    await call('autosave:dismissPrevious', {});
    expect(await call('autosave:read', {})).toEqual({ ok: true, value: null });
    writeFileSync(path.join(dataDir, 'autosave.json'), '{"format":"statelab.autosave",');
    expect(await call('autosave:read', {})).toEqual({ ok: true, value: null });
    expect(readFileSync(path.join(dataDir, 'autosave.json.damaged'), 'utf8')).toMatch(/^\{/);
  });

  it('keeps the previous session’s work apart until the student answers: this session’s autosaves cannot overwrite it', async () => {
    const { dataDir, call } = setup();
    const older = { ...graph, nodes: [{ ...graph.nodes[0]!, label: 'before the crash' }] };
    const newer = { ...graph, nodes: [{ ...graph.nodes[0]!, label: 'typed while the offer was up' }] };
    await call('autosave:write', { graph: older, name: null, lessonId: null });
    // The next start: the offer is read, then the student keeps editing without answering it.
    expect(await call('autosave:read', {})).toMatchObject({ ok: true, value: { graph: older } });
    await call('autosave:write', { graph: newer, name: null, lessonId: null });
    await call('autosave:clear', {}); // back to the saved state: only this session's autosave goes
    expect(readFileSync(path.join(dataDir, 'autosave.previous.json'), 'utf8')).toContain('before the crash');
    await call('autosave:write', { graph: newer, name: null, lessonId: null });
    // A reload before answering offers the newest unsaved work; the older offer is kept on disk, not overwritten.
    expect(await call('autosave:read', {})).toMatchObject({ ok: true, value: { graph: newer } });
    const unclaimed = readdirSync(dataDir).filter((f) => f.startsWith('autosave.unclaimed-'));
    expect(unclaimed).toHaveLength(1);
    expect(readFileSync(path.join(dataDir, unclaimed[0]!), 'utf8')).toContain('before the crash');
    // Answered: the offer is gone for good.
    await call('autosave:dismissPrevious', {});
    expect(await call('autosave:read', {})).toEqual({ ok: true, value: null });
  });
});
