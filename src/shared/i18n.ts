/** Picks the text for a locale, falling back to English so a half-translated pack still reads. */
export function localize(text: { en: string; [locale: string]: string | undefined }, locale: string): string {
  return text[locale] ?? text.en;
}

/** Picks a per-locale list (objectives), falling back to English. */
export function localizeList(lists: Readonly<Record<string, readonly string[]>>, locale: string): readonly string[] {
  return lists[locale] ?? lists.en ?? [];
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
