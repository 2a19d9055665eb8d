import type { ZodError } from 'zod';

/** Keys that would reach an object's prototype chain if merged naively. */
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export class DocumentError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DocumentError';
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
export function parseUntrustedJson(text: string, maxBytes: number, what = 'file'): unknown {
  if (text.length > maxBytes) {
    throw new DocumentError(`The ${what} is too large (${text.length} bytes; the limit is ${maxBytes}).`);
  }
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
