/**
 * Files anywhere on the computer, chosen by the student in a native dialog (desktop app only).
 * The renderer never sends a path: the path comes from the dialog main showed, so a compromised
 * page cannot read or write files of its choosing.
 */
import { errorMessage } from '../../../shared/i18n/errorTexts';
import path from 'node:path';
import type { Graph } from '../../../shared/graph';
import { ServiceError } from '../dispatcher';
import { writeFileAtomic } from './atomicWrite';
import { readGraphFile } from './readGraphFile';

export interface NativeDialogs {
  /** Asks for a design file to open; null when the student cancels. */
  chooseOpenPath(): Promise<string | null>;
  /** Asks where to save; null when the student cancels. */
  chooseSavePath(suggestedName: string): Promise<string | null>;
}

const NO_DIALOGS = errorMessage('files.noDialogs');

export function createExternalFiles(dialogs: NativeDialogs | undefined) {
  return {
    async open(): Promise<{ fileName: string; graph: Graph } | null> {
      if (!dialogs) throw new ServiceError('invalid-payload', NO_DIALOGS);
      const file = await dialogs.chooseOpenPath();
      if (!file) return null;
      const fileName = path.basename(file);
      return { fileName, graph: await readGraphFile(file, errorMessage('noun.fileNamed', { name: fileName }), errorMessage('document.unreadable', { what: errorMessage('noun.fileNamed', { name: fileName }) })) };
    },
    async save(graph: Graph, suggestedName: string): Promise<{ fileName: string } | null> {
      if (!dialogs) throw new ServiceError('invalid-payload', NO_DIALOGS);
      const file = await dialogs.chooseSavePath(`${suggestedName}.statelab.json`);
      if (!file) return null;
      await writeFileAtomic(file, `${JSON.stringify(graph, null, 2)}\n`);
      return { fileName: path.basename(file) };
    },
  };
}
