import path from 'node:path';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { csvCell, gradeSubmissionText, gradesCsv } from '../../../src/main/grading/bulk';
import { createSubmission, type PackForGrading } from '../../../src/main/grading/submission';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec } from '../../../src/shared/graph';
import { parseUntrustedJson } from '../../../src/shared/json';
import { lessonSpec, packSpec } from '../../../src/shared/lesson';
import { fakeEngine, fakeRun } from './fakeRun';

const example = (name: string) => parseUntrustedJson(readFileSync(path.resolve(__dirname, '../../fixtures/examples', name), 'utf8'), 1e6) as Record<string, unknown>;
const graph = loadDocument(example('stateless-tier.graph.json'), graphSpec);
const sessions = loadDocument(example('session-state.lesson.json'), lessonSpec);
const other = loadDocument({ ...example('session-state.lesson.json'), id: 'other', checks: [{ id: 'has-db', type: 'structure', require: { node: { kind: 'database' } } }] }, lessonSpec);
const manifest = loadDocument({ format: 'statelab.pack', version: 1, id: 'p', title: { en: 'P' }, packVersion: '1.0.0', locales: ['en'], minAppVersion: '0.1.0', lessons: ['a.json', 'b.json'] }, packSpec);
const pack: PackForGrading = { manifest, lessons: [{ lesson: sessions }, { lesson: other }] };
const zeros = Array.from({ length: 60 }, () => 0);
const engine = fakeEngine(fakeRun(60_000, { sessionsLost: { '*': zeros }, errorRate: { '*': zeros } }));
const submission = (lesson = other, student = 'Ada') =>
  JSON.stringify(createSubmission({ packId: 'p', packVersion: '1.0.0', lesson, graph, student, savedAt: new Date(0) }));

describe('bulk grading rows and CSV', () => {
  it('puts each lesson’s checks in their own columns, blank for the other lesson', () => {
    const rows = [gradeSubmissionText('a.json', submission(sessions), pack, engine), gradeSubmissionText('b.json', submission(other, 'Bob'), pack, engine)];
    expect(gradesCsv(pack, rows).split('\n')).toEqual([
      'file,student,lesson,score,maxScore,storedGrade,error,notes,session-state/no-lost-sessions,session-state/errors-recover,session-state/external-state,other/has-db',
      'a.json,Ada,session-state,4,5,none,,,3,1,0,',
      'b.json,Bob,other,1,1,none,,,,,,1',
      '',
    ]);
  });

  it('puts what grading reset in the notes column, one cell per file', () => {
    const row = { ...gradeSubmissionText('b.json', submission(other, 'Bob'), pack, engine), notes: ['Locked node "users" was changed; graded with the lesson\'s settings for it.', 'The lesson does not offer cache nodes; "c1", "c2" were removed.'] };
    expect(gradesCsv(pack, [row]).split('\n')[1]).toBe('b.json,Bob,other,1,1,none,,"Locked node ""users"" was changed; graded with the lesson\'s settings for it. The lesson does not offer cache nodes; ""c1"", ""c2"" were removed.",,,,1');
  });

  it('says in the notes when a file carries another student’s numbers (a copied file renamed), graded with the student’s own', () => {
    const variants = { parameters: [{ id: 'crashAtMs', label: { en: 'Crash time' }, min: 20_000, max: 40_000, step: 500, unit: 'ms', sets: ['scenario.faults[0].atMs'] }] };
    const varied = loadDocument({ ...example('session-state.lesson.json'), id: 'varied', variants }, lessonSpec);
    const variedPack: PackForGrading = { manifest, lessons: [{ lesson: varied }] };
    const carol = createSubmission({ packId: 'p', packVersion: '1.0.0', lesson: varied, graph, student: 'Carol', savedAt: new Date(0) });
    const own = gradeSubmissionText('carol.json', JSON.stringify(carol), variedPack, engine);
    expect(own.notes).toEqual([]);
    const copied = gradeSubmissionText('dave.json', JSON.stringify({ ...carol, student: 'Dave' }), variedPack, engine);
    expect(copied.notes.length).toBeGreaterThan(0);
    expect(copied.notes[0]).toMatch(/^The file records the variant Crash time: [\d.]+ s, seed \d+; the student's name gives Crash time: [\d.]+ s, seed \d+, which was graded\.$/);
    // The CSV's notes column carries it, so `npm run grade` and Class results say it too.
    expect(gradesCsv(variedPack, [copied]).split('\n')[1]).toContain('The file records the variant Crash time: ');
  });

  it('turns a malformed file into a row with a one-line error, keeping what it could read', () => {
    const wrongPack = submission().replace('"packId":"p"', '"packId":"q"');
    expect(gradeSubmissionText('w.json', wrongPack, pack, engine)).toMatchObject({ student: 'Ada', lessonId: 'other', score: null, error: 'packId: this submission is for the pack "q", not "p", which graded these files: grade it with "q" (in Class results, install that pack: a file of an installed pack is graded with its own).' });
    const bad = gradeSubmissionText('x.json', '{"format":"statelab.submission","version":1}', pack, engine);
    expect(bad.error).toMatch(/^x\.json: The submission has problems:; packId: Invalid input/);
  });

  it('quotes separators and defuses spreadsheet formulas in cells', () => {
    expect(csvCell('Lovelace, Ada')).toBe('"Lovelace, Ada"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(null)).toBe('');
    expect(csvCell(3)).toBe('3');
  });
});
