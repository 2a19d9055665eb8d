import type { ZodError } from 'zod';

/** Keys that would reach an object's prototype chain if merged naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * Nesting bound for untrusted JSON. Check predicates are recursive (anyOf, allOf, not), and both
 * the parser's reviver and a schema walk a document recursively, so a hostile file nested
 * thousands deep could exhaust the stack; refusing it first turns that into an ordinary, named error.
 */
export const JSON_DEPTH_MAX = 64;

export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
  }
}

/** A document nested more than JSON_DEPTH_MAX levels; `path` is where (`checks[2].require.not`). */
export class JsonDepthError extends DocumentError {
  constructor(
    readonly path: string,
    what: string,
    readonly max: number,
  ) {
    super(`The ${what} is nested more than ${max} levels deep (at ${path}); no StateLab document is.`);
  }
}

/** Renders a JSON path the way pack authors read it: `nodes[2].props.workers`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out === '' ? String(part) : `.${String(part)}`;
  }
  return out === '' ? '(document root)' : out;
}

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
export function parseUntrustedJson(text: string, maxBytes: number, what = 'file', maxDepth = JSON_DEPTH_MAX): unknown {
  if (text.length > maxBytes) {
    throw new DocumentError(`The ${what} is too large (${text.length} bytes; the limit is ${maxBytes}).`);
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
    const reason = e instanceof Error ? e.message : String(e);
    throw new DocumentError(`The ${what} is not valid JSON (${reason}). It may be truncated or not a StateLab document.`);
  }
  if (forbidden !== undefined) {
    throw new DocumentError(`The ${what} contains the key "${forbidden}", which is not allowed in StateLab documents.`);
  }
  return value;
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
