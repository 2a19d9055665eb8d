/**
 * The crash-safety net: the renderer sends the edited graph here a moment after each edit, and it
 * lands in `<dataDir>/autosave.json` atomically. At the next start the renderer asks for it and
 * offers to restore it. A damaged autosave is set aside, never allowed to block the start.
 */
import { readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import { loadDocument } from '../../../shared/document';
import { GRAPH_LIMITS, graphSpec } from '../../../shared/graph';
import type { AutosaveRecord } from '../../../shared/ipc';
import { parseUntrustedJson } from '../../../shared/json';
import { writeFileAtomic } from './atomicWrite';

const AUTOSAVE_FORMAT = 'statelab.autosave';

const Envelope = z.object({
  format: z.literal(AUTOSAVE_FORMAT),
  version: z.literal(1),
  savedAtMs: z.number(),
  name: z.string().max(200).nullable(),
  lessonId: z.string().max(64).nullable(),
  graph: z.unknown(),
});

export function createAutosave(dataDir: string, log: (message: string) => void = () => {}) {
  const file = path.join(dataDir, 'autosave.json');
  return {
    async write(record: Omit<AutosaveRecord, 'savedAtMs'>): Promise<{ savedAtMs: number }> {
      const savedAtMs = Date.now();
      await writeFileAtomic(file, JSON.stringify({ format: AUTOSAVE_FORMAT, version: 1, savedAtMs, ...record }));
      return { savedAtMs };
    },
    async read(): Promise<AutosaveRecord | null> {
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return null;
      }
      try {
        const envelope = Envelope.parse(parseUntrustedJson(text, GRAPH_LIMITS.bytes + 10_000, 'autosave'));
        return { ...envelope, graph: loadDocument(envelope.graph, graphSpec) };
      } catch (error) {
        log(`The autosave could not be read and was set aside: ${error instanceof Error ? error.message : String(error)}`);
        await rename(file, `${file}.damaged`).catch(() => {});
        return null;
      }
    },
    async clear(): Promise<Record<string, never>> {
      await rm(file, { force: true });
      return {};
    },
  };
}
