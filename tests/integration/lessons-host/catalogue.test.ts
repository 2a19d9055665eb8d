import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createCatalogue } from '../../../src/main/host/lessons/catalogue';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');

function packCopy(id: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-pack-'));
  cpSync(BUILTIN, dir, { recursive: true });
  const manifestFile = path.join(dir, 'pack.json');
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8'));
  manifest.id = id;
  manifest.title = { en: `Copy ${id}`, 'zh-CN': `副本 ${id}` };
  writeFileSync(manifestFile, JSON.stringify(manifest));
  return dir;
}

describe('pack catalogue', () => {
  it('lists the built-in pack, imports and removes others, and keeps built-ins', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const catalogue = createCatalogue([BUILTIN], dataDir);
    expect((await catalogue.list()).map((p) => [p.id, p.origin])).toEqual([['stateless-vs-stateful', 'builtin']]);

    const imported = await catalogue.import(packCopy('my-course'));
    expect(imported).toMatchObject({ id: 'my-course', origin: 'imported' });
    expect((await catalogue.list()).map((p) => p.id)).toEqual(['stateless-vs-stateful', 'my-course']);
    const { lesson } = await catalogue.lesson('my-course', 'any-instance');
    expect(lesson.starter.nodes.length).toBeGreaterThan(0);

    // A restarted app sees the same imported pack.
    expect((await createCatalogue([BUILTIN], dataDir).list()).map((p) => p.id)).toContain('my-course');

    await expect(catalogue.remove('stateless-vs-stateful')).rejects.toThrow(/built in/);
    await expect(catalogue.remove('my-course')).resolves.toBe(true);
    expect((await catalogue.list()).map((p) => p.id)).toEqual(['stateless-vs-stateful']);
  });

  it('refuses an import that would shadow a built-in pack, or a broken pack, and keeps what was there', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const catalogue = createCatalogue([BUILTIN], dataDir);
    await expect(catalogue.import(packCopy('stateless-vs-stateful'))).rejects.toThrow(/belongs to a built-in pack/);
    const broken = packCopy('broken');
    writeFileSync(path.join(broken, 'pack.json'), '{"format":"statelab.pack",');
    await expect(catalogue.import(broken)).rejects.toThrow(/pack\.json/);
    expect((await catalogue.list()).map((p) => p.id)).toEqual(['stateless-vs-stateful']);
  });

  it('serves pack images as data URLs and nothing outside the pack', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const dir = packCopy('pictures');
    writeFileSync(path.join(dir, 'diagram.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    const catalogue = createCatalogue([BUILTIN], dataDir);
    await catalogue.import(dir);
    expect(await catalogue.image('pictures', 'diagram.svg')).toMatch(/^data:image\/svg\+xml;base64,/);
    expect(await catalogue.image('pictures', '../../../etc/passwd.png')).toBeUndefined();
    expect(await catalogue.image('pictures', 'pack.json')).toBeUndefined();
  });
});
