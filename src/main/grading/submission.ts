/**
 * Submissions: export a student's work, read one back from untrusted text, and re-grade it.
 * The grade inside a file is only a claim; re-grading re-runs the simulation and reports whether
 * the claim matched.
 */
import { gradeMessage, type GradeMessage } from '../../shared/i18n/gradeTexts';
import { errorMessage } from '../../shared/i18n/errorTexts';
import { loadDocument } from '../../shared/document';
import type { GradeReport } from '../../shared/gradeReport';
import type { Graph } from '../../shared/graph';
import { DocumentError, parseUntrustedJson } from '../../shared/json';
import type { Lesson, PackManifest } from '../../shared/lesson';
import { SUBMISSION_FORMAT, SUBMISSION_LIMITS, SUBMISSION_VERSION, submissionSpec, type Submission } from '../../shared/submission';
import { APP_VERSION } from '../../shared/version';
import type { SimEngine } from './engine';
import { gradeLesson } from './grade';
import { describeVariant, englishNote, lessonForStudent, variantMessage } from './variant';

export interface SubmissionInput {
  packId: string;
  packVersion: string;
  lesson: Lesson;
  graph: Graph;
  /** When the work is exported; passed in so this stays pure and testable. */
  savedAt: Date;
  student?: string;
  answers?: Record<string, string>;
  /** The last grade the app showed, if any. */
  grade?: GradeReport;
}

/** Builds the submission document; the caller writes it (JSON.stringify) wherever the user chose. */
export function createSubmission(input: SubmissionInput): Submission {
  // The student's own variant of the lesson (when it declares one): recorded, and re-derived on re-grading.
  const { lesson, variant } = lessonForStudent({ lesson: input.lesson }, input.student);
  const submission: Submission = {
    format: SUBMISSION_FORMAT,
    version: SUBMISSION_VERSION,
    packId: input.packId,
    packVersion: input.packVersion,
    lessonId: input.lesson.id,
    seed: lesson.scenario.seed,
    appVersion: APP_VERSION,
    savedAt: input.savedAt.toISOString(),
    graph: input.graph,
    answers: input.answers ?? {},
  };
  if (variant) submission.variant = variant;
  if (input.student !== undefined && input.student.trim() !== '') submission.student = input.student.trim();
  if (input.grade !== undefined) submission.grade = input.grade;
  return submission;
}

/**
 * Reads a submission from untrusted text; throws DocumentError naming the file (when given), the
 * JSON path and what was expected.
 */
export function loadSubmission(text: string, fileName?: string): Submission {
  const raw = parseUntrustedJson(text, SUBMISSION_LIMITS.bytes, fileName === undefined ? errorMessage('noun.submission') : errorMessage('noun.fileNamed', { name: fileName }));
  try {
    return loadDocument(raw, submissionSpec);
  } catch (error) {
    if (error instanceof DocumentError && fileName !== undefined) throw error.inFile(fileName);
    throw error;
  }
}

/** The parts of a loaded pack re-grading needs. */
export interface PackForGrading {
  manifest: PackManifest;
  lessons: readonly { lesson: Lesson; starter?: Graph }[];
}

export interface Regrade {
  /** The fresh grade: authoritative. */
  report: GradeReport;
  /** Whether the grade stored in the file agrees with the fresh one; null when it had none. */
  storedMatched: boolean | null;
  /** What differed between the stored and the fresh grade, one line each (English: the CSV and the CLI). */
  differences: string[];
  /** The same, as keys of GRADE_TEXTS (same order), for the reader's language. */
  differenceKeys: GradeMessage[];
  /** Things an instructor should know (another pack version, another seed, another app version), in English. */
  notes: string[];
  /** The same notes as keys of GRADE_TEXTS, for the reader's language. */
  noteKeys: GradeMessage[];
}

/** Compares a claimed grade with a fresh one: score and each check's pass/points. */
export function compareGrades(stored: GradeReport, fresh: GradeReport): string[] {
  return gradeDifferences(stored, fresh).map((d) => d.en);
}

