// What a user reads when something goes wrong: their own file names, the id they asked for, no host paths.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import type { PackImportResult } from '../../../src/shared/ipc';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../../support/packZip';

const ctx = { emit: () => {} };

function host(dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'))) {
  const logged: string[] = [];
  return { dataDir, logged, ...createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir, log: (m) => logged.push(m) }) };
}

async function failure(promise: Promise<{ ok: boolean; error?: { code: string; message: string } }>) {
  const result = await promise;
  if (result.ok) throw new Error('expected a failure');
  return result.error!;
}

const importZip = (h: ReturnType<typeof host>, fileName: string, zip: Uint8Array) =>
  h.dispatch('packs:import', { fileName, zipBase64: Buffer.from(zip).toString('base64') }, ctx) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

describe('error messages', () => {
  it('never show a host path for an internal failure, but log it', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-broken-'));
    const dataDir = path.join(dir, 'data');
    writeFileSync(dataDir, 'a file where the data folder should be');
    const h = host(dataDir);
    const graph = (await loadPack(folderSource(BUILTIN_PACK_DIR))).lessons[0]!.starter;
    const error = await failure(h.dispatch('files:save', { name: 'mine', graph }, ctx));
    expect(error).toMatchObject({ code: 'internal', message: 'files:save failed: a path it expected to be a folder is a file ("designs").' });
    expect(h.logged.join('\n')).toContain(dataDir);
  });

  it('label an uploaded zip by its own name, once ("slip.zip: …", not "slip.zip/slip.zip: …")', async () => {
    const h = host();
    const junk = await failure(importZip(h, 'slip.zip', strToU8('not a zip')));
    expect(junk.message).toMatch(/^slip\.zip: not a readable zip/);
    const evil = await failure(importZip(h, 'slip.zip', zipSync({ 'pack.json': strToU8('{}'), '../x': strToU8('x') })));
    expect(evil.message).toBe('slip.zip: entry "../x" leaves the pack (".."); refusing the whole zip.');
    const broken = await failure(importZip(h, 'slip.zip', zipSync({ 'pack.json': strToU8('{"format": "statelab.pack"') })));
    expect(broken.message).toMatch(/^slip\.zip: the lesson pack has problems:\npack\.json: /);
    for (const message of [junk.message, evil.message, broken.message]) {
      expect(message).not.toContain('slip.zip/slip.zip');
      expect(message).not.toContain(tmpdir());
    }
  });

  it('say when an import replaced an installed pack with the same id, and which version it replaced', async () => {
    const h = host();
    const first = await importZip(h, 'copy.zip', zipPackFolder(BUILTIN_PACK_DIR, { id: 'class-copy', packVersion: '0.9.0' }));
    expect(first.ok && (first.value as PackImportResult).replaced).toBeUndefined();
    const second = await importZip(h, 'copy-v1.zip', zipPackFolder(BUILTIN_PACK_DIR, { id: 'class-copy', packVersion: '1.0.0' }));
    expect(second.ok && second.value).toMatchObject({ id: 'class-copy', version: '1.0.0', replaced: { version: '0.9.0' } });
    const builtin = await failure(importZip(h, 'mine.zip', zipPackFolder(BUILTIN_PACK_DIR)));
    expect(builtin.message).toBe('mine.zip: the pack id "stateless-vs-stateful" belongs to a built-in pack; give the imported pack another id in its pack.json.');
  });

  it('name the pack or lesson asked for, what there is instead, and the submission file', async () => {
    const h = host();
    const unknownPack = await failure(h.dispatch('lessons:open', { packId: 'gone', lessonId: 'x' }, ctx));
    expect(unknownPack.message).toBe('There is no lesson pack "gone"; the installed packs are "stateless-vs-stateful". Import its zip under “Lesson packs” (for a pack of your own, “Export zip” in the studio makes it), then try again.');
    const unknownLesson = await failure(h.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'nope' }, ctx));
    expect(unknownLesson.message).toMatch(/^The pack "stateless-vs-stateful" has no lesson "nope"; its lessons are "any-instance", /);

    const { lessons } = await loadPack(folderSource(BUILTIN_PACK_DIR));
    const exported = await h.dispatch('submissions:export', { packId: 'stateless-vs-stateful', lessonId: lessons[0]!.lesson.id, graph: lessons[0]!.starter }, ctx);
    if (!exported.ok) throw new Error(exported.error.message);
    const submission = JSON.parse((exported.value as { text: string }).text);
    const otherPack = await failure(h.dispatch('submissions:regrade', { fileName: 'ada.json', text: JSON.stringify({ ...submission, packId: 'gone' }) }, ctx));
    expect(otherPack.message).toMatch(/^ada\.json: There is no lesson pack "gone"/);
    const otherLesson = await failure(h.dispatch('submissions:regrade', { fileName: 'ada.json', text: JSON.stringify({ ...submission, lessonId: 'nope' }) }, ctx));
    expect(otherLesson.message).toMatch(/^ada\.json: lessonId: the pack "stateless-vs-stateful" has no lesson "nope"/);
  });
});
