import { describe, expect, it } from 'vitest';
import { errorRow, gradesCsv, type GradeRow } from '../../../src/main/grading/bulk';
import type { PackForGrading } from '../../../src/main/grading/submission';
import { fileErrorLabel, parseGradesCsv } from '../../../src/shared/classResults';
import { classResultsCsv, lessonStats, lessonsOf } from '../../../src/shared/classStats';

/** Just what gradesCsv reads of a pack: its lessons' check ids. */
const pack = {
  manifest: { id: 'p' },
  lessons: [
    { lesson: { id: 'sessions', checks: [{ id: 'no-loss' }, { id: 'recover' }, { id: 'quiz' }] } },
    { lesson: { id: 'other', checks: [{ id: 'has-db' }] } },
  ],
} as unknown as PackForGrading;

const row = (file: string, student: string, checks: Record<string, number>, extra: Partial<GradeRow> = {}): GradeRow => ({
  file,
  student,
  lessonId: 'sessions',
  score: Object.values(checks).reduce((a, b) => a + b, 0),
  maxScore: 6,
  storedMatched: true,
  checks,
  notes: [],
  ...extra,
});

const shardA = gradesCsv(pack, [
  row('a/1.json', 'Ada', { 'no-loss': 3, recover: 2, quiz: 1 }),
  row('a/2.json', '=HYPERLINK("x")', { 'no-loss': 0, recover: 2, quiz: 0 }, { storedMatched: false }),
  row('a/3.json', 'Lovelace, Ada\nsecond line', { 'no-loss': 0, recover: 0, quiz: 0 }, { storedMatched: null }),
]);
const shardB = gradesCsv(pack, [
  row('b/4.json', 'Bob', { 'no-loss': 3, recover: 0, quiz: 1 }),
  row('b/5.json', 'Cy', { 'has-db': 1 }, { lessonId: 'other', maxScore: 1 }),
  errorRow('b/6.json', 'The file b/6.json is not valid JSON'),
]);

