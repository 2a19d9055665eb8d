/**
 * The texts of a draft lesson that English has and another locale lacks. Walks the lesson document
 * for localized texts ({en, …}) and per-locale lists (objectives), so a text field added to the
 * lesson schema is counted without a change here.
 */
import { LOCALES } from '../../../shared/lesson';

const isLocalized = (value: unknown): value is Record<string, unknown> & { en: string } =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as { en?: unknown }).en === 'string';
const isLocaleLists = (value: unknown): value is Record<string, unknown[]> & { en: unknown[] } =>
  typeof value === 'object' && value !== null && Array.isArray((value as { en?: unknown }).en);

/** JSON paths of the texts missing in `locale` (e.g. "steps[1]", "objectives[0]", "checks[0].feedback"). */
export function missingTranslations(lesson: unknown, locale: string = LOCALES[1]): string[] {
  const out: string[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (depth > 12 || typeof value !== 'object' || value === null) return;
    if (isLocalized(value)) {
      const other = value[locale];
      if (value.en.trim() && !(typeof other === 'string' && other.trim())) out.push(path);
      return;
    }
    if (isLocaleLists(value)) {
      value.en.forEach((en, i) => {
        const other = value[locale]?.[i];
        if (typeof en === 'string' && en.trim() && !(typeof other === 'string' && other.trim())) out.push(`${path}[${i}]`);
      });
      return;
    }
    if (Array.isArray(value)) value.forEach((item, i) => walk(item, `${path}[${i}]`, depth + 1));
    else for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key, depth + 1);
  };
  walk(lesson, '', 0);
  return out;
}
