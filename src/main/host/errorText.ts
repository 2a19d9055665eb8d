/**
 * What a user reads when a service fails unexpectedly: a sentence, never a host path. A file
 * system error becomes a sentence naming only the file; any other message has the host's folders
 * (data, temp, home, the app's own) replaced by plain names and other absolute paths cut to their
 * last part. The full error, paths included, still goes to the log.
 */
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';

/** Node's file system error codes, as what the user can do something about. */
const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'a file or folder it needed is missing',
  EACCES: 'it is not allowed to use a file or folder',
  EPERM: 'the system did not permit a file operation',
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is used up',
  EROFS: 'the disk is read-only',
  EMFILE: 'too many files are open',
  ENFILE: 'too many files are open',
  EBUSY: 'a file is in use by another program',
  EEXIST: 'a file it meant to create already exists',
  ENOTDIR: 'a path it expected to be a folder is a file',
  EISDIR: 'a path it expected to be a file is a folder',
  ENAMETOOLONG: 'a file name is too long',
  ENOTEMPTY: 'a folder it meant to replace is not empty',
  EIO: 'the disk reported a read or write error',
};

/** An absolute path: "/a/b…" or "C:\a\b…", up to whitespace or quoting. */
const ABSOLUTE_PATH = /(?:\b[A-Za-z]:[\\/]|(?<![\w.:/>])\/(?=[^\s'"`<>|]))[^\s'"`<>|]*/g;

export interface HiddenFolder {
  /** An absolute folder on the host. */
  dir: string;
  /** What to show instead, e.g. "the app's data folder". */
  name: string;
}

/** The folders every host has: the temp folder and the user's home, after any given ones. */
export function hostFolders(extra: readonly HiddenFolder[] = []): HiddenFolder[] {
  const all = [...extra, { dir: tmpdir(), name: 'the temp folder' }, { dir: homedir(), name: 'the home folder' }];
  // Longest first, so the data folder inside the home folder is named as the data folder.
  return all.filter((f) => path.isAbsolute(f.dir) && f.dir.length > 1).sort((a, b) => b.dir.length - a.dir.length);
}

/** Replaces host folders by their names and other absolute paths by their last part. */
export function hidePaths(text: string, folders: readonly HiddenFolder[]): string {
  let out = text;
  for (const { dir, name } of folders) out = out.split(dir).join(`<${name}>`);
  return out.replace(ABSOLUTE_PATH, (found) => {
    const trimmed = found.replace(/[.,;:)]+$/, '');
    return (path.basename(trimmed.replace(/\\/g, '/')) || '(a path)') + found.slice(trimmed.length);
  });
}

/** The message for an unexpected failure of `channel`. */
export function internalErrorText(channel: string, error: unknown, folders: readonly HiddenFolder[]): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && Object.hasOwn(FILE_ERRORS, code)) {
    const file = (error as { path?: unknown }).path;
    const named = typeof file === 'string' && path.basename(file) !== '' ? ` ("${path.basename(file)}")` : '';
    return `${channel} failed: ${FILE_ERRORS[code]}${named}.`;
  }
  return `${channel} failed: ${hidePaths(error instanceof Error ? error.message : String(error), folders)}`;
}
