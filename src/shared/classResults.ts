/**
 * The grades CSV (`npm run grade`, and the app's own folder grading) read back for the class
 * results dashboard. The CSV is untrusted: bounded in size, each row checked, and any problem named
 * by its line. Shards concatenated with `cat` repeat the header mid-file: a repeat is skipped; a
 * file graded twice is kept once and flagged.
 */
import { errorMessage, type ErrorMessage } from './i18n/errorTexts';
import Papa from 'papaparse';
import { z } from 'zod';
import { DocumentError } from './json';

/** The columns every grades CSV starts with, in order; one `lesson/check` column per check follows. */
export const GRADE_CSV_COLUMNS = ['file', 'student', 'lesson', 'score', 'maxScore', 'storedGrade', 'error', 'notes'] as const;

/** What the storedGrade column says: the file's own grade matched the re-grade, did not, had none, or the file was not graded. */
export const STORED_GRADES = ['matched', 'MISMATCH', 'none', ''] as const;
export type StoredGrade = (typeof STORED_GRADES)[number];

/** Bounds for a grades CSV picked by an instructor: far above a course of thousands. */
export const CLASS_CSV_LIMITS = { chars: 40_000_000, rows: 100_000, checkColumns: 2_000, cellChars: 20_000 } as const;

export interface CheckColumn {
  lessonId: string;
  checkId: string;
}

export interface ClassRow {
  /** The line the row starts on in the CSV read (1 is the header). */
  line: number;
  file: string;
  student: string;
  /** "" when the file could not be read. */
  lessonId: string;
  /** null when the file could not be graded. */
  score: number | null;
  maxScore: number | null;
  stored: StoredGrade;
  error: string;
  notes: string;
  /** Points per check id of this row's lesson (blank cells left out). */
  checks: Record<string, number>;
}

/** A file with more than one row (a shard graded twice, two shards overlapping): the first row counts. */
export interface DuplicateFile {
  file: string;
  lines: number[];
}

export interface ClassResults {
  columns: CheckColumn[];
  rows: ClassRow[];
  duplicates: DuplicateFile[];
}

