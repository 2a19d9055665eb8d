import { randomBytes } from 'node:crypto';
import { errorMessage, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';

/** Our temp files, and only ours: `<target>.<pid>.<8 hex>.tmp`. The sweep removes nothing else. */
const TEMP_NAME = /\.(\d{1,10})\.[0-9a-f]{8}\.tmp$/;
/** A temp file this old is a leftover even if its pid now belongs to a live process. */
const STALE_TEMP_MS = 10 * 60_000;
/** How deep the sweep looks under the data folder (designs/, lessons-work/<pack>/ …). */
const SWEEP_DEPTH = 4;

/**
 * Writes a file so that a crash or kill at any moment leaves either the old content or the new,
 * never half of it: write a temp file beside it, flush it to disk, rename over the target (rename
 * within one folder is atomic on every file system we run on), then flush the folder so the rename
 * itself survives a power cut. Whatever fails, the temp file is removed before the error goes on.
 */
export async function writeFileAtomic(file: string, text: string): Promise<void> {
  await mkdir(path.dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => {});
    throw error;
  }
  await syncFolder(path.dirname(file));
}

/**
 * Puts a finished folder `temp` in place of `final` (a pack written or imported whole): the old
 * folder is moved aside first and removed after, so `final` is at every moment the old folder or
 * the new one, never a mix. `temp` must sit beside `final` (rename within one file system).
 */
export async function replaceFolder(temp: string, final: string): Promise<void> {
  const aside = path.join(path.dirname(final), `.old-${randomBytes(8).toString('hex')}`);
  let hadOld = false;
  try {
    await rename(final, aside);
    hadOld = true;
  } catch {
    // Nothing there yet.
  }
  await rename(temp, final);
  if (hadOld) await rm(aside, { recursive: true, force: true });
}

/** fsync on the folder makes the rename durable; some systems (Windows) cannot open a folder, and lose nothing by skipping it. */
async function syncFolder(folder: string): Promise<void> {
  let handle;
  try {
    handle = await open(folder, 'r');
    await handle.sync();
  } catch {
    // Not supported here: the rename is still atomic, only its durability across a power cut is weaker.
  } finally {
    await handle?.close().catch(() => {});
  }
}

const isRunning = (pid: number): boolean => {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Removes temp files that failed writes of earlier runs left behind (a kill between write and
 * rename). A temp file is swept when the process that wrote it is gone or it is older than
 * STALE_TEMP_MS, so a second StateLab writing to the same folder right now keeps its own.
 * Returns the paths it removed.
 */
export async function sweepTempFiles(dataDir: string, nowMs: number = Date.now()): Promise<string[]> {
  const removed: string[] = [];
  async function visit(folder: string, depth: number): Promise<void> {
    let entries;
    try {
      entries = await readdir(folder, { withFileTypes: true });
    } catch {
      return; // no data folder yet, or unreadable: nothing of ours to sweep
    }
    for (const entry of entries) {
      const full = path.join(folder, entry.name);
      if (entry.isDirectory() && depth < SWEEP_DEPTH) await visit(full, depth + 1);
      const match = entry.isFile() ? TEMP_NAME.exec(entry.name) : null;
      if (!match) continue;
      const info = await stat(full).catch(() => undefined);
      if (!info) continue;
      if (isRunning(Number(match[1])) && nowMs - info.mtimeMs < STALE_TEMP_MS) continue;
      await rm(full, { force: true }).then(
        () => removed.push(full),
        () => {},
      );
    }
  }
  await visit(dataDir, 0);
  return removed;
}

/** The part of a failed write's error a student can act on ("ENOSPC: no space left on device"), without the path. */
export function describeWriteFailure(error: unknown): ErrorMessage {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const known = ['ENOSPC', 'EDQUOT', 'EROFS', 'EACCES', 'EPERM'] as const;
  const hint = known.find((k) => k === code);
  if (hint) return errorMessage(`write.${hint}`);
  return errorMessage('write.other', { detail: code ?? (error instanceof Error ? error.message : String(error)) });
}
