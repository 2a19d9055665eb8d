/**
 * The instructor layer of a lesson (issue 13 item 4): how long it takes, how hard it is, what it
 * builds on, which section of the course notes it teaches, a debrief shown after passing,
 * "predict before you run" questions and notes for instructors only. Every field is optional, so
 * a lesson without them still loads; a pack's validator asks for every locale the pack lists.
 */
import { z } from 'zod';
import { LocalizedTextSchema, WindowSchema } from './checks';
import { METRIC_NAMES, type MetricName } from './metrics';
import { ownIssue, ownText } from './i18n/packTexts';

export const DIFFICULTIES = ['beginner', 'intermediate', 'advanced'] as const;
export type Difficulty = (typeof DIFFICULTIES)[number];

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, ownText('own.id'));

/** The section of the course notes a lesson teaches: shown as the lesson's intro card. */
export const NotesSectionSchema = z
  .object({
    /** The section's number in the notes (1–99). */
    number: z.number().int().min(1).max(99),
    /** Its title, in our words. */
    title: LocalizedTextSchema,
    /** What the section says, in a few sentences of our own (Markdown). */
    summary: LocalizedTextSchema,
  })
  .strict();
export type NotesSection = z.infer<typeof NotesSectionSchema>;

/** A choice of a prediction; min/max (in the metric's unit) say which measurements it predicts. */
export const PredictionChoiceSchema = z
  .object({
    /** Stable id, unique in the prediction. */
    id,
    /** What the student picks. */
    text: LocalizedTextSchema,
    /** The run bears the prediction out when the measured value is at least this. */
    min: z.number().finite().optional(),
    /** … and below this. */
    max: z.number().finite().optional(),
  })
  .strict();

/**
 * "Predict before you run": answered before Run is enabled, graded for completion, and shown after
 * each run next to what the run measured (the metric over the window, as a metric check reads it).
 */
export const PredictionSchema = z
  .object({
    /** Stable id, unique among the lesson's checks and predictions; answers are recorded under it. */
    id,
    /** The question. */
    question: LocalizedTextSchema,
    /** Two to eight answers. */
    choices: z.array(PredictionChoiceSchema).min(2).max(8),
    /** What the run measured, to show next to the prediction. */
    measure: z
      .object({
        /** A metric of src/shared/metrics.ts. */
        metric: z.enum(METRIC_NAMES as [MetricName, ...MetricName[]]),
        /** Where in the run; the whole run when absent. */
        window: WindowSchema.optional(),
      })
      .strict(),
    /** Points for answering (whatever the answer): predictions are graded for completion. */
    points: z.number().int().min(0).max(100).default(1),
  })
  .strict()
  .superRefine((p, ctx) => {
    const seen = new Set<string>();
    p.choices.forEach((c, i) => {
      if (seen.has(c.id)) ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], ...ownIssue('own.duplicateChoice', { id: c.id }) });
      seen.add(c.id);
    });
  });
export type Prediction = z.infer<typeof PredictionSchema>;

/** The instructor layer's fields, spread into LessonSchema. */
export const instructorFields = {
  /** About how long a student needs, in minutes. */
  estimatedMinutes: z.number().int().min(1).max(600).optional(),
  /** How hard the lesson is. */
  difficulty: z.enum(DIFFICULTIES).optional(),
  /** Ids of lessons of the same pack to do first (the validator refuses unknown ids and circles). */
  prerequisites: z.array(id).max(20).default([]),
  /** The section of the course notes the lesson teaches (the intro card). */
  notesSection: NotesSectionSchema.optional(),
  /** Shown once every check has passed: what the student just saw, and why it matters (Markdown). */
  debrief: LocalizedTextSchema.optional(),
  /** Questions answered before the first run. */
  predictions: z.array(PredictionSchema).max(10).default([]),
  /** For instructors only: never sent to the student's app; printed by `pack:validate --notes`. */
  instructorNotes: LocalizedTextSchema.optional(),
};
