/**
 * What the studio calls a check: its title in the author's language (else English), else a quiz's
 * question, else its id, as the lesson panel and Class results name it (checkTitleOf); the id stays
 * in tooltips. An author who wrote "实例崩溃时不丢失任何会话" reads that, not "no-lost-sessions".
 * A lesson likewise reads by its title (lessonName).
 */
interface CheckLike {
  id: string;
  type?: string;
  title?: Record<string, string | undefined> | undefined;
  question?: Record<string, string | undefined> | undefined;
}

/** In the locale, else in English, else in another language (a text written in 简体中文 first has no English yet). */
const inLocale = (text: Record<string, string | undefined> | undefined, locale: string) => text?.[locale]?.trim() || text?.en?.trim() || Object.values(text ?? {}).find((other) => other?.trim())?.trim() || '';

/** The name, Markdown and all (a quiz's question may say "Why does `ws-2` *fail*?"): shown through InlineMarkdown. */
export function checkName(check: CheckLike | undefined, locale: string, id = check?.id ?? ''): string {
  if (!check) return id;
  return inLocale(check.title, locale) || (check.type === 'quiz' ? inLocale(check.question, locale) : '') || check.id;
}

/** A namer over a lesson's checks, by id (a row of the live panel names its check by id). */
export function checkNamer(checks: readonly CheckLike[] | undefined, locale: string): (id: string) => string {
  const byId = new Map((checks ?? []).map((c) => [c.id, c]));
  return (id) => checkName(byId.get(id), locale, id);
}

/**
 * One line of lesson Markdown as plain text, for places that cannot render it (an <option>, a
 * tooltip): code, emphasis and links keep their words and lose their marks
 * ("Why does `ws-2` **fail**?" → "Why does ws-2 fail?"). Only what InlineMarkdown renders, plus links.
 */
export function plainMarkdown(text: string): string {
  return text
    .replace(/`([^`]+)`/g, '$1')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\*\*(?=\S)(.+?)(?<=\S)\*\*/g, '$1')
    .replace(/(?<!\w)__(?=\S)(.+?)(?<=\S)__(?!\w)/g, '$1')
    .replace(/\*(?=\S)(.+?)(?<=\S)\*/g, '$1')
    // An underscore inside a word ("cache_ttl") is not emphasis.
    .replace(/(?<!\w)_(?=\S)(.+?)(?<=\S)_(?!\w)/g, '$1')
    .replace(/\\([\\`*_[\]()#+\-.!])/g, '$1');
}

/** A lesson draft as the studio's pickers name it: its title in the author's language (else English), else its id, else its number. */
export function lessonName(lesson: { id?: string; title?: Record<string, string | undefined> | undefined } | undefined, locale: string, index: number): string {
  return inLocale(lesson?.title, locale) || lesson?.id?.trim() || String(index + 1);
}
