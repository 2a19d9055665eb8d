import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { electronDialogs } from '../../../src/main/electron/dialogs';
import { createHost } from '../../../src/main/host/services';
import type { Graph } from '../../../src/shared/graph';

const graph: Graph = { format: 'statelab.graph', version: 1, nodes: [{ id: 'db', kind: 'database', label: 'DB', position: { x: 0, y: 0 }, props: {} }], edges: [] };

function hostWith(answer: { open?: string; save?: string }) {
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-ext-'));
  const fakeDialog = {
    showOpenDialog: async () => ({ canceled: !answer.open, filePaths: answer.open ? [answer.open] : [] }),
    showSaveDialog: async () => ({ canceled: !answer.save, filePath: answer.save ?? '' }),
  };
  const host = createHost({ host: 'electron', builtinPackDirs: [], dataDir: dir, dialogs: electronDialogs(fakeDialog as never, () => undefined) });
  return { dir, call: (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} }) };
}

describe('native file dialogs (desktop app)', () => {
  it('saves where the student chose and opens it back', async () => {
    const target = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-ext-')), 'mine.statelab.json');
    const { call } = hostWith({ save: target, open: target });
    expect(await call('files:saveExternal', { graph, suggestedName: 'mine' })).toEqual({ ok: true, value: { fileName: 'mine.statelab.json' } });
    expect(JSON.parse(readFileSync(target, 'utf8'))).toEqual(graph);
    expect(await call('files:openExternal', {})).toEqual({ ok: true, value: { fileName: 'mine.statelab.json', graph } });
  });

  it('answers null when the student cancels, and a message naming the problem for a bad file', async () => {
    expect(await hostWith({}).call('files:openExternal', {})).toEqual({ ok: true, value: null });
    const bad = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-ext-')), 'bad.json');
    writeFileSync(bad, '{"format":"statelab.graph","version":1,"nodes":[');
    const result = await hostWith({ open: bad }).call('files:openExternal', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-document', message: expect.stringMatching(/file "bad.json" is not valid JSON/) } });
  });

  it('is refused in the browser host, which has no native dialogs', async () => {
    const host = createHost({ host: 'web', builtinPackDirs: [], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-ext-')) });
    const result = await host.dispatch('files:openExternal', {}, { emit: () => {} });
    expect(result).toMatchObject({ ok: false, error: { message: expect.stringMatching(/only in the desktop app/) } });
  });
});
