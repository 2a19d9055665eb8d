/**
 * Turns a props schema from src/shared/nodeProps.ts into form fields, so every kind's form follows
 * its schema (ranges, defaults, enum options, descriptions) without a hand-written form per kind.
 * Units come from field-name suffixes (Ms, Rps, Rate, Ratio), as the house style names them.
 */
import type { z } from 'zod';
import { labelOf } from '../../../shared/i18n/settingWords';

export { labelOf };

interface FieldBase {
  /** Key inside its parent object. */
  key: string;
  /** Path from the props root. */
  path: string[];
  /** Human label derived from the key. */
  label: string;
  /** The schema's .describe() text. */
  description?: string;
  /** Unit shown beside the input. */
  unit?: string;
  /** The schema default, shown when the document leaves the field out. */
  defaultValue?: unknown;
}

export type Field =
  | (FieldBase & { type: 'number'; min?: number; max?: number; isInt: boolean })
  /** `optionLabels`: the options in the student's language (the values stay the schema's ids). */
  | (FieldBase & { type: 'enum'; options: readonly string[]; optionLabels?: Readonly<Record<string, string>> })
  | (FieldBase & { type: 'boolean' })
  | (FieldBase & { type: 'string'; maxLength?: number })
  /** A nested object; `numberMeans` names the child a bare number stands for (serviceTimeMs: 5 = mean 5). */
  | (FieldBase & { type: 'group'; fields: Field[]; numberMeans?: string })
  /** A map from ids to values (load-balancer weights per target); `item` describes one value. */
  | (FieldBase & { type: 'record'; item: Field })
  | (FieldBase & { type: 'unsupported' });

type AnySchema = z.ZodType & { _zod: { def: Record<string, unknown> & { type: string } }; description?: string };

const UNITS: [RegExp, string][] = [
  [/Ms$/, 'ms'],
  [/^rps$|Rps$/, 'req/s'],
  [/(Rate|Ratio)$/, '0–1'],
];

export function unitOf(key: string): string | undefined {
  return UNITS.find(([re]) => re.test(key))?.[1];
}

/** Options whose words alone read wrong (an abbreviation, a name, a hyphenated word). */
const OPTION_WORDS: Readonly<Record<string, string>> = {
  lru: 'LRU (least recently used)',
  zipf: 'Zipf',
  request: 'Per request',
  'long-lived': 'Long-lived',
  'semi-sync': 'Semi-sync',
  'partition-aware': 'Partition-aware',
  'backoff-jitter': 'Backoff with jitter',
};

/** An enum option as the English UI shows it: `signed-token` → "Signed token", `lru` → "LRU (least recently used)"; the id stays the value. */
export function optionLabelOf(option: string): string {
  if (Object.hasOwn(OPTION_WORDS, option)) return OPTION_WORDS[option]!;
  const words = option.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

function unwrap(schema: AnySchema): { inner: AnySchema; defaultValue?: unknown; description?: string } {
  let inner = schema;
  let defaultValue: unknown;
  let description = schema.description;
  for (;;) {
    const def = inner._zod.def;
    if (def.type === 'default') {
      defaultValue ??= def.defaultValue;
      inner = def.innerType as AnySchema;
    } else if (def.type === 'optional' || def.type === 'readonly') {
      inner = def.innerType as AnySchema;
    } else if (def.type === 'pipe') {
      inner = def.in as AnySchema;
    } else break;
    description ??= inner.description;
  }
  return { inner, defaultValue, description };
}

function fieldOf(key: string, schema: AnySchema, parent: string[]): Field {
  const { inner, defaultValue, description } = unwrap(schema);
  const base: FieldBase = { key, path: [...parent, key], label: labelOf(key), description, unit: unitOf(key), defaultValue };
  const def = inner._zod.def;
  switch (def.type) {
    case 'number': {
      const num = inner as unknown as z.ZodNumber;
      return { ...base, type: 'number', min: num.minValue ?? undefined, max: num.maxValue ?? undefined, isInt: num.isInt };
    }
    case 'enum':
      return { ...base, type: 'enum', options: (inner as unknown as z.ZodEnum).options as string[] };
    case 'boolean':
      return { ...base, type: 'boolean' };
    case 'string':
      return { ...base, type: 'string', maxLength: (inner as unknown as z.ZodString).maxLength ?? undefined };
    case 'object':
      return { ...base, type: 'group', fields: withDefaults(fieldsOf(inner, base.path), defaultValue) };
    case 'record':
      return { ...base, type: 'record', item: fieldOf('*', def.valueType as AnySchema, base.path) };
    case 'union': {
      // A number-or-object shorthand (serviceTimeMs): edit the object form, accept the number.
      const options = def.options as AnySchema[];
      const object = options.find((o) => o._zod.def.type === 'object');
      if (object && options.some((o) => o._zod.def.type === 'number')) {
        // The number the shorthand stands for is in the group's unit (serviceTimeMs: mean in ms).
        const fields = withDefaults(fieldsOf(object, base.path), defaultValue).map((f, i, all) => (f === all.find((g) => g.type === 'number') ? { ...f, unit: f.unit ?? base.unit } : f));
        return { ...base, type: 'group', fields, numberMeans: fields.find((f) => f.type === 'number')?.key };
      }
      return { ...base, type: 'unsupported' };
    }
    default:
      return { ...base, type: 'unsupported' };
  }
}

/** A group's default object supplies its children's defaults (serviceTimeMs's default mean is 5). */
function withDefaults(fields: Field[], parentDefault: unknown): Field[] {
  if (!parentDefault || typeof parentDefault !== 'object') return fields;
  return fields.map((f) => ({ ...f, defaultValue: f.defaultValue ?? (parentDefault as Record<string, unknown>)[f.key] }));
}

/** The fields of an object schema, in declaration order. */
export function fieldsOf(schema: z.ZodType, parent: string[] = []): Field[] {
  const { inner } = unwrap(schema as AnySchema);
  const shape = (inner as unknown as z.ZodObject).shape as Record<string, AnySchema>;
  return Object.entries(shape).map(([key, child]) => fieldOf(key, child, parent));
}

/** Reads the value at `path`, expanding a number shorthand on the way. */
export function valueAt(props: unknown, field: Pick<Field, 'path'>, shorthand?: Map<string, string>): unknown {
  let value: unknown = props;
  const walked: string[] = [];
  for (const key of field.path) {
    const means = shorthand?.get(walked.join('.'));
    if (typeof value === 'number' && means) value = { [means]: value };
    value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
    walked.push(key);
  }
  return value;
}

/** A copy of `props` with `value` at `path` (undefined removes it, so the default applies). */
export function withValue(props: Record<string, unknown>, path: readonly string[], value: unknown, numberMeans?: string): Record<string, unknown> {
  const [head, ...rest] = path as [string, ...string[]];
  const copy: Record<string, unknown> = { ...props };
  if (rest.length === 0) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  let child = copy[head];
  if (typeof child === 'number' && numberMeans) child = { [numberMeans]: child };
  copy[head] = withValue(child && typeof child === 'object' ? (child as Record<string, unknown>) : {}, rest, value);
  return copy;
}
