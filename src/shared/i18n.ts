/** Picks the text for a locale, falling back to English so a half-translated pack still reads. */
export function localize(text: { en: string; [locale: string]: string | undefined }, locale: string): string {
  return text[locale] ?? text.en;
}

/** Picks a per-locale list (objectives), falling back to English. */
export function localizeList(lists: Readonly<Record<string, readonly string[]>>, locale: string): readonly string[] {
  return lists[locale] ?? lists.en ?? [];
}
