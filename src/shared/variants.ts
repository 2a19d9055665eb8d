/**
 * Per-student variants (issue 13 item 5): a lesson names a few numeric parameters, each a range
 * and the fields of its scenario or starter graph it sets. Each student's seed and values are
 * derived from their name by a stable hash (never Math.random), so the app, re-grading, bulk
 * grading and `pack:validate --run` all arrive at the same numbers for the same student.
 * Pure: imported by main and the renderer alike.
 */
import { fieldWords, graphKinds } from './i18n/fieldWords';
import { z } from 'zod';
import { LocalizedTextSchema } from './checks';
import type { Graph } from './graph';
import type { Scenario } from './scenario';
import { englishPackText, ownIssue, ownText, packMessage, type PackKey, type PackMessage } from './i18n/packTexts';

export const VARIANT_LIMITS = { parametersMax: 8, setsMax: 8, stepsMax: 100_000, pathChars: 200 } as const;

/** Units a parameter is shown in; "ms" shows as seconds. */
export const VARIANT_UNITS = ['ms', 'rps', 'count'] as const;
export type VariantUnit = (typeof VARIANT_UNITS)[number];

/**
 * A field a parameter sets: `scenario.<path>` or `starter.<path>`, where the path is names joined by
 * dots, `[n]` for an array index and `[id=x]` for the element whose id is x:
 * `scenario.faults[id=crash].atMs`, `starter.nodes[id=users].props.rps`. A starter path is applied
 * to the reference graph too, and must name a locked node (grading puts its value back).
 */
export const VariantPathSchema = z
  .string()
  .max(VARIANT_LIMITS.pathChars)
  .regex(
    /^(scenario|starter)(\.[A-Za-z_][A-Za-z0-9_]*|\[\d{1,4}\]|\[id=[A-Za-z0-9_.-]{1,64}\])+$/,
    'expected "scenario.<path>" or "starter.<path>", e.g. "scenario.faults[id=crash].atMs" or "starter.nodes[id=users].props.rps"',
  );

export const VariantParameterSchema = z
  .object({
    /** Stable id, unique in the lesson ("crashAtMs"). */
    id: z.string().min(1).max(64).regex(/^[A-Za-z][A-Za-z0-9_]*$/, ownText('own.variantId')),
    /** What the lesson panel calls it. */
    label: LocalizedTextSchema,
    /** Smallest value a student can get. */
    min: z.number().finite(),
    /** Largest value a student can get. */
    max: z.number().finite(),
    /** Values are min, min + step, … up to max. */
    step: z.number().finite().positive(),
    /** How the value is shown. */
    unit: z.enum(VARIANT_UNITS).optional(),
    /** The fields this value is written to. */
    sets: z.array(VariantPathSchema).min(1).max(VARIANT_LIMITS.setsMax),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.max < p.min) ctx.addIssue({ code: 'custom', path: ['max'], ...ownIssue('own.variantMaxBelowMin', { max: p.max, min: p.min }) });
    else if ((p.max - p.min) / p.step > VARIANT_LIMITS.stepsMax) ctx.addIssue({ code: 'custom', path: ['step'], ...ownIssue('own.variantSteps', { max: VARIANT_LIMITS.stepsMax }) });
  });
export type VariantParameter = z.infer<typeof VariantParameterSchema>;

export const LessonVariantsSchema = z
  .object({
    /** The parameters that differ between students; each student also gets their own seed. */
    parameters: z.array(VariantParameterSchema).min(1).max(VARIANT_LIMITS.parametersMax),
  })
  .strict()
  .superRefine((v, ctx) => {
    const seen = new Set<string>();
    v.parameters.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['parameters', i, 'id'], ...ownIssue('own.duplicateParameter', { id: p.id }) });
      seen.add(p.id);
    });
  });
export type LessonVariants = z.infer<typeof LessonVariantsSchema>;

