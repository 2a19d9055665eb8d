import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { exportPack, importPack, listPacks, packsDir, removePack } from '../../../src/main/packs/store';
import { asBytes, goodLesson, goodPack, writePack } from './fixtures';

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
const writeZip = (files: Record<string, Uint8Array>) => {
  const file = path.join(tempDir(), 'pack.zip');
  writeFileSync(file, zipSync(files));
  return file;
};

describe('installed packs', () => {
  it('imports a zip, lists it, replaces it on re-import and removes it', async () => {
    const dataDir = tempDir();
    const pack = await importPack(writeZip(asBytes(goodPack())), dataDir);
    expect(pack.manifest.id).toBe('sessions');
    expect((await listPacks(dataDir)).map((p) => [p.id, p.pack?.manifest.packVersion])).toEqual([['sessions', '1.0.0']]);

    const newer = goodPack();
    (newer['pack.json'] as Record<string, unknown>).packVersion = '1.1.0';
    await importPack(writePack(newer), dataDir);
    expect((await listPacks(dataDir)).map((p) => [p.id, p.pack?.manifest.packVersion])).toEqual([['sessions', '1.1.0']]);
    // No temporary or trash folders are left behind.
    expect(readdirSync(packsDir(dataDir))).toEqual(['sessions']);

    expect(await removePack(dataDir, 'sessions')).toBe(true);
    expect(await listPacks(dataDir)).toEqual([]);
    expect(await removePack(dataDir, 'sessions')).toBe(false);
  });

  it('writes nothing when the pack is broken or the zip is unsafe', async () => {
    const dataDir = tempDir();
    const broken = goodPack();
    const lesson = goodLesson();
    (lesson.checks as Record<string, unknown>[])[0]!.metric = 'nope';
    broken['lessons/session-state.lesson.json'] = lesson;
    await expect(importPack(writePack(broken), dataDir)).rejects.toThrow(/checks\[0\]\.metric: unknown metric "nope"/);
    await expect(importPack(writeZip({ ...asBytes(goodPack()), '../escape.txt': new Uint8Array([1]) }), dataDir)).rejects.toThrow('leaves the pack');
    expect(await listPacks(dataDir)).toEqual([]);
    expect(readdirSync(dataDir).flatMap((d) => readdirSync(path.join(dataDir, d)))).toEqual([]);
  });

  it('exports a pack folder as a zip that imports back, and refuses to export a broken one', async () => {
    const zip = path.join(tempDir(), 'sessions.zip');
    await exportPack(writePack(goodPack()), zip);
    const dataDir = tempDir();
    expect((await importPack(zip, dataDir)).lessons.map((l) => l.lesson.id)).toEqual(['session-state']);
    const broken = { ...goodPack(), 'pack.json': '{' };
    const target = path.join(tempDir(), 'broken.zip');
    await expect(exportPack(writePack(broken), target)).rejects.toThrow('pack.json: (document root): The file "pack.json" is not valid JSON');
    expect(readdirSync(path.dirname(target))).toEqual([]);
  });

  it('refuses to remove by a path instead of an id', async () => {
    await expect(removePack(tempDir(), '../etc')).rejects.toThrow('"../etc" is not a pack id');
  });
});
