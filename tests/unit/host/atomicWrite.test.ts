// Issue 10, item 6 (d): a failed atomic write leaves no temp file behind, and leftovers of earlier
// runs (a kill between write and rename) are swept at start-up, only ours and only when stale.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { sweepTempFiles, writeFileAtomic } from '../../../src/main/host/files/atomicWrite';

/** When on, the temp file's content write fails as on a full disk. */
const diskFull = vi.hoisted(() => ({ on: false }));
vi.mock('node:fs/promises', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:fs/promises')>();
  const open = async (...args: Parameters<typeof actual.open>) => {
    const handle = await actual.open(...args);
    if (!diskFull.on || !String(args[0]).endsWith('.tmp')) return handle;
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    return { writeFile: () => Promise.reject(full), sync: () => handle.sync(), close: () => handle.close() };
  };
  return { ...actual, open, default: { ...actual, open } };
});

const folder = () => mkdtempSync(path.join(tmpdir(), 'statelab-atomic-'));

describe('writeFileAtomic', () => {
  it('writes the whole text and leaves only the target in the folder', async () => {
    const dir = folder();
    await writeFileAtomic(path.join(dir, 'a.json'), '{"x":1}');
    expect(readdirSync(dir)).toEqual(['a.json']);
    expect(readFileSync(path.join(dir, 'a.json'), 'utf8')).toBe('{"x":1}');
  });

  it('removes its temp file when the rename fails, and keeps what was there', async () => {
    const dir = folder();
    const target = path.join(dir, 'progress.json');
    mkdirSync(target); // a folder where the file should go: rename fails, even for root
    writeFileSync(path.join(target, 'keep'), 'x');
    await expect(writeFileAtomic(target, '{}')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['progress.json']);
    expect(readdirSync(target)).toEqual(['keep']);
  });

  it('removes its temp file when writing it fails (disk full), and the old content survives', async () => {
    const dir = folder();
    const target = path.join(dir, 'recent.json');
    writeFileSync(target, 'old');
    diskFull.on = true;
    try {
      await expect(writeFileAtomic(target, 'new')).rejects.toThrow(/ENOSPC/);
    } finally {
      diskFull.on = false;
    }
    expect(readdirSync(dir)).toEqual(['recent.json']);
    expect(readFileSync(target, 'utf8')).toBe('old');
  });
});

describe('sweepTempFiles', () => {
  it('removes our leftovers of dead processes and stale ones, anywhere in the tree, and nothing else', async () => {
    const dir = folder();
    const deadPid = spawnSync(process.execPath, ['-e', '']).pid!;
    const put = (relative: string, ageMs = 0) => {
      const file = path.join(dir, relative);
      mkdirSync(path.dirname(file), { recursive: true });
      writeFileSync(file, 'x');
      if (ageMs) utimesSync(file, new Date(Date.now() - ageMs), new Date(Date.now() - ageMs));
      return file;
    };
    const dead = put(`designs/a.statelab.json.${deadPid}.0badcafe.tmp`);
    const stale = put(`lessons-work/pack/l1.statelab.json.${process.pid}.12345678.tmp`, 60 * 60_000);
    const live = put(`progress.json.${process.pid}.abcdef01.tmp`); // a write going on right now
    put('notes.tmp');
    put('designs/b.statelab.json');
    put(`designs/c.${deadPid}.tmp`);

    const removed = await sweepTempFiles(dir);
    expect(removed.sort()).toEqual([dead, stale].sort());
    const left = (sub: string) => readdirSync(path.join(dir, sub));
    expect(left('designs').sort()).toEqual(['b.statelab.json', `c.${deadPid}.tmp`]);
    expect(left('lessons-work/pack')).toEqual([]);
    expect(left('.').sort()).toEqual(['designs', 'lessons-work', 'notes.tmp', path.basename(live)].sort());
  });

  it('is quiet when the data folder does not exist yet', async () => {
    expect(await sweepTempFiles(path.join(folder(), 'missing'))).toEqual([]);
  });
});
