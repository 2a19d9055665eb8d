import type { ZodError } from 'zod';
import { englishError, errorMessage, type ErrorMessage } from './i18n/errorTexts';
import { formatPath, issuesOf, type Issue } from './i18n/issues';

/** Keys that would reach an object's prototype chain if merged naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Nesting bound for untrusted JSON. Check predicates are recursive (anyOf, allOf, not), and both
 * the parser's reviver and a schema walk a document recursively, so a hostile file nested
 * thousands deep could exhaust the stack; refusing it first turns that into an ordinary, named error.
 */
export const JSON_DEPTH_MAX = 64;

/**
 * The input is at fault (a bad document, a file over its limit), not the app. It carries its
 * sentence as a key of ERROR_TEXTS with parameters, and the document's schema problems as data,
 * so the renderer can show both in the student's language; `message` is the English.
 */
export class DocumentError extends Error {
  constructor(
    readonly text: ErrorMessage,
    readonly issues: readonly Issue[] = [],
  ) {
    super(englishError(text, issues));
    this.name = 'DocumentError';
  }

  /** The same problem, said of a file: "x.json: …". */
  inFile(file: string): DocumentError {
    return new DocumentError(errorMessage('at.file', { file, detail: this.text }), this.issues);
  }
}

/** A document nested more than JSON_DEPTH_MAX levels; `path` is where (`checks[2].require.not`). */
export class JsonDepthError extends DocumentError {
  constructor(
    readonly path: string,
    what: ErrorMessage,
    readonly max: number,
  ) {
    super(errorMessage('document.tooDeep', { what, max, path }));
  }
}

export { formatPath } from './i18n/issues';

/** A failed parse's problems, each with its path (`prefix` before it), as data for DocumentError. */
export const zodIssues = (error: ZodError, prefix: readonly PropertyKey[] = []): Issue[] => issuesOf(error, prefix);

/** One line per problem, each naming where it is and what was expected. */
export function formatZodError(error: ZodError, prefix = ''): string {
  return error.issues
    .map((issue) => {
      const where = formatPath([...(prefix ? [prefix] : []), ...issue.path]);
      return `${where}: ${issue.message}`;
    })
    .join('\n');
}

/**
 * Parses untrusted JSON text: bounded in size, and refusing prototype-polluting keys
 * wherever they appear, so nothing downstream can be tricked through `__proto__`.
 */
export function parseUntrustedJson(text: string, maxBytes: number, what: ErrorMessage = errorMessage('noun.file'), maxDepth = JSON_DEPTH_MAX): unknown {
  if (text.length > maxBytes) {
    throw new DocumentError(errorMessage('size.documentBytes', { what, bytes: text.length, limit: maxBytes }));
  }
  const deep = tooDeepText(text, maxDepth);
  if (deep !== undefined) throw new JsonDepthError(deep, what, maxDepth);
  let forbidden: string | undefined;
  let value: unknown;
  try {
    value = JSON.parse(text, function reviver(key, v: unknown) {
      if (FORBIDDEN_KEYS.has(key) && forbidden === undefined) forbidden = key;
      return v;
    });
  } catch (e) {
    const at = lineAndColumn(text, e instanceof Error ? e.message : String(e));
    throw new DocumentError(at ? errorMessage('document.notJsonAt', { what, ...at }) : errorMessage('document.notJson', { what }));
  }
  if (forbidden !== undefined) {
    throw new DocumentError(errorMessage('document.forbiddenKey', { what, key: forbidden }));
  }
  return value;
}

/** Where JSON.parse stopped, as a line and column from 1: from its message when it says, else found by scanning. */
function lineAndColumn(text: string, reason: string): { line: number; column: number } | undefined {
  const at = /line (\d+) column (\d+)/.exec(reason);
  if (at) return { line: Number(at[1]), column: Number(at[2]) };
  const position = /position (\d+)/.exec(reason);
  const offset = position ? Number(position[1]) : firstJsonErrorAt(text);
  if (offset === undefined) return undefined;
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
}

/**
 * The offset of the first character that is not valid JSON, or undefined. Node 20's parser does
 * not always say where it stopped; this small reader does (depth is already bounded by tooDeepText).
 */
export function firstJsonErrorAt(text: string): number | undefined {
  let i = 0;
  const space = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw i;
  };
  const literal = (word: string) => (text.startsWith(word, i) ? void (i += word.length) : fail());
  const string = () => {
    i++;
    while (i < text.length && text[i] !== '"') {
      if (text.charCodeAt(i) < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 4;
        } else if (!'"\\/bfnrt'.includes(text[i] ?? 'x')) fail();
      }
      i++;
    }
    if (i >= text.length) fail();
    i++;
  };
  const value = (): void => {
    space();
    const c = text[i];
    if (c === '{' || c === '[') {
      const close = c === '{' ? '}' : ']';
      i++;
      space();
      if (text[i] === close) return void i++;
      for (;;) {
        if (c === '{') {
          space();
          if (text[i] !== '"') fail();
          string();
          space();
          if (text[i] !== ':') fail();
          i++;
        }
        value();
        space();
        if (text[i] === ',') i++;
        else if (text[i] === close) return void i++;
        else fail();
      }
    }
    if (c === '"') return string();
    if (c === 't') return literal('true');
    if (c === 'f') return literal('false');
    if (c === 'n') return literal('null');
    const number = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
    if (!number) fail();
    i += number![0].length;
  };
  try {
    value();
    space();
    return i < text.length ? i : undefined;
  } catch (at) {
    return typeof at === 'number' ? at : undefined;
  }
}

/**
 * The JSON path of the first object or array nested more than `max` levels deep in JSON text, or
 * undefined. It reads the text without building anything and without recursion, so it runs before
 * the parser; text that is not JSON at all is left for the parser to report.
 */
export function tooDeepText(text: string, max = JSON_DEPTH_MAX): string | undefined {
  const open: { isArray: boolean; index: number; key?: string }[] = [];
  let lastString: [number, number] | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      lastString = [i, j + 1];
      i = j;
      continue;
    }
    const top = open[open.length - 1];
    if (c === 0x3a /* : */ && top && !top.isArray && lastString) top.key = decodeKey(text.slice(...lastString));
    else if (c === 0x2c /* , */ && top?.isArray) top.index++;
    else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (open.length >= max) return formatPath(open.map((f) => (f.isArray ? f.index : (f.key ?? '?'))));
      open.push({ isArray: c === 0x5b, index: 0 });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) open.pop();
  }
  return undefined;
}

function decodeKey(quoted: string): string {
  try {
    return String(JSON.parse(quoted));
  } catch {
    return quoted.slice(1, -1);
  }
}
