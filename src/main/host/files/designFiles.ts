/**
 * Saved designs in the app's data folder (`<dataDir>/designs/<name>.statelab.json`) and the
 * recent-files list. The renderer names files, never paths, so a payload cannot reach outside
 * the folder; every file read back is untrusted (bounded, no prototype keys, validated).
 */
import { notice, type Notice } from '../../../shared/result';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { Graph } from '../../../shared/graph';
import type { DesignFileInfo } from '../../../shared/ipc';
import { parseUntrustedJson } from '../../../shared/json';
import { describeWriteFailure, writeFileAtomic } from './atomicWrite';
import { readGraphFile } from './readGraphFile';

const EXTENSION = '.statelab.json';
const RECENT_MAX = 10;

export function createDesignFiles(dataDir: string) {
  const designsDir = path.join(dataDir, 'designs');
  const recentFile = path.join(dataDir, 'recent.json');
  const fileOf = (name: string) => path.join(designsDir, `${name}${EXTENSION}`);

  async function readRecent(): Promise<string[]> {
    try {
      const raw = parseUntrustedJson(await readFile(recentFile, 'utf8'), 100_000, errorMessage('noun.recent'));
      const names = (raw as { names?: unknown }).names;
      return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string').slice(0, RECENT_MAX) : [];
    } catch {
      return []; // a missing or damaged list is just an empty one
    }
  }

  /** Puts `name` first in the recent list; a list that cannot be written is a warning, never a failed open or save. */
  async function touchRecent(name: string): Promise<{ warning?: Notice }> {
    const names = [name, ...(await readRecent()).filter((n) => n !== name)].slice(0, RECENT_MAX);
    try {
      await writeFileAtomic(recentFile, JSON.stringify({ names }, null, 2));
      return {};
    } catch (error) {
      return { warning: notice(errorMessage('warn.recentNotUpdated', { why: describeWriteFailure(error) })) };
    }
  }

  return {
    async list(): Promise<DesignFileInfo[]> {
      let entries: string[];
      try {
        entries = await readdir(designsDir);
      } catch {
        return [];
      }
      const files = await Promise.all(
        entries
          .filter((e) => e.endsWith(EXTENSION))
          .map(async (e) => ({ name: e.slice(0, -EXTENSION.length), modifiedMs: (await stat(path.join(designsDir, e))).mtimeMs })),
      );
      return files.sort((a, b) => b.modifiedMs - a.modifiedMs);
    },

    async save(name: string, graph: Graph): Promise<{ name: string; warning?: Notice }> {
      await writeFileAtomic(fileOf(name), `${JSON.stringify(graph, null, 2)}\n`);
      return { name, ...(await touchRecent(name)) };
    },

    async open(name: string): Promise<{ name: string; graph: Graph; warning?: Notice }> {
      const graph = await readGraphFile(fileOf(name), errorMessage('noun.fileNamed', { name }), errorMessage('document.noSavedDesign', { name }));
      return { name, graph, ...(await touchRecent(name)) };
    },

    async recent(): Promise<string[]> {
      const existing = new Set((await this.list()).map((f) => f.name));
      return (await readRecent()).filter((n) => existing.has(n));
    },
  };
}
