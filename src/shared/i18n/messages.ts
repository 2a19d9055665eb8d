/**
 * Messages as data: a key into a bilingual table and its parameters, so the process that finds a
 * problem (main, a worker, the CLI) need not know the student's language, and the renderer shows
 * it in theirs. A parameter may itself be a message ("the file is too large" inside "x.zip: …"),
 * so wrapped and composed errors stay translatable. Placeholders are `{{name}}` (i18next's syntax).
 */

/** One sentence in each app language. Both are required: a template without its Chinese does not compile. */
export interface Template {
  en: string;
  'zh-CN': string;
}

/** A table of templates; `K` is its keys. */
export type TemplateTable<K extends string> = Readonly<Record<K, Template>>;

export type MessageParam<K extends string> = string | number | Message<K>;

/** A sentence by key, with its parameters (plain JSON: it crosses IPC and the bridge). */
export interface Message<K extends string = string> {
  key: K;
  params?: Readonly<Record<string, MessageParam<K>>>;
}

const PLACEHOLDER = /\{\{(\w+)\}\}/g;

/** The `{{name}}` placeholders of a template, sorted. */
export function templatePlaceholders(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).sort();
}

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && typeof (value as { key?: unknown }).key === 'string';

/**
 * Fills a message from `table` in `locale` (English when the locale or the key is unknown);
 * nested messages are filled the same way, and a placeholder without a value stays empty.
 */
export function fillMessage(table: Readonly<Record<string, Template>>, message: Message, locale: string, format: (name: string, value: string | number) => string = (_, v) => String(v)): string {
  const template = Object.hasOwn(table, message.key) ? table[message.key]! : undefined;
  if (template === undefined) return message.key;
  const text = Object.hasOwn(template, locale) ? template[locale as keyof Template] : template.en;
  const params = message.params ?? {};
  return text.replace(PLACEHOLDER, (_, name: string) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return '';
    return isMessage(value) ? fillMessage(table, value, locale, format) : format(name, value);
  });
}

/** Rewrites every string parameter, nested ones too (to keep a temp path out of a message, say). */
export function mapMessageStrings<M extends Message>(message: M, rewrite: (text: string) => string): M {
  if (!message.params) return message;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [name, typeof value === 'string' ? rewrite(value) : isMessage(value) ? mapMessageStrings(value, rewrite) : value]),
  );
  return { ...message, params };
}
