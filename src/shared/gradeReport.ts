/**
 * The grade report (DESIGN.md §2, §5): what grading returns and what a submission carries.
 * Plain JSON; it crosses IPC and is stored in submission files, where it is never trusted.
 */
import type { Graph } from './graph';
import type { Scenario } from './scenario';
import { z } from 'zod';
import { CHECK_TYPES, LocalizedTextSchema } from './checks';
import { GradeMessageSchema } from './i18n/gradeTexts';

export const GRADE_LIMITS = { checksMax: 100, textChars: 20_000 } as const;

export const CheckResultSchema = z
  .object({
    /** The check's id in the lesson. */
    id: z.string().min(1).max(64),
    /** Which family the check belongs to. */
    type: z.enum(CHECK_TYPES),
    /** The check's title, or its id when it has none. */
    title: LocalizedTextSchema,
    /** True when the check holds. */
    passed: z.boolean(),
    /** Points earned: all of maxPoints when passed, else 0. */
    points: z.number().int().min(0),
    /** Points the check is worth. */
    maxPoints: z.number().int().min(0),
    /** What was measured: a metric value, a count, the student's quiz answer; null when nothing could be measured. */
    measured: z.union([z.number(), z.string().max(200), z.boolean(), z.null()]),
    /** The bound as text, e.g. "< 0.01" or "== 0"; null for checks without one. */
    bound: z.string().max(200).nullable(),
    /** Unit of measured and bound (metric checks), e.g. "ms" or "fraction". */
    unit: z.string().max(20).optional(),
    /** Window the metric was read over, resolved to run time (metric checks). */
    window: z.object({ fromMs: z.number(), toMs: z.number() }).strict().optional(),
    /** For a failed metric check: when the violation first shows, so the UI can seek there ("show me"). */
    firstViolationMs: z.number().min(0).optional(),
    /** Feedback with {measured} and {bound} filled; present when the check failed and the lesson gave feedback. */
    feedback: LocalizedTextSchema.optional(),
    /** The lesson's hint, shown after a failure. */
    hint: LocalizedTextSchema.optional(),
    /** Why the check could not be evaluated (unknown fault, no such node); the check counts as failed. */
    error: z.string().max(GRADE_LIMITS.textChars).optional(),
    /** `error` as keys of GRADE_TEXTS (one sentence each), so the app words it in the student's language; absent in older reports. */
    errorKeys: z.array(GradeMessageSchema).max(20).optional(),
  })
  .strict();
export type CheckResult = z.infer<typeof CheckResultSchema>;

/** A "predict before you run" question: graded for completion, compared with the graded run. */
export const PredictionResultSchema = z
  .object({
    /** The prediction's id in the lesson. */
    id: z.string().min(1).max(64),
    /** The question. */
    question: LocalizedTextSchema,
    /** The choice id the student picked; null when unanswered. */
    answer: z.string().max(64).nullable(),
    /** What the graded run measured (the prediction's metric over its window); null when nothing was. */
    measured: z.number().nullable(),
    /** Unit of measured. */
    unit: z.string().max(20).optional(),
    /** Whether the picked choice's range holds the measured value; null when it cannot be told. */
    isBorneOut: z.boolean().nullable(),
    /** Points earned: all of maxPoints when answered. */
    points: z.number().int().min(0),
    /** Points the prediction is worth. */
    maxPoints: z.number().int().min(0),
  })
  .strict();
export type PredictionResult = z.infer<typeof PredictionResultSchema>;

export const GradeReportSchema = z
  .object({
    /** The pack the lesson came from. */
    packId: z.string().min(1).max(64),
    /** That pack's own version. */
    packVersion: z.string().max(40),
    /** The lesson graded. */
    lessonId: z.string().min(1).max(64),
    /** The StateLab that graded it (part of a run's identity). */
    appVersion: z.string().max(40),
    /** The scenario seed of the graded run. */
    seed: z.number().int().min(0),
    /** Trace hash of the graded run: equal hashes, equal runs. */
    traceHash: z.string().max(200),
    /** Points earned. */
    score: z.number().int().min(0),
    /** Points available. */
    maxScore: z.number().int().min(0),
    /** One result per check, in the lesson's order. */
    checks: z.array(CheckResultSchema).max(GRADE_LIMITS.checksMax),
    /** Predictions, graded for completion; their points are in score and maxScore. */
    predictions: z.array(PredictionResultSchema).max(20).optional(),
    /** What grading changed before running, e.g. locked nodes restored to the lesson's settings. */
    notes: z.array(z.string().max(1000)).max(100).optional(),
    /** `notes` as keys of GRADE_TEXTS, one per note in the same order; absent in older reports (they show the English). */
    noteKeys: z.array(GradeMessageSchema).max(100).optional(),
  })
  .strict();
export type GradeReport = z.infer<typeof GradeReportSchema>;

/**
 * What a grade ran: the design as grading held it to the lesson's frame, and the scenario with its
 * seed. Running these again gives the report's trace hash, so the lab can show the graded run
 * after the student has edited their design ("Show me").
 */
export interface GradedRun {
  graph: Graph;
  scenario: Scenario;
}
