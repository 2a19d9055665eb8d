/**
 * The crash-safety net for designs outside a lesson (a lesson's work has its own file): the
 * renderer sends the edited graph here a moment after each edit, and it lands in
 * `<dataDir>/autosave.json` atomically. At the next start the renderer asks for the unsaved work
 * of the previous session: it is moved to `autosave.previous.json`, which this session's autosaves
 * never touch, and stays there until the student chose Restore or Discard. A damaged autosave is
 * set aside, never allowed to block the start.
 */
import { notice, type Notice } from '../../../shared/result';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadDocument } from '../../../shared/document';
import { GRAPH_LIMITS, graphSpec } from '../../../shared/graph';
import type { AutosaveRecord } from '../../../shared/ipc';
import { parseUntrustedJson } from '../../../shared/json';
import { describeWriteFailure, writeFileAtomic } from './atomicWrite';

const AUTOSAVE_FORMAT = 'statelab.autosave';

const Envelope = z.object({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(1),
  savedAtMs: z.number(),
  name: z.string().max(200).nullable(),
  lessonId: z.string().max(64).nullable(),
  graph: z.unknown(),
});

const exists = (file: string) => stat(file).then(
  (info) => info.isFile(),
  () => false,
);

export function createAutosave(dataDir: string, log: (message: string) => void = () => {}) {
  const file = path.join(dataDir, 'autosave.json');
  const previousFile = path.join(dataDir, 'autosave.previous.json');

  async function parse(source: string): Promise<AutosaveRecord | null> {
    let text: string;
    try {
      text = await readFile(source, 'utf8');
    } catch {
      return null;
    }
    try {
      const envelope = Envelope.parse(parseUntrustedJson(text, GRAPH_LIMITS.bytes + 10_000, errorMessage('noun.autosave')));
      return { ...envelope, graph: loadDocument(envelope.graph, graphSpec) };
    } catch (error) {
      log(`The autosave could not be read and was set aside: ${error instanceof Error ? error.message : String(error)}`);
      await rename(source, `${file}.damaged`).catch(() => {});
      return null;
    }
  }

  return {
    /** A write that fails (read-only or full data folder) is a warning for the student, not a failed call. */
    async write(record: Omit<AutosaveRecord, 'savedAtMs'>): Promise<{ savedAtMs: number | null; warning?: Notice }> {
      const savedAtMs = Date.now();
      try {
        await writeFileAtomic(file, JSON.stringify({ format: AUTOSAVE_FORMAT, version: 1, savedAtMs, ...record }));
        return { savedAtMs };
      } catch (error) {
        return { savedAtMs: null, warning: notice(errorMessage('warn.autosaveFailed', { why: describeWriteFailure(error) })) };
      }
    },
    /** The previous session's unsaved work, kept apart from this session's autosaves until dismissed. */
    async read(): Promise<AutosaveRecord | null> {
      if (await exists(file)) {
        // An older offer nobody answered (the session after it wrote its own work) is kept, not overwritten.
        if (await exists(previousFile)) await rename(previousFile, path.join(dataDir, `autosave.unclaimed-${Date.now()}.json`)).catch(() => {});
        // In a folder that cannot be written, offer the autosave where it is.
        const isMoved = await rename(file, previousFile).then(
          () => true,
          () => false,
        );
        return parse(isMoved ? previousFile : file);
      }
      return parse(previousFile);
    },
    /** This session's autosave: the design is back to its saved state. */
    async clear(): Promise<Record<string, never>> {
      await rm(file, { force: true });
      return {};
    },
    /** The student chose Restore or Discard: the previous session's work is no longer needed. */
    async dismissPrevious(): Promise<Record<string, never>> {
      await rm(previousFile, { force: true });
      return {};
    },
  };
}
