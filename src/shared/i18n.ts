/**
 * Picks the text for a locale, falling back to English so a half-translated pack still reads: also
 * when the locale's text is blank (the studio keeps a box emptied after typing as "").
 */
export function localize(text: { en: string; [locale: string]: string | undefined }, locale: string): string {
  const own = text[locale];
  return own !== undefined && own.trim() !== '' ? own : text.en;
}

/**
 * Picks a per-locale list (objectives), falling back to English row by row (a row the locale left
 * blank reads in English), without rows blank in both: a student never sees an empty bullet.
 */
export function localizeList(lists: Readonly<Record<string, readonly string[]>>, locale: string): readonly string[] {
  const own = lists[locale] ?? lists.en ?? [];
  const en = lists.en ?? [];
  return own.map((item, i) => (item.trim() !== '' ? item : (en[i] ?? ''))).filter((item) => item.trim() !== '');
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
