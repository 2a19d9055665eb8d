/**
 * What a user reads when a service fails unexpectedly: a sentence, never a host path. A file
 * system error becomes a sentence naming only the file; any other message has the host's folders
 * (data, temp, home, the app's own) replaced by plain names and other absolute paths cut to their
 * last part. The full error, paths included, still goes to the log.
 */
import { homedir, tmpdir } from 'node:os';
import path from 'node:path';
import { errorMessage, type ErrorKey, type ErrorMessage } from '../../shared/i18n/errorTexts';

/** Node's file system error codes, as what the user can do something about (ERROR_TEXTS' `fs.*`). */
export const FILE_ERRORS = new Set(['ENOENT', 'EACCES', 'EPERM', 'ENOSPC', 'EDQUOT', 'EROFS', 'EMFILE', 'ENFILE', 'EBUSY', 'EEXIST', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ENOTEMPTY', 'EIO']);

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
export function internalErrorText(channel: string, error: unknown, folders: readonly HiddenFolder[]): ErrorMessage {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && FILE_ERRORS.has(code)) {
    const file = (error as { path?: unknown }).path;
    const named = typeof file === 'string' && path.basename(file) !== '' ? errorMessage('call.fileName', { name: path.basename(file) }) : '';
    return errorMessage('call.failedFile', { channel, problem: errorMessage(`fs.${code}` as ErrorKey), file: named });
  }
  // An unexpected error's own words: only the log and this line have them, in English.
  return errorMessage('call.failed', { channel, detail: hidePaths(error instanceof Error ? error.message : String(error), folders) });
}