describe('reading grades CSVs for the class results dashboard', () => {
  it('reads what `npm run grade` writes: names with commas, quotes and line breaks, defused formulas given back as typed', () => {
    const { rows, columns, duplicates } = parseGradesCsv(shardA);
    expect(columns.map((c) => `${c.lessonId}/${c.checkId}`)).toEqual(['sessions/no-loss', 'sessions/recover', 'sessions/quiz', 'other/has-db']);
    expect(rows.map((r) => [r.file, r.student, r.score, r.stored])).toEqual([
      ['a/1.json', 'Ada', 6, 'matched'],
      ['a/2.json', '=HYPERLINK("x")', 2, 'MISMATCH'],
      ['a/3.json', 'Lovelace, Ada\nsecond line', 0, 'none'],
    ]);
    expect(rows[1]!.checks).toEqual({ 'no-loss': 0, recover: 2, quiz: 0 });
    expect(duplicates).toEqual([]);
  });

  it('reads two shards concatenated with `cat`: the second header is skipped, every row is kept, with its line', () => {
    const merged = parseGradesCsv(shardA + shardB);
    expect(merged.rows.map((r) => r.file)).toEqual(['a/1.json', 'a/2.json', 'a/3.json', 'b/4.json', 'b/5.json', 'b/6.json']);
    // a/3.json's name spans two lines, so b/4.json (after the repeated header on line 6) is on line 7.
    expect(merged.rows.map((r) => r.line)).toEqual([2, 3, 4, 7, 8, 9]);
    expect(merged.rows[5]).toMatchObject({ lessonId: '', score: null, error: 'The file b/6.json is not valid JSON' });
    expect(lessonsOf(merged)).toEqual([
      { lessonId: 'sessions', count: 4 },
      { lessonId: 'other', count: 1 },
    ]);
    const stats = lessonStats(merged, 'sessions');
    expect(stats.checks.map((c) => [c.checkId, c.passed, c.total, c.failed.map((r) => r.file)])).toEqual([
      ['no-loss', 2, 4, ['a/2.json', 'a/3.json']],
      ['recover', 2, 4, ['a/3.json', 'b/4.json']],
      ['quiz', 2, 4, ['a/2.json', 'a/3.json']],
    ]);
    expect(stats.scoreCounts).toEqual([1, 0, 1, 0, 1, 0, 1]);
    expect(stats.mismatched.map((r) => r.file)).toEqual(['a/2.json']);
  });

  it('gives an observation (a check worth 0 points) no pass rate and nobody failing it, instead of 0% and everyone', () => {
    const merged = parseGradesCsv(shardA + shardB);
    // Without the pack, 0 points reads as not passed.
    expect(lessonStats(merged, 'sessions').checks.find((c) => c.checkId === 'quiz')).toMatchObject({ isObservation: false, passed: 2 });
    const stats = lessonStats(merged, 'sessions', new Set(['quiz']));
    expect(stats.checks.map((c) => [c.checkId, c.isObservation, c.failed.length])).toEqual([
      ['no-loss', false, 2],
      ['recover', false, 2],
      ['quiz', true, 0],
    ]);
  });

  it('flags a file graded in two shards and counts its first row only', () => {
    const merged = parseGradesCsv(shardA + shardA.split('\n').slice(0, 2).join('\n'));
    expect(merged.rows).toHaveLength(3);
    expect(merged.duplicates).toEqual([{ file: 'a/1.json', lines: [2, 7] }]);
  });

  it('writes the table back as a grades CSV that reads back the same', () => {
    const merged = parseGradesCsv(shardA + shardB);
    const again = parseGradesCsv(classResultsCsv(merged));
    expect(again.rows.map(({ line: _line, ...r }) => r)).toEqual(merged.rows.map(({ line: _line, ...r }) => r));
    expect(classResultsCsv(merged)).toContain(`"'=HYPERLINK(""x"")"`);
  });

  it('names the line and column of what is wrong', () => {
    const lines = shardA.split('\n');
    const at = (i: number, text: string) => lines.map((l, j) => (j === i ? text : l)).join('\n');
    expect(() => parseGradesCsv('name,score\nAda,3\n', 'grades.csv')).toThrow('grades.csv, line 1: this is not a grades CSV from "npm run grade": the header must start with file,student,lesson,score,maxScore,storedGrade,error,notes; it starts with name,score.');
    expect(() => parseGradesCsv(at(2, 'a/2.json,Bob,sessions,2,6,matched,,'), 'grades.csv')).toThrow('grades.csv, line 3: expected 12 cells, as in the header; found 8.');
    expect(() => parseGradesCsv(at(2, 'a/2.json,Bob,sessions,two,6,matched,,,0,2,0,'), 'grades.csv')).toThrow('grades.csv, line 3, column score: expected a whole number of points or a blank cell.');
    expect(() => parseGradesCsv(at(2, 'a/2.json,Bob,sessions,2,6,maybe,,,0,2,0,'), 'grades.csv')).toThrow('grades.csv, line 3, column storedGrade: expected one of matched, MISMATCH, none or a blank cell.');
    expect(() => parseGradesCsv(at(2, 'a/2.json,Bob,sessions,2,6,matched,,,0,-2,0,'), 'grades.csv')).toThrow('grades.csv, line 3, column sessions/recover: expected a whole number of points or a blank cell, found "-2".');
    expect(() => parseGradesCsv(`${shardA}file,student,lesson,score,maxScore,storedGrade,error,notes,x/y\n`, 'grades.csv')).toThrow("grades.csv, line 6: a header that differs from line 1's; were these shards graded with different packs?");
    expect(() => parseGradesCsv('', 'grades.csv')).toThrow('grades.csv is empty');
    expect(() => parseGradesCsv(at(1, 'a/1.json,"Ada,sessions,6,6,matched,,,3,2,1,'), 'grades.csv')).toThrow(/^grades\.csv, line 2: /);
  });
});

describe('a file that could not be graded, as the dashboard lists it', () => {
  it('names the file once, whether or not the reason already starts with it (in either language)', () => {
    expect(fileErrorLabel('subs/a.json', 'subs/a.json: The submission has problems')).toBe('subs/a.json: The submission has problems');
    expect(fileErrorLabel('subs/a.json', 'subs/a.json：提交文件有问题')).toBe('subs/a.json：提交文件有问题');
    expect(fileErrorLabel('subs/a.json', 'The file is empty.')).toBe('subs/a.json: The file is empty.');
    // A reason whose sentence quotes the file (an unreadable document names it as its "what").
    expect(fileErrorLabel('subs/a.json', 'The file "subs/a.json" is not valid JSON (at line 1, column 49).')).toBe('The file "subs/a.json" is not valid JSON (at line 1, column 49).');
    expect(fileErrorLabel('subs/a.json', '文件“subs/a.json”不是有效的 JSON。')).toBe('文件“subs/a.json”不是有效的 JSON。');
    // Another file's name in the sentence does not count.
    expect(fileErrorLabel('subs/a.json', 'The file "subs/b.json" is empty.')).toBe('subs/a.json: The file "subs/b.json" is empty.');
  });
});
