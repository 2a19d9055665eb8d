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

/** A Chinese character or CJK punctuation: text set without spaces between its characters. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u;

/** A space between two Chinese characters (or CJK punctuation): Chinese is set without one. */
const SPACE_IN_CHINESE = /(?<=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]) (?=[\u3000-\u303f\u3400-\u9fff\uff00-\uffef])/gu;

/**
 * A finished Chinese sentence without the spaces a template left between a Chinese name and the
 * words around it ("负载均衡器 的属性" → "负载均衡器的属性"); spaces beside Latin letters and digits
 * stay ("API 实例 2 的属性"). For texts filled where the value's edges cannot be told apart from the
 * template's (i18next's interpolation); the app's own Chinese templates have no such space of their
 * own (tests/unit/i18n/chineseSpacing.test.ts), so only a filled-in value's edge is affected.
 */
export const closeChineseSpaces = (text: string): string => text.replace(SPACE_IN_CHINESE, '');

/**
 * Fills a template's `{{name}}` placeholders with `valueOf(name)` (a missing value leaves the
 * placeholder empty and makes `isComplete` false). In Chinese a template keeps a space between a
 * placeholder and the words beside it, so that "API 2 的请求" reads right; where the value itself
 * ends (or starts) in Chinese that space falls away: "搜索用户的请求", not "搜索用户 的请求". Only
 * the template's own space goes, never one inside the value.
 */
export function fillTemplate(template: string, locale: string, valueOf: (name: string) => string | undefined): { text: string; isComplete: boolean } {
  let isComplete = true;
  let text = '';
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const start = match.index;
    const value = valueOf(match[1]!);
    if (value === undefined) isComplete = false;
    const filled = value ?? '';
    let before = template.slice(last, start);
    if (locale === 'zh-CN' && CJK.test(filled.charAt(0)) && / $/.test(before) && CJK.test((text + before).charAt(text.length + before.length - 2))) before = before.slice(0, -1);
    text += before + filled;
    last = start + match[0].length;
    if (locale === 'zh-CN' && CJK.test(filled.charAt(filled.length - 1)) && template.charAt(last) === ' ' && CJK.test(template.charAt(last + 1))) last += 1;
  }
  return { text: text + template.slice(last), isComplete };
}

/**
 * Fills a message from `table` in `locale` (English when the locale or the key is unknown);
 * nested messages are filled the same way, and a placeholder without a value stays empty.
 */
export function fillMessage(table: Readonly<Record<string, Template>>, message: Message, locale: string, format: (name: string, value: string | number) => string = (_, v) => String(v)): string {
  const template = Object.hasOwn(table, message.key) ? table[message.key]! : undefined;
  if (template === undefined) return message.key;
  const text = Object.hasOwn(template, locale) ? template[locale as keyof Template] : template.en;
  const params = message.params ?? {};
  return fillTemplate(text, locale, (name) => {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) return '';
    return isMessage(value) ? fillMessage(table, value, locale, format) : format(name, value);
  }).text;
}

/** Rewrites every string parameter, nested ones too (to keep a temp path out of a message, say). */
export function mapMessageStrings<M extends Message>(message: M, rewrite: (text: string) => string): M {
  if (!message.params) return message;
  const params = Object.fromEntries(
    Object.entries(message.params).map(([name, value]) => [name, typeof value === 'string' ? rewrite(value) : isMessage(value) ? mapMessageStrings(value, rewrite) : value]),
  );
  return { ...message, params };
}
