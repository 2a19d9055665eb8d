/**
 * The packs a student can open: the built-in ones shipped with the app, and the ones imported
 * into the data folder. Built-in packs cannot be removed; an imported pack that no longer loads is
 * listed with its error instead of vanishing.
 */
import { errorMessage } from '../../../shared/i18n/errorTexts';
import path from 'node:path';
import type { CatalogueEntry, PackImportResult } from '../../../shared/ipc';
import type { Issue } from '../../../shared/i18n/issues';
import { DocumentError } from '../../../shared/json';
import { folderSource, openPackSource } from '../../packs/source';
import { importPack, listPacks, removePack } from '../../packs/store';
import { loadPack, type LoadedLesson, type LoadedPack } from '../../packs/validate';
import { ServiceError } from '../dispatcher';

/** A pack as the catalogue lists it (the IPC shape). */
export type CataloguePack = CatalogueEntry;

const IMAGE_TYPES: Record<string, string> = {
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.svg': 'image/svg+xml',
};
const MAX_IMAGE_BYTES = 2_000_000;

interface Entry {
  origin: CataloguePack['origin'];
  dir: string;
  pack?: LoadedPack;
  error?: string;
  problems?: Issue[];
}

export interface Catalogue {
  list(): Promise<CataloguePack[]>;
  pack(packId: string): Promise<{ pack: LoadedPack; dir: string }>;
  lesson(packId: string, lessonId: string): Promise<{ pack: LoadedPack; lesson: LoadedLesson }>;
  /** Imports a folder or zip (`label` names it in messages); re-importing an installed id replaces it and says so. */
  import(location: string, label?: string): Promise<PackImportResult>;
  remove(packId: string): Promise<boolean>;
  /** A pack image as a data: URL (the CSP allows those), or undefined. */
  image(packId: string, relative: string): Promise<string | undefined>;
}

const summary = (entry: Entry, fallbackId: string): CataloguePack => ({
  id: entry.pack?.manifest.id ?? fallbackId,
  title: entry.pack?.manifest.title ?? { en: fallbackId },
  version: entry.pack?.manifest.packVersion ?? '',
  origin: entry.origin,
  lessons: entry.pack?.lessons.map(({ lesson }) => ({ id: lesson.id, title: lesson.title })) ?? [],
  ...(entry.error ? { error: entry.error } : {}),
  ...(entry.problems ? { problems: entry.problems } : {}),
});

export function createCatalogue(builtinPackDirs: readonly string[], dataDir: string): Catalogue {
  let builtins: Promise<Entry[]> | undefined;
  const loadBuiltins = () =>
    (builtins ??= Promise.all(
      builtinPackDirs.map(async (dir): Promise<Entry> => ({ origin: 'builtin', dir, pack: await loadPack(folderSource(dir)) })),
    ));

  const entries = async (): Promise<Map<string, Entry>> => {
    const out = new Map<string, Entry>();
    for (const entry of await loadBuiltins()) out.set(entry.pack!.manifest.id, entry);
    for (const stored of await listPacks(dataDir)) {
      // A built-in pack's id is reserved: an import cannot shadow what the course ships.
      if (out.has(stored.id)) continue;
      out.set(stored.id, { origin: 'imported', dir: stored.dir, pack: stored.pack, error: stored.error, ...(stored.problems ? { problems: stored.problems } : {}) });
    }
    return out;
  };

  const quoted = (ids: readonly string[]) => ids.map((id) => `"${id}"`).join(', ');
  const find = async (packId: string) => {
    const all = await entries();
    const entry = all.get(packId);
    if (!entry) throw new ServiceError('invalid-payload', errorMessage('pack.unknown', { pack: packId, known: quoted([...all.keys()]) }));
    if (!entry.pack && entry.problems) throw new DocumentError(errorMessage('pack.doesNotLoadProblems', { pack: packId }), entry.problems);
    if (!entry.pack) throw new ServiceError('invalid-document', errorMessage('pack.doesNotLoad', { pack: packId, detail: entry.error ?? '' }));
    return { pack: entry.pack, dir: entry.dir };
  };

  return {
    list: async () => [...(await entries())].map(([id, entry]) => summary(entry, id)),
    pack: find,
    lesson: async (packId, lessonId) => {
      const { pack } = await find(packId);
      const lesson = pack.lessons.find((l) => l.lesson.id === lessonId);
      if (!lesson) throw new ServiceError('invalid-payload', errorMessage('pack.unknownLesson', { pack: packId, lesson: lessonId, known: quoted(pack.lessons.map((l) => l.lesson.id)) }));
      return { pack, lesson };
    },
    import: async (location, label = location) => {
      const probe = await loadPack(await openPackSource(location, label));
      const id = probe.manifest.id;
      if ((await loadBuiltins()).some((b) => b.pack?.manifest.id === id)) {
        throw new DocumentError(errorMessage('pack.builtinId', { label, id }));
      }
      const old = (await listPacks(dataDir)).find((stored) => stored.id === id);
      const pack = await importPack(location, dataDir, label);
      const replaced = old ? { replaced: old.pack ? { version: old.pack.manifest.packVersion } : {} } : {};
      return { ...summary({ origin: 'imported', dir: '', pack }, id), ...replaced };
    },
    remove: async (packId) => {
      if ((await loadBuiltins()).some((b) => b.pack?.manifest.id === packId)) {
        throw new ServiceError('invalid-payload', errorMessage('pack.builtinRemove', { pack: packId }));
      }
      return removePack(dataDir, packId);
    },
    image: async (packId, relative) => {
      const type = IMAGE_TYPES[path.extname(relative).toLowerCase()];
      if (!type) return undefined;
      const { dir } = await find(packId);
      const bytes = await folderSource(dir).readBytes(relative.replace(/^\.\//, ''));
      if (!bytes || bytes.length > MAX_IMAGE_BYTES) return undefined;
      return `data:${type};base64,${Buffer.from(bytes).toString('base64')}`;
    },
  };
}