/** Each difference in English (as the CSV has always written it) and as a key of GRADE_TEXTS. */
export function gradeDifferences(stored: GradeReport, fresh: GradeReport): { en: string; key: GradeMessage }[] {
  const out: { en: string; key: GradeMessage }[] = [];
  const outcome = (c: { passed: boolean; points: number }) => gradeMessage(c.passed ? 'regrade.diff.passed' : 'regrade.diff.failed', { count: c.points });
  if (stored.score !== fresh.score || stored.maxScore !== fresh.maxScore) {
    out.push({
      en: `score: the file says ${stored.score}/${stored.maxScore}, re-grading gives ${fresh.score}/${fresh.maxScore}`,
      key: gradeMessage('regrade.diff.score', { stored: `${stored.score}/${stored.maxScore}`, fresh: `${fresh.score}/${fresh.maxScore}` }),
    });
  }
  for (const check of fresh.checks) {
    const claim = stored.checks.find((c) => c.id === check.id);
    if (!claim) out.push({ en: `checks.${check.id}: missing from the file's grade`, key: gradeMessage('regrade.diff.missing', { check: check.id }) });
    else if (claim.passed !== check.passed || claim.points !== check.points) {
      out.push({
        en: `checks.${check.id}: the file says ${claim.passed ? 'passed' : 'failed'} (${claim.points} points), re-grading says ${check.passed ? 'passed' : 'failed'} (${check.points} points)`,
        key: gradeMessage('regrade.diff.check', { check: check.id, stored: outcome(claim), fresh: outcome(check) }),
      });
    }
  }
  for (const claim of stored.checks) if (!fresh.checks.some((c) => c.id === claim.id)) out.push({ en: `checks.${claim.id}: not a check of this lesson`, key: gradeMessage('regrade.diff.unknown', { check: claim.id }) });
  return out;
}

/**
 * Re-grades with the pack's lesson, never with anything from the file but the graph and quiz
 * answers: the lesson's own scenario and seed decide the run, so a hand-picked seed cannot help.
 */
export function regradeSubmission(submission: Submission, pack: PackForGrading, engine: SimEngine): Regrade {
  if (submission.packId !== pack.manifest.id) {
    throw new DocumentError(errorMessage('submission.otherPack', { pack: submission.packId, expected: pack.manifest.id }));
  }
  const listed = pack.lessons.find((l) => l.lesson.id === submission.lessonId);
  if (!listed) {
    const known = pack.lessons.map((l) => `"${l.lesson.id}"`).join(', ');
    throw new DocumentError(errorMessage('submission.unknownLesson', { pack: pack.manifest.id, lesson: submission.lessonId, known }));
  }
  // The variant comes from the student's name, never from the file's numbers: editing them cannot pick an easier one.
  const found = lessonForStudent(listed, submission.student);
  const noteKeys: GradeMessage[] = [];
  if (found.lesson.variants && !found.variant) noteKeys.push(gradeMessage('regrade.noStudent'));
  if (found.variant && submission.variant && describeVariant(found.variant) !== describeVariant(submission.variant)) {
    const parameters = found.lesson.variants?.parameters;
    noteKeys.push(gradeMessage('regrade.otherVariant', { recorded: variantMessage(submission.variant, parameters), graded: variantMessage(found.variant, parameters) }));
  }
  if (submission.packVersion !== pack.manifest.packVersion) noteKeys.push(gradeMessage('regrade.packVersion', { exported: submission.packVersion, graded: pack.manifest.packVersion }));
  if (submission.seed !== found.lesson.scenario.seed) noteKeys.push(gradeMessage(found.variant ? 'regrade.seedStudent' : 'regrade.seedLesson', { file: submission.seed, seed: found.lesson.scenario.seed }));
  if (submission.appVersion !== APP_VERSION) noteKeys.push(gradeMessage('regrade.appVersion', { exported: submission.appVersion, graded: APP_VERSION }));
  const notes = noteKeys.map((note) => englishNote(note, found.lesson.variants?.parameters));
  const { report } = gradeLesson(
    {
      packId: pack.manifest.id,
      packVersion: pack.manifest.packVersion,
      lesson: found.lesson,
      graph: submission.graph,
      answers: submission.answers,
      ...(found.starter ? { starter: found.starter } : {}),
    },
    engine,
  );
  if (submission.grade === undefined) return { report, storedMatched: null, differences: [], differenceKeys: [], notes, noteKeys };
  const differences = gradeDifferences(submission.grade, report);
  return { report, storedMatched: differences.length === 0, differences: differences.map((d) => d.en), differenceKeys: differences.map((d) => d.key), notes, noteKeys };
}
