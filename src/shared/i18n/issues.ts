/**
 * Schema problems as data: the JSON path and what zod found, so a document's problems found in
 * main read in the student's language in the renderer (zod's own zh-CN wording), while the CLI and
 * the log keep the English line. A problem our schemas word themselves (a `refine`, a custom
 * `error`) has no zod wording to translate and reads as written.
 */
import { z } from 'zod';
import { isMessage, type Message } from './messages';
import { ownWorded } from './packTexts';

/** Renders a JSON path the way pack authors read it: `nodes[2].props.workers`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? DOCUMENT_ROOT : out;
}

const DOCUMENT_ROOT = '(document root)';
const ROOT_WORDS: Record<string, string> = { 'zh-CN': '（文档根）' };

/** One problem of a document, plain JSON. */
export interface Issue {
  /** Where, as pack authors read it: `nodes[2].props.workers`. */
  path: string;
  /** The English sentence (zod's, or the schema's own). */
  message: string;
  /** zod's issue code and the fields its wording needs; absent for a problem worded by hand. */
  zod?: ZodIssueData;
  /** The problem as a message of PACK_TEXTS (a pack's problems, src/shared/i18n/packTexts.ts): worded from it in every language. */
  text?: Message;
}

export interface ZodIssueData {
  code: string;
  expected?: string;
  /** invalid_type: the type that was found ("string", "undefined"). */
  received?: string;
  origin?: string;
  minimum?: number | string;
  maximum?: number | string;
  inclusive?: boolean;
  values?: (string | number | boolean | null)[];
  keys?: string[];
  format?: string;
  divisor?: number;
}

/** A value of the given type, so zod's wording functions (which read `issue.input`) name it. */
const SAMPLE_INPUT: Record<string, unknown> = { string: '', number: 0, boolean: false, null: null, undefined: undefined, array: [], object: {}, nan: Number.NaN, bigint: 0n, function: () => {}, symbol: Symbol('x'), date: new Date(0) };

type LocaleError = (issue: never) => string | undefined | { message: string };
const WORDING: Record<string, () => LocaleError> = {
  en: () => z.locales.en().localeError as LocaleError,
  'zh-CN': () => z.locales.zhCN().localeError as LocaleError,
};

/** zod's own wording for an issue's data in a locale, or undefined. */
function zodWording(data: ZodIssueData, locale: string): string | undefined {
  const make = WORDING[locale];
  if (make === undefined) return undefined;
  const raw = { ...data, input: data.received === undefined ? undefined : SAMPLE_INPUT[data.received] };
  const out = make()(raw as never);
  return typeof out === 'string' ? out : out?.message;
}

/** zod's zh-CN wording leaves JavaScript's type names in English. */
const ZH_TYPES: Record<string, string> = { string: '字符串', boolean: '布尔值', object: '对象', undefined: '未定义', bigint: '大整数', function: '函数', symbol: '符号', date: '日期', value: '值' };
const ZH_TYPE_WORDS = new RegExp(`\\b(${Object.keys(ZH_TYPES).join('|')})\\b`, 'g');

/** zod's zh-CN names for the types it found, back to zod's own. */
const ZH_RECEIVED: Record<string, string> = { 数字: 'number', 数组: 'array', '空值(null)': 'null', 空值: 'null' };

/** The fields of a zod issue that its wording needs, bounded (an enum of a thousand values is cut). */
function dataOf(issue: z.core.$ZodIssue): ZodIssueData {
  const i = issue as unknown as Record<string, unknown>;
  const data: ZodIssueData = { code: issue.code };
  for (const name of ['expected', 'origin', 'format'] as const) if (typeof i[name] === 'string') data[name] = i[name];
  for (const name of ['minimum', 'maximum'] as const) if (typeof i[name] === 'number' || typeof i[name] === 'bigint') data[name] = typeof i[name] === 'bigint' ? String(i[name]) : (i[name] as number);
  if (typeof i.inclusive === 'boolean') data.inclusive = i.inclusive;
  if (typeof i.divisor === 'number') data.divisor = i.divisor;
  if (Array.isArray(i.values)) data.values = i.values.slice(0, 20).filter((v): v is string | number | boolean | null => v === null || ['string', 'number', 'boolean'].includes(typeof v));
  if (Array.isArray(i.keys)) data.keys = i.keys.slice(0, 20).map(String);
  if (issue.code === 'invalid_type') {
    const found = /(?:received|实际接收) (\S+)$/.exec(issue.message)?.[1];
    data.received = found === undefined ? undefined : (ZH_RECEIVED[found] ?? found);
  }
  return data;
}

/** An issue as data; keeps zod's data only when the message is zod's own English wording. */
export function issueOf(issue: z.core.$ZodIssue, path: readonly PropertyKey[] = issue.path): Issue {
  const data = dataOf(issue);
  // zod words its issues in its configured locale (the renderer sets the app's): any of ours is its own wording.
  const english = zodWording(data, 'en');
  const isZodWording = Object.keys(WORDING).some((locale) => zodWording(data, locale) === issue.message);
  // A problem our schema words itself may carry its message (packTexts.ts ownIssue) as the issue's params.
  const own = issue.code === 'custom' && isMessage(issue.params?.text) ? (issue.params.text as Message) : isZodWording ? undefined : ownWorded(issue.message);
  return { path: formatPath(path), message: isZodWording && english !== undefined ? english : issue.message, ...(isZodWording ? { zod: data } : {}), ...(own ? { text: own } : {}) };
}

/** Every issue of a failed parse, `prefix` put before each path. */
export function issuesOf(error: z.ZodError, prefix: readonly PropertyKey[] = []): Issue[] {
  return error.issues.map((issue) => issueOf(issue, [...prefix, ...issue.path]));
}

/** The place of an issue as read in a locale: the document root in its words. */
export const issuePlace = (path: string, locale: string): string => (path === DOCUMENT_ROOT ? (ROOT_WORDS[locale] ?? path) : path.endsWith(`: ${DOCUMENT_ROOT}`) ? `${path.slice(0, -DOCUMENT_ROOT.length)}${ROOT_WORDS[locale] ?? DOCUMENT_ROOT}` : path);

/** "path: what is wrong", in the locale when zod words it, else as written. */
export function issueText(issue: Issue, locale: string): string {
  let text = issue.zod && locale !== 'en' ? zodWording(issue.zod, locale) : undefined;
  // zod's zh-CN wording glosses some words in English ("键(key)"); the Chinese word is enough.
  if (text !== undefined && locale === 'zh-CN') text = text.replace(/\((key|value|null)\)/g, '').replace(ZH_TYPE_WORDS, (w) => ZH_TYPES[w]!);
  const where = issue.path === DOCUMENT_ROOT ? (ROOT_WORDS[locale] ?? issue.path) : issue.path;
  return `${where}: ${text ?? issue.message}`;
}