/** One student's variant of a lesson, as a submission records it. */
export const StudentVariantSchema = z
  .object({
    /** The scenario seed derived for the student. */
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    /** Parameter id → value. */
    values: z.record(z.string().max(64), z.number().finite()),
  })
  .strict();
export type StudentVariant = z.infer<typeof StudentVariantSchema>;

/** How a name is compared: "  Wang  Lei " and "wang lei" are the same student. */
export const studentKey = (name: string): string => name.normalize('NFC').trim().replace(/\s+/g, ' ').toLowerCase();

/** FNV-1a over the UTF-16 code units, then murmur3's finaliser: stable across runtimes, well spread. */
export function stableHash32(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The values a parameter can take. */
export const parameterSteps = (p: VariantParameter): number => Math.floor((p.max - p.min) / p.step + 1e-9) + 1;
const valueAt = (p: VariantParameter, index: number): number => Number((p.min + index * p.step).toFixed(6));

/** The student's seed and values; undefined for a lesson without variants or a student without a name. */
export function deriveVariant(lessonId: string, variants: LessonVariants | undefined, student: string | undefined): StudentVariant | undefined {
  const key = studentKey(student ?? '');
  if (!variants || key === '') return undefined;
  const values: Record<string, number> = {};
  for (const p of variants.parameters) values[p.id] = valueAt(p, stableHash32(`${lessonId}\u0000${p.id}\u0000${key}`) % parameterSteps(p));
  // 1 … 2^31 - 1: any seed the scenario schema takes, never 0.
  return { seed: (stableHash32(`${lessonId}\u0000seed\u0000${key}`) % 0x7ffffffe) + 1, values };
}

/** The names `pack:validate --run` proves a lesson over: "student-1" … "student-n". */
export const sampleStudents = (count: number): string[] => Array.from({ length: count }, (_, i) => `student-${i + 1}`);

type Segment = { key: string } | { index: number } | { id: string };

/** "faults[id=crash].atMs" → segments; the root ("scenario" or "starter") separately. */
export function parseVariantPath(path: string): { root: 'scenario' | 'starter'; segments: Segment[] } {
  const root = path.startsWith('scenario') ? 'scenario' : 'starter';
  const segments: Segment[] = [];
  for (const match of path.slice(root.length).matchAll(/\.([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]|\[id=([^\]]+)\]/g)) {
    if (match[1] !== undefined) segments.push({ key: match[1] });
    else if (match[2] !== undefined) segments.push({ index: Number(match[2]) });
    else segments.push({ id: match[3] as string });
  }
  return { root, segments };
}

/**
 * Where a path leads in a document: the object holding the field and the field's name, or why it
 * does not resolve. Only an existing number can be set: a typo must not add a field nobody reads.
 */
export function resolveVariantPath(doc: unknown, path: string): { ok: true; holder: Record<string, unknown>; key: string } | { ok: false; error: string; text: PackMessage } {
  const fail = (key: Extract<PackKey, `variantPath.${string}`>, at: string) => {
    // The place in words ("Scenario › Fault “crash” › Time"): the problem's JSON path is beside the sentence.
    const text = packMessage(key, { at: fieldWords(at, graphKinds(doc)) });
    return { ok: false as const, error: englishPackText(text), text };
  };
  const { segments } = parseVariantPath(path);
  let here: unknown = doc;
  let walked = path.startsWith('scenario') ? 'scenario' : 'starter';
  for (const [i, segment] of segments.entries()) {
    const isLast = i === segments.length - 1;
    if ('key' in segment) {
      if (typeof here !== 'object' || here === null || Array.isArray(here)) return fail('variantPath.notObject', walked);
      if (isLast) {
        const value = (here as Record<string, unknown>)[segment.key];
        if (typeof value !== 'number') return fail(value === undefined ? 'variantPath.notSet' : 'variantPath.notNumber', `${walked}.${segment.key}`);
        return { ok: true, holder: here as Record<string, unknown>, key: segment.key };
      }
      here = Object.prototype.hasOwnProperty.call(here, segment.key) ? (here as Record<string, unknown>)[segment.key] : undefined;
      walked += `.${segment.key}`;
    } else {
      if (!Array.isArray(here)) return fail('variantPath.notList', walked);
      const found = 'index' in segment ? here[segment.index] : here.find((item: unknown) => (item as { id?: unknown } | null)?.id === segment.id);
      walked += 'index' in segment ? `[${segment.index}]` : `[id=${segment.id}]`;
      if (found === undefined) return fail('variantPath.missing', walked);
      if (isLast) return fail('variantPath.notNumberField', walked);
      here = found;
    }
    if (here === undefined) return fail('variantPath.missing', walked);
  }
  return fail('variantPath.noField', walked);
}

/** The node a starter path names (`starter.nodes[id=users]…`), if it names one by id. */
export function variantPathNode(path: string): string | undefined {
  const { root, segments } = parseVariantPath(path);
  const [first, second] = segments;
  return root === 'starter' && first && 'key' in first && first.key === 'nodes' && second && 'id' in second ? second.id : undefined;
}

const setAll = <T>(doc: T, root: 'scenario' | 'starter', variants: LessonVariants, values: Readonly<Record<string, number>>): T => {
  const copy = structuredClone(doc);
  for (const p of variants.parameters) {
    const value = values[p.id];
    if (value === undefined) continue;
    for (const path of p.sets) {
      if (parseVariantPath(path).root !== root) continue;
      const at = resolveVariantPath(copy, path);
      if (at.ok) at.holder[at.key] = value;
    }
  }
  return copy;
};

/** The lesson's scenario for a student: their seed, their values. */
export function variantScenario<S extends Scenario>(scenario: S, variants: LessonVariants | undefined, variant: StudentVariant | undefined): S {
  if (!variants || !variant) return scenario;
  return { ...setAll(scenario, 'scenario', variants, variant.values), seed: variant.seed };
}

/** A graph of the lesson (starter, reference, or the student's own work) with the student's values. */
export function variantGraph(graph: Graph, variants: LessonVariants | undefined, variant: StudentVariant | undefined): Graph {
  if (!variants || !variant) return graph;
  return setAll(graph, 'starter', variants, variant.values);
}

/** The numbers a student works a lesson with: the run's seed and each parameter's value. */
export interface LessonNumbers {
  seed: number;
  values: Record<string, number>;
}

/**
 * The numbers a name gives a lesson with variants: its variant's, or for no name the lesson's as
 * written (each parameter read where it sets its first field). Undefined without variants.
 */
export function lessonNumbers(lesson: { lessonId: string; variants?: LessonVariants | undefined; scenario: Scenario; starter: Graph }, student: string): LessonNumbers | undefined {
  if (!lesson.variants) return undefined;
  const variant = deriveVariant(lesson.lessonId, lesson.variants, student);
  if (variant) return { seed: variant.seed, values: { ...variant.values } };
  const values: Record<string, number> = {};
  for (const p of lesson.variants.parameters) {
    const path = p.sets[0];
    if (path === undefined) continue;
    const at = resolveVariantPath(parseVariantPath(path).root === 'scenario' ? lesson.scenario : lesson.starter, path);
    if (at.ok) values[p.id] = at.holder[at.key] as number;
  }
  return { seed: lesson.scenario.seed, values };
}

/** What changes between two sets of a lesson's numbers: each parameter whose value differs (in the lesson's order), and whether the seed does. */
export function numbersChanged(variants: LessonVariants, from: LessonNumbers, to: LessonNumbers): { parameters: { parameter: VariantParameter; from: number | undefined; to: number | undefined }[]; isSeedChanged: boolean } {
  const parameters = variants.parameters.filter((p) => from.values[p.id] !== to.values[p.id]).map((parameter) => ({ parameter, from: from.values[parameter.id], to: to.values[parameter.id] }));
  return { parameters, isSeedChanged: from.seed !== to.seed };
}
