/**
 * What the studio calls a check: its title in the author's language (else English), else a quiz's
 * question, else its id, as the lesson panel and Class results name it (checkTitleOf); the id stays
 * in tooltips. An author who wrote "实例崩溃时不丢失任何会话" reads that, not "no-lost-sessions".
 */
interface CheckLike {
  id: string;
  type?: string;
  title?: Record<string, string | undefined> | undefined;
  question?: Record<string, string | undefined> | undefined;
}

const inLocale = (text: Record<string, string | undefined> | undefined, locale: string) => text?.[locale]?.trim() || text?.en?.trim() || '';

export function checkName(check: CheckLike | undefined, locale: string, id = check?.id ?? ''): string {
  if (!check) return id;
  return inLocale(check.title, locale) || (check.type === 'quiz' ? inLocale(check.question, locale) : '') || check.id;
}

/** A namer over a lesson's checks, by id (a row of the live panel names its check by id). */
export function checkNamer(checks: readonly CheckLike[] | undefined, locale: string): (id: string) => string {
  const byId = new Map((checks ?? []).map((c) => [c.id, c]));
  return (id) => checkName(byId.get(id), locale, id);
}
