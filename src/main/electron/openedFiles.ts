// Files the operating system hands StateLab: on the command line of the first launch, of a second
// launch (single instance: it focuses the first and passes its files over), from macOS's
// 'open-file', or picked in the File menu's native dialogs. Main reads and checks each one, queues
// it, and tells the renderer, which takes the queue with shell:takeOpenedFiles.
import { englishError, errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import type { Issue } from '../../shared/i18n/issues';
import { DocumentError } from '../../shared/json';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { App } from 'electron';
import { openableKind, type OpenableKind, type OpenedFile } from '../../shared/shell';
import { readGraphFile } from '../host/files/readGraphFile';

/** The same bounds the renderer's pickers and the IPC schemas use. */
const MAX_PACK_BYTES = 4_000_000;
const MAX_SUBMISSION_BYTES = 6_000_000;
/** A launch with a thousand files names no more than this many. */
const MAX_FILES_PER_LAUNCH = 10;
const MAX_QUEUED = 20;

/** The files a command line asks StateLab to open: existing-looking paths with one of our extensions. */
export function filesFromArgv(argv: readonly string[], workingDirectory: string): string[] {
  return argv
    .filter((arg) => !arg.startsWith('-') && openableKind(arg) !== null)
    .slice(0, MAX_FILES_PER_LAUNCH)
    .map((arg) => path.resolve(workingDirectory, arg));
}

async function readBounded(file: string, limit: number, fileName: string): Promise<Buffer> {
  const info = await stat(file);
  if (!info.isFile()) throw new DocumentError(errorMessage('size.notAFile', { file: fileName }));
  if (info.size > limit) throw new DocumentError(errorMessage('size.documentBytes', { what: errorMessage('noun.fileNamed', { name: fileName }), bytes: info.size, limit }));
  return readFile(file);
}

/**
 * Reads one file as untrusted input; any problem becomes an `error` entry naming the file. The
 * kind comes from the name, or from the dialog it was picked in (a pack zip need not be named
 * `.statelab-pack.zip`).
 */
export async function readOpenedFile(file: string, asKind?: OpenableKind): Promise<OpenedFile> {
  const fileName = path.basename(file);
  const kind = asKind ?? openableKind(fileName);
  const named = errorMessage('noun.fileNamed', { name: fileName });
  const unreadable = errorMessage('document.unreadable', { what: named });
  const failure = (text: ErrorMessage, issues: readonly Issue[] = []): OpenedFile => ({ kind: 'error', fileName, message: englishError(text, issues), key: text.key, ...(text.params ? { params: text.params } : {}), ...(issues.length > 0 ? { issues } : {}) });
  try {
    switch (kind) {
      case 'design':
        return { kind, fileName, graph: await readGraphFile(file, named, unreadable) };
      case 'pack':
        return { kind, fileName, zipBase64: (await readBounded(file, MAX_PACK_BYTES, fileName)).toString('base64') };
      case 'submission':
        return { kind, fileName, text: (await readBounded(file, MAX_SUBMISSION_BYTES, fileName)).toString('utf8') };
      default:
        return failure(errorMessage('open.unsupported', { file: fileName }));
    }
  } catch (error) {
    return error instanceof DocumentError ? failure(error.text, error.issues) : failure(unreadable);
  }
}

/** The queue between the OS and the renderer. `notify` runs after files were added. */
export function createOpenedFileQueue(notify: () => void) {
  let queue: OpenedFile[] = [];
  let reading: Promise<unknown> = Promise.resolve();
  return {
    /** Reads the files and queues them; resolves once they are queued. */
    add(files: readonly string[], asKind?: OpenableKind): Promise<void> {
      if (files.length === 0) return Promise.resolve();
      const done = Promise.all(files.slice(0, MAX_FILES_PER_LAUNCH).map((file) => readOpenedFile(file, asKind))).then((read) => {
        queue = [...queue, ...read].slice(-MAX_QUEUED);
        notify();
      });
      reading = reading.then(() => done);
      return done;
    },
    /** Everything queued so far (after any read in progress), emptying the queue. */
    async take(): Promise<OpenedFile[]> {
      await reading;
      const taken = queue;
      queue = [];
      return taken;
    },
  };
}

/**
 * Makes this the only running StateLab. Returns false in a second launch, which should quit:
 * its files go to the first, which runs `onSecondLaunch` with them (focus the window, open them).
 */
export function claimSingleInstance(app: Pick<App, 'requestSingleInstanceLock' | 'on'>, onSecondLaunch: (files: string[]) => void): boolean {
  if (!app.requestSingleInstanceLock()) return false;
  app.on('second-instance', (_event, argv, workingDirectory) => onSecondLaunch(filesFromArgv(argv.slice(1), workingDirectory)));
  // macOS sends files opened from the Finder (and dropped on the Dock icon) as events instead.
  app.on('open-file', (event, file) => {
    event.preventDefault();
    onSecondLaunch([file]);
  });
  return true;
}