/** The writer defuses cells a spreadsheet would run as formulas with a leading "'"; reading takes it off again. */
const undefuse = (cell: string) => (/^'[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell);

const points = z.union([z.literal(''), z.string().regex(/^\d{1,7}$/, 'expected a whole number of points or a blank cell')]);
const text = z.string().max(CLASS_CSV_LIMITS.cellChars, `expected at most ${CLASS_CSV_LIMITS.cellChars} characters`);
const RowSchema = z.object({
  file: text.min(1, 'expected the submission file, found a blank cell'),
  student: text,
  lesson: z.string().max(64),
  score: points,
  maxScore: points,
  storedGrade: z.enum(STORED_GRADES, { error: `expected one of ${STORED_GRADES.filter(Boolean).join(', ')} or a blank cell` }),
  error: text,
  notes: text,
});

const toNumber = (cell: string) => (cell === '' ? null : Number(cell));

/** What a CSV is called in messages: its file name, or a noun of ERROR_TEXTS ("the grades CSV"). */
export type CsvSource = string | ErrorMessage;

/** Reads the header; throws naming what is wrong with it. */
function readHeader(cells: string[], source: CsvSource): CheckColumn[] {
  const at = (detail: ErrorMessage, column?: number) => new DocumentError(column === undefined ? errorMessage('csv.atLine', { source, line: 1, detail }) : errorMessage('csv.atCell', { source, line: 1, column, detail }));
  const fixed = cells.slice(0, GRADE_CSV_COLUMNS.length);
  const expected = GRADE_CSV_COLUMNS.join(',');
  if (fixed.join(',') !== expected) {
    throw at(errorMessage('csv.notGrades', { expected, found: fixed.join(',').slice(0, 200) }));
  }
  const rest = cells.slice(GRADE_CSV_COLUMNS.length);
  if (rest.length > CLASS_CSV_LIMITS.checkColumns) throw at(errorMessage('csv.tooManyColumns', { count: rest.length, max: CLASS_CSV_LIMITS.checkColumns }));
  return rest.map((name, i) => {
    const match = /^([^/]{1,64})\/([^/]{1,64})$/.exec(name);
    if (!match) throw at(errorMessage('csv.badCheckColumn', { found: JSON.stringify(name.slice(0, 80)) }), GRADE_CSV_COLUMNS.length + i + 1);
    return { lessonId: match[1] as string, checkId: match[2] as string };
  });
}

/** Parses a grades CSV, or several concatenated; throws a DocumentError naming the line at fault. */
export function parseGradesCsv(csv: string, source: CsvSource = errorMessage('noun.gradesCsv')): ClassResults {
  if (csv.length > CLASS_CSV_LIMITS.chars) throw new DocumentError(errorMessage('csv.tooLarge', { source, chars: csv.length, limit: CLASS_CSV_LIMITS.chars }));
  const body = csv.replace(/^\uFEFF/, '');
  const parsed = Papa.parse<string[]>(body, { delimiter: ',', quoteChar: '"', skipEmptyLines: 'greedy' });
  const firstError = parsed.errors[0];
  if (firstError) {
    const line = firstError.index !== undefined ? lineOf(body, firstError.index) : '?';
    throw new DocumentError(errorMessage('csv.atLine', { source, line, detail: errorMessage('csv.syntax', { detail: firstError.message }) }));
  }
  const [header, ...records] = parsed.data;
  if (!header) throw new DocumentError(errorMessage('csv.empty', { source }));
  if (records.length > CLASS_CSV_LIMITS.rows) throw new DocumentError(errorMessage('csv.tooManyRows', { source, rows: records.length, max: CLASS_CSV_LIMITS.rows }));
  const columns = readHeader(header, source);
  const headerText = header.join(',');
  // Papa gives records, not lines; a quoted cell may span lines, so find the line each record starts on.
  const lines = recordLines(body, parsed.data.length);
  const rows: ClassRow[] = [];
  const seen = new Map<string, DuplicateFile>();
  records.forEach((cells, i) => {
    const line = lines[i + 1] as number;
    const where = (detail: ErrorMessage) => new DocumentError(errorMessage('csv.atLine', { source, line, detail }));
    const cellError = (column: string, detail: ErrorMessage) => new DocumentError(errorMessage('csv.atCell', { source, line, column, detail }));
    if (cells.join(',') === headerText) return; // the next shard's header, from `cat`
    if (cells[0] === 'file' && cells[1] === 'student') throw where(errorMessage('csv.otherHeader'));
    if (cells.length !== header.length) throw where(errorMessage('csv.cellCount', { expected: header.length, found: cells.length }));
    const named = Object.fromEntries(GRADE_CSV_COLUMNS.map((name, c) => [name, undefuse(cells[c] as string)]));
    const checked = RowSchema.safeParse(named);
    if (!checked.success) {
      const issue = checked.error.issues[0]!;
      throw cellError(String(issue.path[0]), errorMessage('csv.badCell', { detail: issue.message }));
    }
    const row = checked.data;
    const checks: Record<string, number> = {};
    columns.forEach((column, c) => {
      const cell = cells[GRADE_CSV_COLUMNS.length + c] as string;
      if (cell === '') return;
      if (!/^\d{1,7}$/.test(cell)) throw cellError(`${column.lessonId}/${column.checkId}`, errorMessage('csv.badPoints', { found: JSON.stringify(cell.slice(0, 40)) }));
      if (column.lessonId === row.lesson) checks[column.checkId] = Number(cell);
    });
    const duplicate = seen.get(row.file);
    if (duplicate) {
      duplicate.lines.push(line);
      return;
    }
    seen.set(row.file, { file: row.file, lines: [line] });
    rows.push({ line, file: row.file, student: row.student, lessonId: row.lesson, score: toNumber(row.score), maxScore: toNumber(row.maxScore), stored: row.storedGrade, error: row.error, notes: row.notes, checks });
  });
  return { columns, rows, duplicates: [...seen.values()].filter((d) => d.lines.length > 1) };
}

/** Line number (from 1) of a character offset. */
function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/**
 * The line each of the first `count` non-empty records starts on. Walks the text once, tracking
 * quotes, the way RFC 4180 splits records (Papa agrees on our files: "," separator, '"' quotes).
 */
function recordLines(text: string, count: number): number[] {
  const out: number[] = [];
  let line = 1;
  let isQuoted = false;
  let isStart = true;
  let isBlank = true;
  for (let i = 0; i <= text.length && out.length < count; i++) {
    const ch = text[i];
    if (isStart) {
      isStart = false;
      isBlank = true;
      out.push(line);
    }
    if (ch === undefined) break;
    if (ch === '"') isQuoted = !isQuoted;
    if (ch === '\n') {
      line++;
      if (!isQuoted) {
        // A blank line is no record (skipEmptyLines): the next line starts it instead.
        if (isBlank) out.pop();
        isStart = true;
      }
    } else if (!/[\s,"]/.test(ch)) isBlank = false; // a line of blanks and commas is skipped too ("greedy")
  }
  if (out.length > count) out.length = count;
  return out;
}

/**
 * A file that could not be graded, as the dashboard lists it: "file: why", without naming the
 * file twice when the reason already names it, at its start ("class/a.json: class/a.json: …") or
 * quoted in its sentence ('The file "class/a.json" is not valid JSON', '文件“class/a.json”…').
 */
export const fileErrorLabel = (file: string, reason: string): string =>
  reason.startsWith(`${file}: `) || reason.startsWith(`${file}：`) || reason.includes(`"${file}"`) || reason.includes(`“${file}”`) ? reason : `${file}: ${reason}`;
