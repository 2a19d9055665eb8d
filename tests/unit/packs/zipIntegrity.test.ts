// A zip's local headers must agree with its central directory: only listed entries are read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { importPack, listPacks } from '../../../src/main/packs/store';
import { readZip } from '../../../src/main/packs/zip';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../../support/packZip';
import { asBytes, goodPack } from './fixtures';

const END_SIG = 0x06054b50;

const view = (bytes: Uint8Array) => new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/** Where the end record is, and the directory offset it gives. */
function endRecord(zip: Uint8Array): { at: number; directory: number } {
  const v = view(zip);
  for (let at = zip.length - 22; at >= 0; at--) if (v.getUint32(at, true) === END_SIG) return { at, directory: v.getUint32(at + 16, true) };
  throw new Error('no end record');
}

/** Inserts `extra` just before the central directory and moves the end record's pointer past it. */
function insertBeforeDirectory(zip: Uint8Array, extra: Uint8Array): Uint8Array {
  const { at, directory } = endRecord(zip);
  const out = new Uint8Array(zip.length + extra.length);
  out.set(zip.subarray(0, directory), 0);
  out.set(extra, directory);
  out.set(zip.subarray(directory), directory + extra.length);
  view(out).setUint32(at + extra.length + 16, directory + extra.length, true);
  return out;
}

/** The local entries of another zip (everything before its directory): headers the host zip's directory will not list. */
function localEntriesOf(files: Record<string, Uint8Array>): Uint8Array {
  const zip = zipSync(files);
  return zip.subarray(0, endRecord(zip).directory);
}

const goodZip = () => zipSync(asBytes(goodPack()));
const tempDir = () => mkdtempSync(path.join(tmpdir(), 'statelab-zip-'));

describe('zip integrity', () => {
  it('refuses a zip whose local headers hide 20,004 entries its directory does not list, and installs nothing', async () => {
    const hidden = Object.fromEntries(Array.from({ length: 20_004 }, (_, i) => [`h/${i}.txt`, new Uint8Array([i & 0xff])]));
    const hostile = insertBeforeDirectory(goodZip(), localEntriesOf(hidden));
    expect(() => readZip(hostile, 'pack.zip')).toThrow('pack.zip: the zip hides 20004 entries that its directory does not list; refusing it.');

    const file = path.join(tempDir(), 'pack.zip');
    writeFileSync(file, hostile);
    const dataDir = tempDir();
    await expect(importPack(file, dataDir)).rejects.toThrow('the zip hides 20004 entries');
    expect(await listPacks(dataDir)).toEqual([]);
  });

  it('refuses a single hidden entry, also one placed before the first listed entry', () => {
    const zip = goodZip();
    const extra = localEntriesOf({ '../../evil.sh': new Uint8Array([1, 2, 3]) });
    expect(() => readZip(insertBeforeDirectory(zip, extra), 'one.zip')).toThrow('one.zip: the zip hides 1 entry that its directory does not list; refusing it.');

    // Prepended: every offset in the directory moves by the prefix length.
    const { directory } = endRecord(zip);
    const shifted = new Uint8Array(extra.length + zip.length);
    shifted.set(extra, 0);
    shifted.set(zip, extra.length);
    const v = view(shifted);
    for (let at = extra.length + directory; v.getUint32(at, true) === 0x02014b50; at += 46 + v.getUint16(at + 28, true) + v.getUint16(at + 30, true) + v.getUint16(at + 32, true)) {
      v.setUint32(at + 42, v.getUint32(at + 42, true) + extra.length, true);
    }
    v.setUint32(endRecord(shifted).at + 16, directory + extra.length, true);
    expect(() => readZip(shifted, 'front.zip')).toThrow('front.zip: the zip hides 1 entry that its directory does not list; refusing it.');
  });

  it('refuses a local header whose name or size disagrees with the directory, naming the entry', () => {
    const renamed = goodZip();
    const nameAt = 30; // the first entry's name follows its 30-byte local header
    expect(new TextDecoder().decode(renamed.subarray(nameAt, nameAt + 9))).toBe('pack.json');
    renamed[nameAt + 8] = 'x'.charCodeAt(0);
    expect(() => readZip(renamed, 'renamed.zip')).toThrow('renamed.zip: entry "pack.json" has a local header that disagrees with the zip\'s directory (another name); refusing the whole zip.');

    const resized = goodZip();
    view(resized).setUint32(22, view(resized).getUint32(22, true) + 1, true);
    expect(() => readZip(resized, 'resized.zip')).toThrow(/^resized\.zip: entry "pack\.json" has a local header that disagrees with the zip's directory \(\d+ bytes, not \d+\)/);
  });

  it('refuses two directory records that point at the same bytes', () => {
    const zip = zipSync({ 'a.json': new Uint8Array([1]), 'b.json': new Uint8Array([1]) });
    const v = view(zip);
    const { directory } = endRecord(zip);
    const second = directory + 46 + v.getUint16(directory + 28, true) + v.getUint16(directory + 30, true) + v.getUint16(directory + 32, true);
    // Both records point at a.json's local header; b.json's local header is now unlisted.
    v.setUint32(second + 42, 0, true);
    zip.set(new TextEncoder().encode('a'), second + 46);
    expect(() => readZip(zip, 'twice.zip')).toThrow('twice.zip: entries "a.json" and "a.json" overlap; refusing the whole zip.');
    zip.set(new TextEncoder().encode('b'), second + 46);
    expect(() => readZip(zip, 'overlap.zip')).toThrow('overlap.zip: entry "b.json" has a local header that disagrees with the zip\'s directory (another name); refusing the whole zip.');
  });

  it('refuses an entry whose bytes do not match its checksum', () => {
    const zip = zipSync({ 'pack.json': new TextEncoder().encode('{"a": 1}') }, { level: 0 });
    zip[30 + 'pack.json'.length + 6] = '2'.charCodeAt(0);
    expect(() => readZip(zip, 'flipped.zip')).toThrow('flipped.zip: entry "pack.json" is corrupt (its checksum does not match).');
  });

  it('reads a zip written by a streaming zipper (sizes in data descriptors after each entry)', () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, bytes] of Object.entries(asBytes(goodPack()))) {
      const entry = new ZipDeflate(name, { level: 6 });
      zip.add(entry);
      entry.push(bytes, true);
    }
    zip.end();
    const whole = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    chunks.reduce((at, c) => (whole.set(c, at), at + c.length), 0);
    expect(view(whole).getUint16(6, true) & 8).toBe(8);
    expect([...readZip(whole, 'streamed.zip').keys()].sort()).toEqual(Object.keys(goodPack()).sort());
  });

  it('still imports the built-in course pack, zipped', async () => {
    const file = path.join(tempDir(), 'course.zip');
    writeFileSync(file, zipPackFolder(BUILTIN_PACK_DIR, { id: 'course-copy' }));
    const pack = await importPack(file, tempDir());
    expect(pack.manifest.id).toBe('course-copy');
    expect(pack.lessons.length).toBeGreaterThan(5);
  });
});
