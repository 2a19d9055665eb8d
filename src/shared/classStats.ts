/**
 * What the class results dashboard shows, computed from the rows of a grades CSV: per lesson, the
 * score distribution, each check's pass rate with the students who failed it, the stored grades that
 * did not match; and the table written back out as a grades CSV.
 */
import Papa from 'papaparse';
import { GRADE_CSV_COLUMNS, type ClassResults, type ClassRow } from './classResults';

export interface CheckStat {
  checkId: string;
  /**
   * Worth 0 points in the lesson (an observation): the grades CSV cannot say whether it held, so it
   * has no pass rate and nobody is listed as failing it.
   */
  isObservation: boolean;
  /** Graded submissions of the lesson that passed the check. */
  passed: number;
  /** Graded submissions of the lesson. */
  total: number;
  /** The rows that did not pass, in table order. */
  failed: ClassRow[];
}

export interface LessonStats {
  lessonId: string;
  /** Graded rows of the lesson (no error). */
  graded: ClassRow[];
  /** Submissions per score, from 0 to the highest maxScore. */
  scoreCounts: number[];
  maxScore: number;
  /** Mean score, null with no graded row. */
  meanScore: number | null;
  checks: CheckStat[];
  /** Rows whose stored grade did not match the re-grade. */
  mismatched: ClassRow[];
}

/**
 * A check is passed when it earned points: a passed check earns all its points, a failed one none
 * (grade.ts). A check worth 0 points therefore always reads as not passed.
 */
export const hasPassed = (row: ClassRow, checkId: string) => (row.checks[checkId] ?? 0) > 0;

/** The lessons the rows answer, most submissions first (ties by id). */
export function lessonsOf(results: ClassResults): { lessonId: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const row of results.rows) if (row.lessonId) counts.set(row.lessonId, (counts.get(row.lessonId) ?? 0) + 1);
  return [...counts].map(([lessonId, count]) => ({ lessonId, count })).sort((a, b) => b.count - a.count || a.lessonId.localeCompare(b.lessonId));
}

/** `observations`: the lesson's checks worth 0 points, when the pack is known (else every check counts as graded). */
export function lessonStats(results: ClassResults, lessonId: string, observations: ReadonlySet<string> = new Set()): LessonStats {
  const graded = results.rows.filter((r) => r.lessonId === lessonId && !r.error && r.score !== null);
  const maxScore = graded.reduce((m, r) => Math.max(m, r.maxScore ?? 0, r.score ?? 0), 0);
  const scoreCounts = new Array<number>(maxScore + 1).fill(0);
  for (const row of graded) scoreCounts[row.score as number]! += 1;
  const checks = results.columns
    .filter((c) => c.lessonId === lessonId)
    .map(({ checkId }): CheckStat => {
      if (observations.has(checkId)) return { checkId, isObservation: true, passed: 0, total: graded.length, failed: [] };
      const failed = graded.filter((r) => !hasPassed(r, checkId));
      return { checkId, isObservation: false, passed: graded.length - failed.length, total: graded.length, failed };
    });
  const meanScore = graded.length === 0 ? null : graded.reduce((sum, r) => sum + (r.score as number), 0) / graded.length;
  return { lessonId, graded, scoreCounts, maxScore, meanScore, checks, mismatched: graded.filter((r) => r.stored === 'MISMATCH') };
}

/** The rows (duplicates already left out) as a grades CSV in `npm run grade`'s format; cells a spreadsheet would run are defused. */
export function classResultsCsv(results: ClassResults): string {
  const checkColumns = results.columns.map((c) => `${c.lessonId}/${c.checkId}`);
  const data = results.rows.map((row) => [
    row.file,
    row.student,
    row.lessonId,
    row.score === null ? '' : String(row.score),
    row.maxScore === null ? '' : String(row.maxScore),
    row.stored,
    row.error,
    row.notes,
    ...results.columns.map((c) => (c.lessonId === row.lessonId && c.checkId in row.checks ? String(row.checks[c.checkId]) : '')),
  ]);
  return `${Papa.unparse({ fields: [...GRADE_CSV_COLUMNS, ...checkColumns], data }, { newline: '\n', escapeFormulae: /^[=+\-@\t\r]/ })}\n`;
}
