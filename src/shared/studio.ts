/**
 * The instructor studio's draft: a lesson pack as one plain document the main process holds while
 * an author edits it (src/main/packs/studioDraft.ts turns it into pack files, validates, saves and
 * exports it). Lessons are the pack's own lesson documents (LessonSchema, so a field added to the
 * lesson schema travels through the studio untouched), each with its starter and reference graphs
 * inline instead of as paths; the studio names the graph files when it writes the pack.
 */
import { z } from 'zod';
import { GraphSchema } from './graph';
import type { MetricUnit } from './metrics';
import type { CheckResult } from './gradeReport';
import { LESSON_FORMAT, LESSON_VERSION, LessonSchema, LocalizedTextSchema } from './lesson';
import { ownText, type PackMessage } from './i18n/packTexts';

export const STUDIO_LIMITS = {
  /** Lessons in one draft (the pack manifest's own bound). */
  lessonsMax: 100,
  /** Seeds one verification may grade each design on. */
  seedsMax: 50,
  /** Seeds by default: enough to see a flaky check, few enough to answer within seconds. */
  seedsDefault: 10,
  /** Draft packs kept in the data folder. */
  draftsMax: 200,
} as const;

/** A pack id: the manifest's rule (lower-case letters, digits and "-"). */
export const StudioPackIdSchema = z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, ownText('own.packId'));

export const StudioLessonSchema = z
  .object({
    /** The lesson document; its `starter`/`reference` paths are set by the studio when it writes the pack. */
    lesson: z.unknown(),
    /** The design the student starts from. */
    starter: GraphSchema,
    /** A design that passes every check. */
    reference: GraphSchema.optional(),
  })
  .strict();

export const StudioDraftSchema = z
  .object({
    /** The pack's id: its folder in the data folder's studio/ and its pack.json id. */
    id: StudioPackIdSchema,
    /** The pack's name. */
    title: LocalizedTextSchema,
    /** The pack's own version (semver). */
    packVersion: z.string().regex(/^\d+\.\d+\.\d+$/, ownText('own.version', { example: '1.0.0' })),
    /** Who wrote it. */
    authors: z.array(z.string().max(200)).max(50),
    /** Locales the texts are written in. */
    locales: z.array(z.string().max(16)).min(1).max(20),
    /** The lessons, in teaching order. */
    lessons: z.array(StudioLessonSchema).max(STUDIO_LIMITS.lessonsMax),
  })
  .strict();
export type StudioDraft = z.infer<typeof StudioDraftSchema>;
export type StudioLesson = z.infer<typeof StudioLessonSchema>;

/** Checks a draft lesson's document with the lesson schema (the studio fills the graph paths). */
export const parseDraftLesson = (raw: unknown) => LessonSchema.safeParse(raw);

/** A problem with a draft, as the pack validator words it: file, JSON path, the English message and its key (shown in the author's language). */
export interface StudioProblem {
  file: string;
  path: string;
  message: string;
  text: PackMessage;
}

/** A draft pack in the data folder's studio list. */
export interface StudioDraftInfo {
  id: string;
  title: z.infer<typeof LocalizedTextSchema>;
  lessons: number;
  /** The draft's file no longer loads (opening it says why): listed so the author knows it is there. */
  doesNotLoad?: true;
}

/** One design the live panel grades: the starter, the reference, or a common wrong answer (`wrong:<its id>`). */
export type VerifyDesign = 'starter' | 'reference' | `wrong:${string}`;
export const wrongDesign = (id: string): VerifyDesign => `wrong:${id}`;

/** One design's results on one check over the seeds. */
export interface VerifyCell {
  passed: number;
  total: number;
  /** One per seed, in seed order; null where nothing was measured or the check could not be evaluated. */
  measured: (number | string | boolean | null)[];
  /** Why the check could not be evaluated on some seed (a fault target the design lacks): the first reason, in English and as keys for the app's language. */
  error?: { text: string; keys?: CheckResult['errorKeys'] };
}

/** Per check, per design: how many seeds passed, and the measured values (one per seed, in seed order). */
export interface VerifyCheckRow {
  checkId: string;
  /** The metric's unit, for metric checks. */
  unit?: MetricUnit;
  /** The bound as the grade report stores it ("< 1%"), for the panel to word and to format measured values against, as the lesson panel does. */
  bound?: string;
  /** Design → passes, seeds graded, measured values, and why grading could not evaluate it. */
  designs: Partial<Record<VerifyDesign, VerifyCell>>;
  /** The starter passes on every seed: a point the student gets for nothing. */
  isFreePoint: boolean;
  /** The reference fails on some seed. */
  isFlaky: boolean;
  /** Wrong answers (ids) that pass this check on some seed though they must fail it. */
  wrongPasses: string[];
}

export interface VerifyResult {
  lessonId: string;
  seeds: number[];
  checks: VerifyCheckRow[];
  /** A design that could not be graded at all (a fault targeting a node it lacks is graded, not an error). */
  errors: { design: VerifyDesign; message: string }[];
  /** For a lesson with variants: starter and reference graded as sampled students get them (one run each, their own seed). */
  variants?: { students: { student: string; seed: number; values: Record<string, number> }[]; checks: VerifyCheckRow[] };
}

/** The seeds a verification grades on: the lesson's own seed first, then the next ones. */
export const verifySeeds = (seed: number, count: number): number[] => Array.from({ length: count }, (_, i) => (seed + i) % 2 ** 32);

/** The starting lesson document of "Add lesson": every required field, no faults or checks yet. */
/** A title typed in `locale` (the app's language) as a localized text: in that language's field, English left blank when it is another. */
export function titleIn(title: string, locale: string = 'en'): { en: string; [locale: string]: string } {
  return locale === 'en' ? { en: title } : { en: '', [locale]: title };
}

export function newLessonDocument(id: string, durationMs = 30_000): Record<string, unknown> {
  return {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id,
    title: { en: '' },
    objectives: { en: [] },
    steps: [],
    starter: 'graphs/starter.json',
    locked: [],
    scenario: { seed: 1, durationMs, faults: [] },
    checks: [],
  };
}
