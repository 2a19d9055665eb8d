/**
 * The texts of a draft lesson that English has and another locale lacks, or that English lacks. Walks the lesson document
 * for localized texts ({en, …}) and per-locale lists (objectives), so a text field added to the
 * lesson schema is counted without a change here; and the names of the nodes of its starter and
 * reference (`nodeNames`), a node the lesson names only in English (its label, no entry) included.
 */
import { fieldWords } from '../../../shared/i18n/fieldWords';
import type { PackMessage } from '../../../shared/i18n/packTexts';
import { LOCALES } from '../../../shared/lesson';

const isLocalized = (value: unknown): value is Record<string, unknown> & { en: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string';
const isLocaleLists = (value: unknown): value is Record<string, unknown[]> & { en: unknown[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { en?: unknown }).en);

/** A graph as far as its nodes' names go. */
type NamedGraph = { nodes: readonly { id: string; label: string }[] };

/** The path of a node's name in the lesson ("nodeNames.api-1"), as missingTranslations lists it. */
export const nodeNamePath = (id: string) => `nodeNames.${id}`;
/** The node id of a nodeNamePath, else undefined. */
/** The pack's title in the missing list (it is the pack's, not the lesson's). */
export const PACK_TITLE = 'pack.title';
/** Where the pack's title is, as the validator names a problem's place (file and JSON path). */
export const PACK_TITLE_AT = { file: 'pack.json', path: 'title' } as const;

/** A part of the lesson with several texts (a check, a prediction, a range, a wrong answer): its path and the field's path inside it. */
const CONTAINER = /^((?:checks|predictions|wrongAnswers)\[\d+\]|variants\.parameters\[\d+\])\.(.+)$/;

/**
 * Which of a part's texts a missing one is, in words ("Hint", "Choice 2"), said after the part's
 * place ("Checks › “Few requests fail”"); undefined when the place names the text itself (a step, the title).
 */
export function missingFieldWords(path: string): PackMessage | undefined {
  const m = CONTAINER.exec(path);
  return m ? fieldWords(m[2]!) : undefined;
}

export const nodeOfPath = (path: string): string | undefined => (path.startsWith('nodeNames.') ? path.slice('nodeNames.'.length) : undefined);

const hasWords = (text: unknown) => typeof text === 'string' && text.trim() !== '';

/**
 * JSON paths of the texts missing in `locale` while English has them (e.g. "steps[1]", "objectives[0]",
 * "checks[0].feedback", "nodeNames.api-1"); for `locale` English, those another locale has and English
 * lacks (written in 简体中文 first); `graphs`: the lesson's starter and reference, whose every named node
 * needs a name in `locale` (not English: a node's label is its English name).
 */
export function missingTranslations(lesson: unknown, locale: string = LOCALES[1], graphs: readonly (NamedGraph | undefined)[] = []): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 12 || typeof value !== 'object' || value === null) return;
    if (isLocalized(value)) {
      if (!hasWords(value[locale]) && (locale === 'en' ? Object.values(value).some(hasWords) : hasWords(value.en))) out.push(path);
      return;
    }
    if (isLocaleLists(value)) {
      const lists = Object.values(value).filter((list): list is unknown[] => Array.isArray(list));
      const own = Array.isArray(value[locale]) ? value[locale] : [];
      const rows = Math.max(0, ...lists.map((list) => list.length));
      for (let i = 0; i < rows; i++) if (!hasWords(own[i]) && (locale === 'en' ? lists.some((list) => hasWords(list[i])) : hasWords(value.en[i]))) out.push(`${path}[${i}]`);
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    else for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, depth + 1);
  };
  walk(lesson, '', 0);
  // A node with an English name only has no entry in nodeNames: its label is its name.
  const names = typeof lesson === 'object' && lesson !== null ? (lesson as { nodeNames?: unknown }).nodeNames : undefined;
  const named = typeof names === 'object' && names !== null ? names : {};
  const seen = new Set(out);
  for (const graph of locale === 'en' ? [] : graphs) {
    for (const node of graph?.nodes ?? []) {
      const path = nodeNamePath(node.id);
      if (Object.hasOwn(named, node.id) || seen.has(path) || !node.label.trim()) continue;
      seen.add(path);
      out.push(path);
    }
  }
  return out;
}
