/**
 * The submission document (DESIGN.md §2): a student's work on one lesson, exported for an
 * instructor. The grade it carries is a claim, never trusted: re-grading re-runs the simulation.
 */
import { z } from 'zod';
import type { DocumentSpec } from './document';
import { GraphSchema } from './graph';
import { GradeReportSchema } from './gradeReport';
import { StudentVariantSchema } from './variants';

export const SUBMISSION_FORMAT = 'statelab.submission';
/**
 * 2: `variant`, the student's own values of a lesson that declares variants.
 * 3: the grade's notes and check errors may carry keys (`noteKeys`, `errorKeys`) for the student's language.
 */
export const SUBMISSION_VERSION = 3;

/** Bounds for untrusted submission files: a graph plus a report, far below this. */
export const SUBMISSION_LIMITS = { bytes: 6_000_000, studentChars: 200, answersMax: 100 } as const;

export const SubmissionSchema = z
  .object({
    /** Always "statelab.submission". */
    format: z.literal(SUBMISSION_FORMAT),
    /** Document version; older versions are migrated on load. */
    version: z.literal(SUBMISSION_VERSION),
    /** Optional JSON Schema reference for editors' autocompletion. */
    $schema: z.string().max(500).optional(),
    /** The pack the lesson belongs to. */
    packId: z.string().min(1).max(64),
    /** That pack's own version when the work was exported. */
    packVersion: z.string().max(40),
    /** The lesson the work answers. */
    lessonId: z.string().min(1).max(64),
    /** The scenario seed the student ran with. */
    seed: z.number().int().min(0).max(2 ** 32 - 1),
    /** The StateLab that exported it. */
    appVersion: z.string().max(40),
    /** When it was exported (ISO 8601). */
    savedAt: z.iso.datetime({ offset: true }),
    /** The student's name, if they gave one. */
    student: z.string().max(SUBMISSION_LIMITS.studentChars).optional(),
    /** The student's design. */
    graph: GraphSchema,
    /** The student's variant (seed and parameter values) when the lesson declares variants; re-grading derives it again from the name. */
    variant: StudentVariantSchema.optional(),
    /** Quiz and prediction answers: check or prediction id → choice id. */
    answers: z.record(z.string().max(64), z.string().max(64)).default({}),
    /** The last grade the app showed; informative only. */
    grade: GradeReportSchema.optional(),
  })
  .strict()
  .refine((s) => Object.keys(s.answers).length <= SUBMISSION_LIMITS.answersMax, {
    message: `expected at most ${SUBMISSION_LIMITS.answersMax} answers`,
    path: ['answers'],
  });
export type Submission = z.infer<typeof SubmissionSchema>;

export const submissionSpec: DocumentSpec<Submission> = {
  format: SUBMISSION_FORMAT,
  version: SUBMISSION_VERSION,
  migrations: [
    { from: 1, description: 'Adds the optional variant; a version 1 submission reads unchanged.', up: (doc) => doc },
    { from: 2, description: "Adds the optional keys of the grade's notes and check errors; a version 2 submission reads unchanged (its English text is shown).", up: (doc) => doc },
  ],
  schema: SubmissionSchema,
  noun: 'noun.submission',
};
