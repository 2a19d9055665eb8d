/**
 * How the dashboard names the pack and the lessons of the results: by their titles in the app's
 * language, from the pack catalogue (the ids stay in tooltips, where an instructor finds them for
 * the CLI). A pack or lesson the catalogue does not have is shown by its id.
 */
import { localize } from '../../../shared/i18n';
import type { CatalogueEntry } from '../../../shared/ipc';

export interface ClassTitles {
  /** The pack's title, or its id when it is not installed; undefined when the results name no pack. */
  pack: string | undefined;
  /** A lesson's title in the pack, or its id. */
  lesson(lessonId: string): string;
}

/** Titles for results graded against `packId` (undefined: a CSV alone, read against `fallbackPackId`). */
export function classTitles(catalogue: readonly Pick<CatalogueEntry, 'id' | 'title' | 'lessons'>[], packId: string | undefined, fallbackPackId: string, locale: string): ClassTitles {
  const entry = catalogue.find((p) => p.id === (packId ?? fallbackPackId));
  const lessons = new Map((entry?.lessons ?? []).map((l) => [l.id, localize(l.title, locale)]));
  return {
    pack: packId === undefined ? undefined : entry ? localize(entry.title, locale) : packId,
    lesson: (lessonId) => lessons.get(lessonId) ?? lessonId,
  };
}
