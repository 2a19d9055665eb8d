/**
 * Where a pack's files come from: a folder on disk or an in-memory zip. Validation, loading and
 * import read through this one interface, so a folder and a zip are checked the same way.
 */
import { errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import { lstat, readdir, readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';
import { DocumentError } from '../../shared/json';
import { PACK_LIMITS } from './limits';
import { readZip, unsafeEntryName } from './zip';

export interface PackSource {
  /** The folder or zip, for messages: its path or file name, or what it is in words (a draft, an installed pack). */
  label: string | ErrorMessage;
  /** Every file, as a pack-relative path with "/" separators, in sorted order. */
  listFiles(): Promise<string[]>;
  /** A file's bytes, or undefined when the pack has no such file. */
  readBytes(relative: string): Promise<Uint8Array | undefined>;
}

/** Reads a folder, never following links out of it. */
export function folderSource(root: string): PackSource {
  const base = path.resolve(root);
  const inside = (relative: string) => {
    if (unsafeEntryName(relative)) return undefined;
    const file = path.resolve(base, relative);
    return file.startsWith(base + path.sep) ? file : undefined;
  };
  return {
    label: root,
    async listFiles() {
      const out: string[] = [];
      const walk = async (dir: string, prefix: string, depth: number) => {
        if (depth > PACK_LIMITS.depth) return;
        for (const entry of await readdir(dir, { withFileTypes: true })) {
          const relative = prefix + entry.name;
          if (entry.isDirectory()) await walk(path.join(dir, entry.name), `${relative}/`, depth + 1);
          else if (entry.isFile()) out.push(relative);
          if (out.length > PACK_LIMITS.entries) throw new DocumentError(errorMessage('pack.tooManyFiles', { label: root, max: PACK_LIMITS.entries }));
        }
      };
      await walk(base, '', 0);
      return out.sort();
    },
    async readBytes(relative) {
      const file = inside(relative);
      if (!file) return undefined;
      try {
        // lstat and realpath: a symbolic link, of the file or of a folder on its way, could point anywhere on the disk.
        const info = await lstat(file);
        if (!info.isFile()) return undefined;
        if (!(await realpath(file)).startsWith((await realpath(base)) + path.sep)) return undefined;
        if (info.size > PACK_LIMITS.fileBytes) throw new DocumentError(errorMessage('at.file', { file: relative, detail: errorMessage('size.documentBytes', { what: errorMessage('noun.file'), bytes: info.size, limit: PACK_LIMITS.fileBytes }) }));
        return new Uint8Array(await readFile(file));
      } catch (error) {
        if (error instanceof DocumentError) throw error;
        return undefined;
      }
    },
  };
}

/** A zip's files; a zip of a folder (one top-level folder holding pack.json) is read from inside it. */
export function zipSource(bytes: Uint8Array, label: string): PackSource {
  const files = readZip(bytes, label);
  let prefix = '';
  if (!files.has('pack.json')) {
    const tops = new Set([...files.keys()].map((name) => name.split('/')[0]));
    const only = tops.size === 1 ? [...tops][0] : undefined;
    if (only !== undefined && files.has(`${only}/pack.json`)) prefix = `${only}/`;
  }
  return {
    label,
    listFiles: async () => [...files.keys()].filter((n) => n.startsWith(prefix)).map((n) => n.slice(prefix.length)).sort(),
    readBytes: async (relative) => files.get(prefix + relative),
  };
}

/** Opens a folder or a .zip file as a pack source; `label` names it in messages (an upload's own file name rather than its temp path). */
export async function openPackSource(location: string, label = location): Promise<PackSource> {
  let info;
  try {
    info = await stat(location);
  } catch {
    throw new DocumentError(errorMessage('pack.notFound', { label }));
  }
  if (info.isDirectory()) return { ...folderSource(location), label };
  if (info.size > PACK_LIMITS.zipBytes) throw new DocumentError(errorMessage('zip.tooLarge', { label, bytes: info.size, limit: PACK_LIMITS.zipBytes }));
  return zipSource(new Uint8Array(await readFile(location)), label);
}
