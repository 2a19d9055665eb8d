import { z } from 'zod';
import type { DocumentSpec } from './document';
import { CHECK_LIMITS, CheckSchema, LocalizedTextSchema } from './checks';
import { GraphEdgeSchema, GraphNodeSchema, NODE_KINDS } from './graph';
import { instructorFields } from './instructor';
import { ScenarioSchema } from './scenario';
import { LessonVariantsSchema } from './variants';
import { NodeNamesSchema } from './nodeNames';
import { ownIssue, ownText } from './i18n/packTexts';

export { LocalizedTextSchema, type LocalizedText } from './checks';

/** Locales every built-in text is written in; `en` is the fallback. */
export const LOCALES = ['en', 'zh-CN'] as const;
export type Locale = (typeof LOCALES)[number];

/** A path inside the pack folder: relative, forward slashes, no way out of the pack. */
export const PackPathSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((p) => !p.startsWith('/') && !p.includes('\\') && !p.split('/').includes('..'), ownIssue('own.relativePath'));

export const LESSON_FORMAT = 'statelab.lesson';
/** 2: the instructor layer (estimatedMinutes … instructorNotes) and per-student variants. */
export const LESSON_VERSION = 2;

const refId = z.string().min(1).max(64);

/**
 * An edit of the starter graph as plain JSON (applied by applyGraphEdit in graphEdit.ts, in this
 * order): remove edges and nodes (a removed node takes its edges along), add nodes and edges, then
 * merge props into nodes (shallow: a nested object such as healthCheck replaces the old one).
 */
export const GraphEditSchema = z
  .object({
    removeEdges: z.array(refId).max(200).default([]),
    removeNodes: z.array(refId).max(100).default([]),
    addNodes: z.array(GraphNodeSchema).max(100).default([]),
    addEdges: z.array(GraphEdgeSchema).max(200).default([]),
    /** Node id → props to merge into that node's props. */
    setProps: z.record(refId, z.record(z.string(), z.unknown())).default({}),
  })
  .strict();
export type GraphEdit = z.infer<typeof GraphEditSchema>;

/** A common wrong answer: a named half-way design (an edit of the starter) and the checks it must fail. */
export const WrongAnswerSchema = z
  .object({
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ownText('own.id')),
    /** What the student tried, in the instructor's words. */
    name: LocalizedTextSchema,
    edit: GraphEditSchema,
    /** Checks it fails on every seed; it passes every other check (but those in mayFail). */
    fails: z.array(refId).min(1).max(CHECK_LIMITS.checksMax),
    /** Checks its price may trip on some seeds and not others; either is accepted. */
    mayFail: z.array(refId).max(CHECK_LIMITS.checksMax).default([]),
  })
  .strict();
export type WrongAnswer = z.infer<typeof WrongAnswerSchema>;

