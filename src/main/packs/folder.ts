/** Loading a pack from a folder: what the host uses for built-in and imported packs. */
import { folderSource } from './source';
import { loadPack, type LoadedPack } from './validate';

export type { LoadedLesson, LoadedPack } from './validate';

/** Loads a pack folder whole, or throws a DocumentError naming every file and JSON path at fault. */
export async function loadPackFolder(root: string): Promise<LoadedPack> {
  return loadPack(folderSource(root));
}
