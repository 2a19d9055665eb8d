/**
 * fast-check arbitraries derived from our zod schemas, so the fuzz tests read ranges, enums and
 * defaults from the one table that declares them (nodeProps.ts, faults.ts, noise.ts, graph.ts)
 * instead of copying numbers. Covers the zod features those schemas use: object (strict),
 * number (min/max/int), enum, boolean, string (max), literal, array (max), record/partialRecord,
 * union, default, optional and pipe (a transform: values are drawn for its input side).
 *
 * Numbers lean on their edges: min, max, 0, the smallest positive double, tiny fractions just
 * inside a bound, and a log-uniform spread between, because bugs live at the ends of a range.
 */
import fc from 'fast-check';
import { z } from 'zod';

export interface ZodArbOptions {
  /** Keys a record (e.g. a balancer's weights) should mostly use: the graph's node ids. */
  recordKeys?: readonly string[];
  /** Largest array length drawn (beside the schema's own max). */
  maxArray?: number;
  /** Strings drawn for an unbounded string/record key when no recordKeys are given. */
  maxString?: number;
  /** Arbitraries to use for particular schemas wherever they appear (e.g. GraphSchema → graphArb). */
  overrides?: ReadonlyMap<unknown, fc.Arbitrary<unknown>>;
}

type AnySchema = z.core.$ZodType;

const defOf = (s: AnySchema): { type: string; [k: string]: unknown } => (s as unknown as { _zod: { def: { type: string } } })._zod.def;

/** Edge values of [min, max] (int or not), each inside the range. */
export function edgeNumbers(min: number, max: number, isInt: boolean): number[] {
  const out = new Set<number>([min, max]);
  if (min <= 0 && max >= 0) out.add(0);
  if (isInt) {
    out.add(Math.min(max, min + 1));
    out.add(Math.max(min, max - 1));
  } else {
    for (const v of [min + Number.MIN_VALUE, min + 1e-9, min + 0.5, max - 1e-9, Number.MIN_VALUE, 1e-6, 0.001, 0.5]) if (v >= min && v <= max) out.add(v);
  }
  return [...out];
}

/** A log-uniform-ish spread over [min, max]: small values are as likely as large ones. */
function spread(min: number, max: number, isInt: boolean): fc.Arbitrary<number> {
  const lo = Math.max(min, 0);
  if (max <= 0 || max - lo < 2) return isInt ? fc.integer({ min: Math.ceil(min), max: Math.floor(max) }) : fc.double({ min, max, noNaN: true });
  const bits = fc.double({ min: 0, max: Math.log10(max - lo + 1), noNaN: true }).map((e) => Math.min(max, lo + 10 ** e - 1));
  return isInt ? bits.map((v) => Math.min(max, Math.max(min, Math.round(v)))) : bits;
}

export function numberArb(min: number, max: number, isInt: boolean): fc.Arbitrary<number> {
  return fc.oneof({ arbitrary: fc.constantFrom(...edgeNumbers(min, max, isInt)), weight: 2 }, { arbitrary: spread(min, max, isInt), weight: 3 });
}

/** Whether an object key may be left out: it has a default or is optional. */
function isOmittable(s: AnySchema): boolean {
  const t = defOf(s).type;
  return t === 'default' || t === 'optional';
}

/** An arbitrary of values `schema` should accept (inputs, before defaults and transforms). */
export function arbFromZod(schema: AnySchema, opts: ZodArbOptions = {}): fc.Arbitrary<unknown> {
  const override = opts.overrides?.get(schema);
  if (override !== undefined) return override;
  const def = defOf(schema);
  const s = schema as unknown as Record<string, unknown>;
  switch (def.type) {
    case 'number': {
      const min = Number.isFinite(s.minValue) ? (s.minValue as number) : -1e6;
      const max = Number.isFinite(s.maxValue) ? (s.maxValue as number) : 1e9;
      return numberArb(min, max, s.isInt === true);
    }
    case 'boolean':
      return fc.boolean();
    case 'string': {
      const max = typeof s.maxLength === 'number' ? s.maxLength : (opts.maxString ?? 20);
      const min = typeof s.minLength === 'number' ? s.minLength : 0;
      // At the bound too, unless the bound is a size limit (megabytes of text would only slow the run).
      const short = fc.string({ minLength: min, maxLength: Math.max(min, Math.min(max, 12)) });
      return max <= 1000 ? fc.oneof(short, fc.string({ minLength: max, maxLength: max })) : short;
    }
    case 'enum':
      return fc.constantFrom(...Object.values(def.entries as Record<string, string>));
    case 'literal':
      return fc.constantFrom(...(def.values as unknown[]));
    case 'default':
    case 'optional':
      return arbFromZod(def.innerType as AnySchema, opts);
    case 'pipe':
      return arbFromZod(def.in as AnySchema, opts);
    case 'union':
      return fc.oneof(...(def.options as AnySchema[]).map((o) => arbFromZod(o, opts)));
    case 'array': {
      const maxCheck = ((def.checks as { _zod: { def: { check: string; maximum?: number } } }[] | undefined) ?? []).find((c) => c._zod.def.check === 'max_length');
      const max = Math.min(maxCheck?._zod.def.maximum ?? Infinity, opts.maxArray ?? 4);
      return fc.array(arbFromZod(def.element as AnySchema, opts), { maxLength: max });
    }
    case 'record': {
      const keyDef = defOf(def.keyType as AnySchema);
      const keyArb = keyDef.type === 'enum' ? arbFromZod(def.keyType as AnySchema, opts) : opts.recordKeys && opts.recordKeys.length > 0 ? fc.oneof(fc.constantFrom(...opts.recordKeys), fc.string({ maxLength: 8 })) : fc.string({ maxLength: 8 });
      return fc.dictionary(keyArb as fc.Arbitrary<string>, arbFromZod(def.valueType as AnySchema, opts), { maxKeys: opts.maxArray ?? 4 });
    }
    case 'object': {
      const shape = def.shape as Record<string, AnySchema>;
      const keys = Object.keys(shape);
      const model = Object.fromEntries(keys.map((k) => [k, arbFromZod(shape[k]!, opts)]));
      return fc.record(model, { requiredKeys: keys.filter((k) => !isOmittable(shape[k]!)) });
    }
    default:
      throw new Error(`arbFromZod: no arbitrary for zod type "${def.type}"`);
  }
}
