/**
 * Imported packs, kept in the app's data folder as `<dataDir>/packs/<pack id>/`. A pack is
 * validated whole before anything is written, and written to a temporary folder that is renamed
 * into place, so a crash mid-import never leaves a half-written pack where listPacks looks.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, rename, rm, writeFile } from 'node:fs/promises';
import { zipSync } from 'fflate';
import path from 'node:path';
import { DocumentError } from '../../shared/json';
import { folderSource, openPackSource, type PackSource } from './source';
import type { Issue } from '../../shared/i18n/issues';
import { formatProblem, loadPack, problemIssue, validatePack, type LoadedPack } from './validate';
import { replaceFolder } from '../host/files/atomicWrite';

const PACK_ID = /^[a-z0-9][a-z0-9-]*$/;
/** Temporary and trash folders start with "." so listPacks never mistakes them for packs. */
const isHidden = (name: string) => name.startsWith('.');

export const packsDir = (dataDir: string) => path.join(dataDir, 'packs');

export interface StoredPack {
  /** The pack's id (its folder name). */
  id: string;
  /** Where it lives. */
  dir: string;
  /** The loaded pack, when it still validates. */
  pack?: LoadedPack;
  /** Why it does not load (every problem, one per line), when it does not. */
  error?: string;
  /** The same problems as issues (their keys), for the app's language. */
  problems?: Issue[];
}

async function writeAll(source: PackSource, target: string): Promise<void> {
  for (const relative of await source.listFiles()) {
    const bytes = await source.readBytes(relative);
    if (bytes === undefined) continue;
    const file = path.join(target, ...relative.split('/'));
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}

/**
 * Imports a pack from a folder or .zip path. Replaces an installed pack with the same id (the old
 * one is moved aside first and deleted only after the new one is in place).
 */
export async function importPack(sourcePath: string, dataDir: string, label = sourcePath): Promise<LoadedPack> {
  const source = await openPackSource(sourcePath, label);
  const pack = await loadPack(source);
  const root = packsDir(dataDir);
  await mkdir(root, { recursive: true });
  const temp = path.join(root, `.import-${randomUUID()}`);
  const final = path.join(root, pack.manifest.id);
  try {
    await writeAll(source, temp);
    // Re-read what landed on disk: the installed copy is what the app will load.
    const written = await validatePack(folderSource(temp));
    if (!written.pack) throw new DocumentError(errorMessage('pack.copyProblems', { label }), written.problems.map(problemIssue));
    await replaceFolder(temp, final);
    return written.pack;
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

/** Installed packs in id order; one that no longer loads is listed with its error rather than hidden. */
export async function listPacks(dataDir: string): Promise<StoredPack[]> {
  let names: string[];
  try {
    names = (await readdir(packsDir(dataDir), { withFileTypes: true })).filter((e) => e.isDirectory() && !isHidden(e.name)).map((e) => e.name);
  } catch {
    return [];
  }
  const out: StoredPack[] = [];
  for (const id of names.sort()) {
    const dir = path.join(packsDir(dataDir), id);
    // Labelled by id: the data folder's own path is nothing the user needs to read.
    const { problems, pack } = await validatePack({ ...folderSource(dir), label: errorMessage('source.installedPack', { id }) });
    out.push(pack ? { id, dir, pack } : { id, dir, error: problems.map(formatProblem).join('\n'), problems: problems.map(problemIssue) });
  }
  return out;
}

/** Removes an installed pack; false when there was none. Moved aside first so removal is all-or-nothing to readers. */
export async function removePack(dataDir: string, id: string): Promise<boolean> {
  if (!PACK_ID.test(id)) throw new DocumentError(errorMessage('pack.badId', { id }));
  const trash = path.join(packsDir(dataDir), `.remove-${randomUUID()}`);
  try {
    await rename(path.join(packsDir(dataDir), id), trash);
  } catch {
    return false;
  }
  await rm(trash, { recursive: true, force: true });
  return true;
}

/**
 * Writes a pack (folder or zip path) as a .zip an instructor can share. The pack is validated
 * first, so a broken pack is never exported; the file appears whole or not at all (temp + rename).
 */
export async function exportPack(sourcePath: string, zipPath: string): Promise<LoadedPack> {
  const source = await openPackSource(sourcePath);
  const pack = await loadPack(source);
  const temp = `${zipPath}.${randomUUID()}.tmp`;
  try {
    await writeFile(temp, await packZipBytes(source));
    await rename(temp, zipPath);
  } finally {
    await rm(temp, { force: true });
  }
  return pack;
}

/** Every file of a pack source in one zip (the studio's Export uses it too). */
export async function packZipBytes(source: PackSource): Promise<Uint8Array> {
  const files: Record<string, Uint8Array> = {};
  for (const relative of await source.listFiles()) {
    const bytes = await source.readBytes(relative);
    if (bytes !== undefined) files[relative] = bytes;
  }
  return zipSync(files, { level: 6 });
}
