/**
 * Each lesson's work, kept across restarts: `<dataDir>/lessons-work/<pack>/<lesson>.statelab.json`,
 * a plain graph file written atomically. The renderer sends it a moment after each edit in a
 * lesson and asks for it when the lesson opens. A file that cannot be read is set aside, never
 * deleted, and the lesson starts from its starter with a warning.
 */
import { DocumentError } from '../../../shared/json';
import { notice, type Notice } from '../../../shared/result';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { rename, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Graph } from '../../../shared/graph';
import { describeWriteFailure, writeFileAtomic } from '../files/atomicWrite';
import { readGraphFile } from '../files/readGraphFile';

export interface LoadedWork {
  /** The student's last design for the lesson; null when there is none (or it could not be read). */
  graph: Graph | null;
  /** Why saved work could not be used, for the student to see. */
  warning?: Notice;
}

export function createLessonWork(dataDir: string) {
  // Pack and lesson ids are checked by the contract (letters, digits, "-", "_", ".", starting with
  // a letter or digit), so neither can be "..", hold a separator, or leave this folder.
  const fileOf = (packId: string, lessonId: string) => path.join(dataDir, 'lessons-work', packId, `${lessonId}.statelab.json`);
  /** Writes per file, in order: a slow older write never lands after a newer one. */
  const queues = new Map<string, Promise<unknown>>();

  return {
    async load(packId: string, lessonId: string): Promise<LoadedWork> {
      const file = fileOf(packId, lessonId);
      const found = await stat(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : error));
      if (found === null) return { graph: null };
      try {
        if (found instanceof Error) throw found;
        return { graph: await readGraphFile(file, errorMessage('noun.lessonWork', { lesson: lessonId }), errorMessage('document.unreadable', { what: errorMessage('noun.lessonWork', { lesson: lessonId }) })) };
      } catch (error) {
        const aside = `${file}.damaged`;
        const isKept = await rename(file, aside).then(
          () => true,
          () => false,
        );
        const reason = error instanceof DocumentError ? error.text : error instanceof Error ? error.message : String(error);
        return {
          graph: null,
          warning: notice(errorMessage('warn.workNotUsed', { reason, kept: isKept ? errorMessage('warn.workKeptAs', { file: `lessons-work/${packId}/${path.basename(aside)}` }) : errorMessage('warn.workLeft') })),
        };
      }
    },

    /** A write that fails (read-only or full data folder) is a warning for the student, not a failed call. */
    async save(packId: string, lessonId: string, graph: Graph): Promise<{ savedAtMs: number | null; warning?: Notice }> {
      const file = fileOf(packId, lessonId);
      const write = (queues.get(file) ?? Promise.resolve()).catch(() => {}).then(() => writeFileAtomic(file, `${JSON.stringify(graph, null, 2)}\n`));
      queues.set(file, write);
      try {
        await write;
        return { savedAtMs: Date.now() };
      } catch (error) {
        return { savedAtMs: null, warning: notice(errorMessage('warn.workNotSaved', { why: describeWriteFailure(error) })) };
      } finally {
        if (queues.get(file) === write) queues.delete(file);
      }
    },
  };
}
