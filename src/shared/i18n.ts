/**
 * Picks the text for a locale, falling back to English so a half-translated pack still reads: also
 * when the locale's text is blank (the studio keeps a box emptied after typing as ""); and where
 * English is blank too (a pack titled in 简体中文 in the studio, its English still to write), to
 * another locale's words rather than nothing.
 */
export function localize(text: { en: string; [locale: string]: string | undefined }, locale: string): string {
  const own = text[locale];
  if (own !== undefined && own.trim() !== '') return own;
  if (text.en.trim() !== '') return text.en;
  return Object.values(text).find((other) => other !== undefined && other.trim() !== '') ?? text.en;
}

/**
 * Picks a per-locale list (objectives), falling back to English row by row (a row the locale left
 * blank reads in English; one blank in English too, in another locale's words, as `localize` does),
 * without rows blank in all: a student never sees an empty bullet.
 */
export function localizeList(lists: Readonly<Record<string, readonly string[]>>, locale: string): readonly string[] {
  const order = [lists[locale] ?? [], lists.en ?? [], ...Object.entries(lists).filter(([l]) => l !== locale && l !== 'en').map(([, list]) => list)];
  const rows = Math.max(0, ...order.map((list) => list.length));
  return Array.from({ length: rows }, (_, i) => order.map((list) => list[i] ?? '').find((item) => item.trim() !== '') ?? '').filter((item) => item !== '');
}

/** The app's own languages (menus, buttons); lesson texts may have more. */
export const APP_LOCALES = ['en', 'zh-CN'] as const;
export type AppLocale = (typeof APP_LOCALES)[number];

export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

/** The app language at first start: the system's, if we have it, else English. */
export function defaultLocale(languages: readonly string[]): AppLocale {
  for (const language of languages) {
    if (language.toLowerCase().startsWith('zh')) return 'zh-CN';
    if (language.toLowerCase().startsWith('en')) return 'en';
  }
  return 'en';
}
