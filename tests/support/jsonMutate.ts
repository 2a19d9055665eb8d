/**
 * Mutations of a valid JSON document, for fuzzing what opens untrusted files: delete, duplicate
 * or retype a field, copy one field's value over another (duplicate ids), point a reference at
 * nothing, huge strings, deep nesting, numbers JSON text can carry but code rarely expects
 * (1e999 → Infinity, -0, 1e308, 5e-324, and the invalid NaN), `__proto__`/`constructor`/
 * `prototype` keys, and text-level damage (truncation, a garbled character).
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** Raw JSON text a sentinel string stands for (JSON.stringify cannot write these). */
const RAW_NUMBERS = ['1e999', '-1e999', 'NaN', '-0', '1e308', '-1e308', '5e-324', '9007199254740993'] as const;
const PROTO_KEYS = ['__proto__', 'constructor', 'prototype'] as const;
const sentinel = (raw: string) => `\u0001RAW:${raw}\u0001`;

export type Mutation =
  | { op: 'delete'; at: number }
  | { op: 'duplicate'; at: number }
  | { op: 'retype'; at: number; value: Json }
  | { op: 'copy'; at: number; from: number }
  | { op: 'dangling'; at: number }
  | { op: 'huge'; at: number; chars: number }
  | { op: 'deep'; at: number; depth: number }
  | { op: 'number'; at: number; raw: (typeof RAW_NUMBERS)[number] }
  | { op: 'protoKey'; at: number; key: (typeof PROTO_KEYS)[number] }
  | { op: 'nudge'; at: number; to: number | 'double' | 'plusOne' }
  | { op: 'swap'; at: number; from: number };

export type TextDamage = { op: 'truncate'; at: number } | { op: 'garble'; at: number; char: string } | { op: 'none' };

export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('delete' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('retype' as const), at: fc.nat(), value: fc.constantFrom<Json>('x', '', 0, -1, 1.5, true, false, null, [], {}, [1, 'a'], { a: 1 }) }),
  fc.record({ op: fc.constant('copy' as const), at: fc.nat(), from: fc.nat() }),
  fc.record({ op: fc.constant('dangling' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('huge' as const), at: fc.nat(), chars: fc.constantFrom(65, 201, 10_000, 300_000) }),
  fc.record({ op: fc.constant('deep' as const), at: fc.nat(), depth: fc.constantFrom(10, 63, 65, 500, 1500) }),
  fc.record({ op: fc.constant('number' as const), at: fc.nat(), raw: fc.constantFrom(...RAW_NUMBERS) }),
  fc.record({ op: fc.constant('protoKey' as const), at: fc.nat(), key: fc.constantFrom(...PROTO_KEYS) }),
  // Changes that often stay valid, so what a validator lets through gets used: another number, another string of the same document.
  fc.record({ op: fc.constant('nudge' as const), at: fc.nat(), to: fc.constantFrom<number | 'double' | 'plusOne'>(0, 1, -1, 0.5, 1e-9, 1e6, 3_600_000, 'double', 'plusOne') }),
  fc.record({ op: fc.constant('swap' as const), at: fc.nat(), from: fc.nat() }),
);

export const textDamageArb: fc.Arbitrary<TextDamage> = fc.oneof(
  { arbitrary: fc.constant({ op: 'none' as const }), weight: 6 },
  { arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }), weight: 1 },
  { arbitrary: fc.record({ op: fc.constant('garble' as const), at: fc.nat(), char: fc.constantFrom('"', '{', ']', ',', '\\', '\u0000', '\ud800', 'é') }), weight: 1 },
);

/** Every path in the document (the root included), depth first. */
function pathsOf(value: Json, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(value)) value.forEach((v, i) => pathsOf(v, [...at, i], out));
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) pathsOf(v, [...at, k], out);
  return out;
}

function get(doc: Json, path: Path): Json {
  let v: Json = doc;
  for (const p of path) v = (v as Record<string | number, Json>)[p]!;
  return v;
}

/** Sets (or, with `value` undefined, deletes) the value at a non-root path. */
function set(doc: Json, path: Path, value: Json | undefined): void {
  const parent = get(doc, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key as string];
  } else (parent as Record<string | number, Json>)[key] = value;
}

function nest(value: Json, depth: number): Json {
  let v = value;
  for (let i = 0; i < depth; i++) v = i % 2 === 0 ? [v] : { a: v };
  return v;
}

/** Applies the mutations to a copy of `doc` and returns the JSON text, with text damage last. */
export function mutateJson(doc: unknown, mutations: readonly Mutation[], damage: TextDamage = { op: 'none' }): string {
  const copy = JSON.parse(JSON.stringify(doc)) as Json;
  for (const m of mutations) {
    const paths = pathsOf(copy).filter((p) => p.length > 0);
    if (paths.length === 0) break;
    const path = paths[m.at % paths.length]!;
    const current = get(copy, path);
    switch (m.op) {
      case 'delete':
        set(copy, path, undefined);
        break;
      case 'duplicate': {
        const parent = get(copy, path.slice(0, -1));
        if (Array.isArray(parent)) parent.push(JSON.parse(JSON.stringify(current)) as Json);
        else set(copy, [...path.slice(0, -1), `${String(path.at(-1))}_copy`], current);
        break;
      }
      case 'retype':
        set(copy, path, m.value);
        break;
      case 'copy':
        set(copy, path, JSON.parse(JSON.stringify(get(copy, paths[m.from % paths.length]!))) as Json);
        break;
      case 'dangling':
        set(copy, path, typeof current === 'string' ? 'ghost-node' : current);
        break;
      case 'huge':
        set(copy, path, 'x'.repeat(m.chars));
        break;
      case 'deep':
        set(copy, path, nest(current, m.depth));
        break;
      case 'number':
        set(copy, path, sentinel(m.raw));
        break;
      case 'nudge': {
        const numbers = paths.filter((p) => typeof get(copy, p) === 'number');
        if (numbers.length === 0) break;
        const at = numbers[m.at % numbers.length]!;
        const n = get(copy, at) as number;
        set(copy, at, m.to === 'double' ? n * 2 : m.to === 'plusOne' ? n + 1 : m.to);
        break;
      }
      case 'swap': {
        const strings = paths.filter((p) => typeof get(copy, p) === 'string');
        if (strings.length === 0) break;
        set(copy, strings[m.at % strings.length]!, get(copy, strings[m.from % strings.length]!));
        break;
      }
      case 'protoKey': {
        const target = current !== null && typeof current === 'object' && !Array.isArray(current) ? path : path.slice(0, -1);
        const obj = get(copy, target);
        if (obj !== null && typeof obj === 'object' && !Array.isArray(obj)) obj[`\u0001KEY:${m.key}\u0001`] = { polluted: true };
        break;
      }
    }
  }
  let text = JSON.stringify(copy, null, 1)
    .replace(/"\\u0001RAW:([^\\]*)\\u0001"/g, '$1')
    .replace(/"\\u0001KEY:(\w+)\\u0001"/g, '"$1"');
  if (damage.op === 'truncate') text = text.slice(0, damage.at % Math.max(1, text.length));
  else if (damage.op === 'garble') {
    const at = damage.at % Math.max(1, text.length);
    text = text.slice(0, at) + damage.char + text.slice(at + 1);
  }
  return text;
}
