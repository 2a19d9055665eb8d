/**
 * Bulk grading's pure half: one submission text → one row, rows → CSV. A malformed file becomes a
 * row carrying its error, so one bad file never stops a class's grading.
 */
import { GRADE_CSV_COLUMNS } from '../../shared/classResults';
import type { ErrorMessage } from '../../shared/i18n/errorTexts';
import type { Issue } from '../../shared/i18n/issues';
import { isMessage } from '../../shared/i18n/messages';
import type { Submission } from '../../shared/submission';
import type { SimEngine } from './engine';
import { SCENARIO_MISS_KEYS } from './grade';
import { loadSubmission, regradeSubmission, type PackForGrading } from './submission';

export interface GradeRow {
  /** The submission file, as given. */
  file: string;
  /** The student's name from the file ("" when absent or unreadable). */
  student: string;
  /** The lesson the submission answers ("" when unreadable). */
  lessonId: string;
  /** Points earned on re-grading; null when the file could not be graded. */
  score: number | null;
  /** Points available; null when the file could not be graded. */
  maxScore: number | null;
  /** Whether the grade stored in the file matched the re-grade; null when it had none. */
  storedMatched: boolean | null;
  /** Points earned per check id. */
  checks: Record<string, number>;
  /** Why the file could not be graded. */
  error?: string;
  /** The same, as a key of ERROR_TEXTS (with a document's schema problems), so the app words it in its language; absent for an error without a key. */
  errorText?: { text: ErrorMessage; issues?: readonly Issue[] };
  /**
   * What re-grading noticed about the file (another student's variant or seed, another pack or app
   * version: regradeSubmission's notes), then what grading changed before running (the lesson's
   * frame, see frame.ts), one sentence each.
   */
  notes: string[];
}

const oneLine = (text: string) => text.replace(/\s*\n\s*/g, '; ');

export function gradeSubmissionText(file: string, text: string, pack: PackForGrading, engine: SimEngine): GradeRow {
  let submission: Submission | undefined;
  try {
    submission = loadSubmission(text, file);
    const { report, storedMatched, notes } = regradeSubmission(submission, pack, engine);
    return {
      file,
      student: submission.student ?? '',
      lessonId: submission.lessonId,
      score: report.score,
      maxScore: report.maxScore,
      storedMatched,
      checks: Object.fromEntries(report.checks.map((c) => [c.id, c.points])),
      // A file carrying another student's numbers is graded with the student's own: the instructor is told so.
      // Why the run-based checks all failed when the lesson's faults could not meet the design (grade.ts), once.
      notes: [...notes, ...(report.notes ?? []), ...new Set(report.checks.filter((c) => c.errorKeys?.some((k) => SCENARIO_MISS_KEYS.has(k.key))).map((c) => c.error ?? ''))],
    };
  } catch (error) {
    return { ...errorRow(file, error), student: submission?.student ?? '', lessonId: submission?.lessonId ?? '' };
  }
}

/** The row of a file that could not be graded. */
export function errorRow(file: string, error: unknown): GradeRow {
  const message = error instanceof Error ? error.message : String(error);
  const keyed = error instanceof Error && isMessage((error as { text?: unknown }).text) ? (error as unknown as { text: ErrorMessage; issues?: readonly Issue[] }) : undefined;
  const errorText = keyed ? { text: keyed.text, ...(keyed.issues?.length ? { issues: keyed.issues } : {}) } : undefined;
  return { file, student: '', lessonId: '', score: null, maxScore: null, storedMatched: null, checks: {}, error: oneLine(message), ...(errorText ? { errorText } : {}), notes: [] };
}

/** A spreadsheet would run a cell starting with one of these as a formula; student names are untrusted. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: string | number | null): string {
  if (value === null) return '';
  if (typeof value === 'number') return String(value);
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/**
 * One row per submission; "notes" says what grading put back before running (sentences joined by
 * a space); one column per check of the pack ("lesson/check"), blank for other lessons' checks (of
 * each pack given, for rows graded with different packs).
 */
export function gradesCsv(packs: PackForGrading | readonly PackForGrading[], rows: readonly GradeRow[]): string {
  // Several packs (Class results grades a file of another installed pack with its own): their checks' columns, each "lesson/check" once.
  const all = Array.isArray(packs) ? (packs as readonly PackForGrading[]) : [packs as PackForGrading];
  const seen = new Set<string>();
  const checkColumns = all
    .flatMap((pack) => pack.lessons.flatMap(({ lesson }) => lesson.checks.map((c) => ({ lessonId: lesson.id, checkId: c.id }))))
    .filter((c) => !seen.has(`${c.lessonId}/${c.checkId}`) && seen.add(`${c.lessonId}/${c.checkId}`));
  const header = [...GRADE_CSV_COLUMNS, ...checkColumns.map((c) => `${c.lessonId}/${c.checkId}`)];
  const lines = [header.map(csvCell).join(',')];
  for (const row of rows) {
    const stored = row.storedMatched === null ? (row.error ? '' : 'none') : row.storedMatched ? 'matched' : 'MISMATCH';
    const cells = [row.file, row.student, row.lessonId, row.score, row.maxScore, stored, row.error ?? '', oneLine(row.notes.join(' '))];
    for (const c of checkColumns) cells.push(c.lessonId === row.lessonId && c.checkId in row.checks ? (row.checks[c.checkId] as number) : null);
    lines.push(cells.map(csvCell).join(','));
  }
  return `${lines.join('\n')}\n`;
}
