import { describe, expect, it } from 'vitest';
import { zipSync } from 'fflate';
import { readZip } from '../../../src/main/packs/zip';
import { zipSource } from '../../../src/main/packs/source';
import { validatePack } from '../../../src/main/packs/validate';
import { PACK_LIMITS } from '../../../src/main/packs/limits';
import { asBytes, goodPack } from './fixtures';

const small = { ...PACK_LIMITS, fileBytes: 1_000_000, totalBytes: 2_000_000, entries: 10 };

/** Rewrites every declared uncompressed size (local and central headers) to `size`: a lying archive. */
function lieAboutSizes(zip: Uint8Array, size: number): Uint8Array {
  const out = zip.slice();
  const view = new DataView(out.buffer);
  for (let i = 0; i + 4 <= out.length; i++) {
    const sig = view.getUint32(i, true);
    if (sig === 0x04034b50) view.setUint32(i + 22, size, true);
    if (sig === 0x02014b50) view.setUint32(i + 24, size, true);
  }
  return out;
}

describe('zip import safety', () => {
  it('reads a good pack from a zip, also when the zip holds the pack folder', async () => {
    const flat = await validatePack(zipSource(zipSync(asBytes(goodPack())), 'flat.zip'));
    expect(flat.problems).toEqual([]);
    const nested = Object.fromEntries(Object.entries(asBytes(goodPack())).map(([k, v]) => [`sessions-pack/${k}`, v]));
    expect((await validatePack(zipSource(zipSync(nested), 'nested.zip'))).pack?.manifest.id).toBe('sessions');
  });

  it('refuses "../" entries, absolute paths and backslashes, naming the entry', () => {
    const evil = (name: string) => zipSync({ ...asBytes(goodPack()), [name]: new Uint8Array([1]) });
    expect(() => readZip(evil('../../.bashrc'), 'evil.zip')).toThrow('evil.zip: entry "../../.bashrc" leaves the pack (".."); refusing the whole zip.');
    expect(() => readZip(evil('/etc/passwd'), 'evil.zip')).toThrow('evil.zip: entry "/etc/passwd" is an absolute path; refusing the whole zip.');
    expect(() => readZip(evil('graphs\\..\\x'), 'evil.zip')).toThrow('evil.zip: entry "graphs\\..\\x" uses "\\" (expected "/" separators); refusing the whole zip.');
  });

  it('refuses a zip bomb by its declared size before inflating anything', () => {
    const bomb = zipSync({ 'pack.json': new Uint8Array(5_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(20_000);
    expect(() => readZip(bomb, 'bomb.zip', small)).toThrow('bomb.zip: entry "pack.json" would expand to 5000000 bytes (the limit is 1000000); refusing a possible zip bomb.');
  });

  it('refuses a zip bomb that lies about its size, by counting what actually inflates', () => {
    const liar = lieAboutSizes(zipSync({ 'pack.json': new Uint8Array(5_000_000) }, { level: 9 }), 100);
    expect(() => readZip(liar, 'liar.zip', small)).toThrow('liar.zip: entry "pack.json" expands beyond 1000000 bytes; refusing a possible zip bomb.');
  });

  it('refuses too many entries and too large a total', () => {
    const many = zipSync(Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`f${i}.json`, new Uint8Array(1)])));
    expect(() => readZip(many, 'many.zip', small)).toThrow('many.zip: the zip has more than 10 entries.');
    const wide = zipSync(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`f${i}.bin`, new Uint8Array(900_000)])));
    expect(() => readZip(wide, 'wide.zip', small)).toThrow('wide.zip: the zip would expand to more than 2000000 bytes; refusing a possible zip bomb.');
  });

  it('refuses something that is not a zip', () => {
    expect(() => readZip(new TextEncoder().encode('{"format": "statelab.pack"}'), 'pack.zip')).toThrow(/^pack\.zip: not a readable zip/);
  });
});