export const LessonSchema = z
  .object({
    /** Always "statelab.lesson". */
    format: z.literal(LESSON_FORMAT),
    /** Document version; older versions are migrated on load. */
    version: z.literal(LESSON_VERSION),
    /** Optional JSON Schema reference for editors' autocompletion. */
    $schema: z.string().max(500).optional(),
    /** Stable id, unique in the pack. */
    id: z.string().min(1).max(64).regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ownText('own.id')),
    /** The lesson's name. */
    title: LocalizedTextSchema,
    /** What the student should be able to do afterwards. */
    objectives: z.record(z.string(), z.array(z.string().max(2000)).max(20)).default({}),
    /** Instruction steps, Markdown (no raw HTML), one text per step. */
    steps: z.array(LocalizedTextSchema).max(50).default([]),
    /** Path of the starter graph inside the pack. */
    starter: PackPathSchema,
    /** Path of the reference solution inside the pack, if any. */
    reference: PackPathSchema.optional(),
    /** Node ids the student may not delete or edit; grading restores them to the starter's. */
    locked: z.array(z.string().max(64)).max(500).default([]),
    /** Node id → its top-level props the student may not change; grading restores them to the starter's. */
    lockedProps: z.record(refId, z.array(z.string().min(1).max(64)).min(1).max(50)).default({}),
    /** Node id → the node's name in each locale, shown while the student keeps it (src/shared/nodeNames.ts). */
    nodeNames: NodeNamesSchema.optional(),
    /** Node kinds the palette offers; all when absent. */
    palette: z.array(z.enum(NODE_KINDS)).optional(),
    /** The workload and fault schedule grading runs. */
    scenario: ScenarioSchema,
    /** Graded checks (grammar in src/shared/checks.ts). */
    checks: z.array(CheckSchema).max(CHECK_LIMITS.checksMax).default([]),
    /** Common wrong answers, so instructors can read them and pack:validate --run can prove the checks catch them. */
    wrongAnswers: z.array(WrongAnswerSchema).max(30).default([]),
    ...instructorFields,
    /** Parameter ranges each student gets their own values of (src/shared/variants.ts). */
    variants: LessonVariantsSchema.optional(),
  })
  .strict()
  .superRefine((lesson, ctx) => {
    // Quiz and prediction answers share one record in a submission: their ids must differ.
    const seen = new Set<string>();
    lesson.checks.forEach((check, i) => {
      if (seen.has(check.id)) ctx.addIssue({ code: 'custom', path: ['checks', i, 'id'], ...ownIssue('own.duplicateCheck', { id: check.id }) });
      seen.add(check.id);
    });
    const answers = new Set<string>();
    lesson.wrongAnswers.forEach((wrong, i) => {
      if (answers.has(wrong.id)) ctx.addIssue({ code: 'custom', path: ['wrongAnswers', i, 'id'], ...ownIssue('own.duplicateWrong', { id: wrong.id }) });
      answers.add(wrong.id);
      for (const field of ['fails', 'mayFail'] as const) {
        wrong[field].forEach((id, j) => {
          if (!seen.has(id)) ctx.addIssue({ code: 'custom', path: ['wrongAnswers', i, field, j], ...ownIssue('own.unknownCheck', { id, known: [...seen].join(', ') }) });
        });
      }
    });
    lesson.predictions.forEach((p, i) => {
      if (seen.has(p.id)) ctx.addIssue({ code: 'custom', path: ['predictions', i, 'id'], ...ownIssue('own.duplicatePrediction', { id: p.id }) });
      seen.add(p.id);
    });
  });
export type Lesson = z.infer<typeof LessonSchema>;

export const lessonSpec: DocumentSpec<Lesson> = {
  format: LESSON_FORMAT,
  version: LESSON_VERSION,
  migrations: [
    {
      from: 1,
      description: 'The instructor layer and variants: new optional fields; a version 1 lesson reads unchanged.',
      up: (doc) => doc,
    },
  ],
  schema: LessonSchema,
  noun: 'noun.lesson',
};

export const PACK_FORMAT = 'statelab.pack';
export const PACK_VERSION = 1;
/** The course pack the app ships: its folder under lessons/ and its pack.json id. */
export const BUILTIN_PACK_ID = 'stateless-vs-stateful';

export const PackManifestSchema = z
  .object({
    /** Always "statelab.pack". */
    format: z.literal(PACK_FORMAT),
    /** Document version of the manifest (not the pack's own version, see packVersion). */
    version: z.literal(PACK_VERSION),
    /** Optional JSON Schema reference for editors' autocompletion. */
    $schema: z.string().max(500).optional(),
    /** Stable id of the pack, e.g. "stateless-vs-stateful". */
    id: z.string().min(1).max(64).regex(/^[a-z0-9][a-z0-9-]*$/, ownText('own.packId')),
    /** The pack's name. */
    title: LocalizedTextSchema,
    /** The pack's own version (semver). */
    packVersion: z.string().regex(/^\d+\.\d+\.\d+$/, ownText('own.version', { example: '1.0.0' })),
    /** Who wrote it. */
    authors: z.array(z.string().max(200)).max(50).default([]),
    /** Locales the texts are written in. */
    locales: z.array(z.string().max(16)).min(1).max(20),
    /** The oldest StateLab that can run it. */
    minAppVersion: z.string().regex(/^\d+\.\d+\.\d+$/, ownText('own.version', { example: '0.1.0' })),
    /** Lesson files, in teaching order. */
    lessons: z.array(PackPathSchema).min(1, ownText('own.noLessons')).max(100),
  })
  .strict();
export type PackManifest = z.infer<typeof PackManifestSchema>;

export const packSpec: DocumentSpec<PackManifest> = {
  format: PACK_FORMAT,
  version: PACK_VERSION,
  migrations: [],
  schema: PackManifestSchema,
  noun: 'noun.packManifest',
};
