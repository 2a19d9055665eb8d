import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { bulkGrade } from '../../../src/main/packs/bulkGrade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { createSubmission } from '../../../src/main/grading/submission';
import { SUBMISSION_VERSION } from '../../../src/shared/submission';
import { folderSource } from '../../../src/main/packs/source';
import { validatePack, type LoadedPack } from '../../../src/main/packs/validate';
import { writePack } from '../../unit/packs/fixtures';
import { cliArgs } from '../../support/bundledCli';
import { shortPack } from './lessonFixture';

const run = promisify(execFile);
const realSetTimeout = setTimeout;

/** RFC 4180 reading, enough to check our own output. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  return rows;
}
let packDir: string;
let pack: LoadedPack;
beforeAll(async () => {
  packDir = writePack(shortPack());
  pack = (await validatePack(folderSource(packDir))).pack!;
});

/** 50 submissions: 20 reference designs, 15 starters (5 with a forged stored grade, 1 with a second client), 15 malformed. */
function generate(dir: string): { name: string; expected: string[] }[] {
  const { lesson, starter, reference } = pack.lessons[0]!;
  const answers = { 'which-crashed': 'api-2' };
  const base = (graph: typeof starter, student: string) => {
    const grade = gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson, graph, answers }, simEngine).report;
    return createSubmission({ packId: 'sessions', packVersion: '1.0.0', lesson, graph, answers, student, grade, savedAt: new Date('2026-03-01T10:00:00Z') });
  };
  const refDoc = base(reference!, 'x');
  const starterDoc = base(starter, 'x');
  const out: { name: string; expected: string[]; text: string }[] = [];
  const pad = (i: number) => String(i).padStart(2, '0');
  const file = (name: string) => path.join(dir, name);
  for (let i = 0; i < 20; i++) {
    const name = `class-a/ref-${pad(i)}.json`;
    out.push({ name, text: JSON.stringify({ ...refDoc, student: `Student ${pad(i)}` }), expected: [file(name), `Student ${pad(i)}`, 'session-state', '6', '6', 'matched', '', '', '3', '1', '1', '1'] });
  }
  for (let i = 0; i < 15; i++) {
    const name = `class-b/starter-${pad(i)}.json`;
    const forged = i < 5;
    const doc = { ...starterDoc, student: i === 5 ? 'Lovelace, Ada' : i === 6 ? '=HYPERLINK("x")' : `Starter ${pad(i)}` };
    if (forged) doc.grade = { ...starterDoc.grade!, score: 6, checks: starterDoc.grade!.checks.map((c) => ({ ...c, passed: true, points: c.maxPoints })) };
    // A name starting with "=" is defused for spreadsheets.
    const student = i === 6 ? `'=HYPERLINK("x")` : doc.student;
    // Extra traffic is taken out before grading: the starter's grade, with a note saying so.
    if (i === 7) doc.graph = { ...starter, nodes: [...starter.nodes, { ...starter.nodes[0]!, id: 'client-2' }], edges: [...starter.edges, { id: 'c2-db', source: 'client-2', target: 'db', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }] };
    const notes = i === 7 ? 'The lesson does not allow a second client; "client-2" was removed before grading, with its connections.' : '';
    out.push({ name, text: JSON.stringify(doc), expected: [file(name), student, 'session-state', '1', '6', forged ? 'MISMATCH' : 'matched', '', notes, '0', '0', '0', '1'] });
  }
  // The expected error is a prefix: JSON parse errors go on with the parser's own wording.
  const bad = (name: string, text: string, error: string) => out.push({ name: `class-c/${name}`, text, expected: [file(`class-c/${name}`), '', '', '', '', '', error, '', '', '', '', ''] });
  for (let i = 0; i < 5; i++) bad(`truncated-${i}.json`, JSON.stringify(refDoc).slice(0, 100 + i), `The file "${file(`class-c/truncated-${i}.json`)}" is not valid JSON (`);
  for (let i = 0; i < 3; i++) bad(`proto-${i}.json`, JSON.stringify(refDoc).replace('"answers"', '"__proto__":{"admin":true},"answers"'), `The file "${file(`class-c/proto-${i}.json`)}" contains the key "__proto__", which is not allowed in StateLab documents.`);
  for (let i = 0; i < 3; i++) bad(`lesson-${i}.json`, JSON.stringify(shortPack()['lessons/session-state.lesson.json']), `${file(`class-c/lesson-${i}.json`)}: This is not a StateLab submission: format: expected "statelab.submission", found "statelab.lesson".`);
  for (let i = 0; i < 2; i++) bad(`no-graph-${i}.json`, JSON.stringify({ ...refDoc, graph: undefined }), `${file(`class-c/no-graph-${i}.json`)}: The submission has problems:; graph: Invalid input: expected object, received undefined`);
  bad('newer.json', JSON.stringify({ ...refDoc, version: SUBMISSION_VERSION + 1 }), `${file('class-c/newer.json')}: This submission was written by a newer StateLab (version ${SUBMISSION_VERSION + 1}; this app reads up to ${SUBMISSION_VERSION}). Update StateLab to open it.`);
  bad('huge.json', ' '.repeat(6_000_001), 'The file is too large (6000001 bytes; the limit is 6000000).');
  for (const { name, text } of out) {
    mkdirSync(path.dirname(file(name)), { recursive: true });
    writeFileSync(file(name), text);
  }
  return out.map(({ name, expected }) => ({ name, expected }));
}

describe('bulk grading from the command line', () => {
  it('re-grades 50 submissions on two workers into one CSV row each, malformed files as rows with their error', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-class-'));
    const expected = generate(dir);
    expect(expected).toHaveLength(50);
    const out = path.join(dir, 'grades.csv');
    const result = await run(process.execPath, await cliArgs('src/cli/grade.ts', '--pack', packDir, path.join(dir, 'class-a'), path.join(dir, 'class-b'), path.join(dir, 'class-c'), '--out', out, '--workers', '2')).catch((e: { code: number; stderr: string }) => e);
    expect((result as { code?: number }).code).toBe(1); // some files were malformed
    expect(result.stderr).toContain('50 submission(s): 35 graded, 15 malformed, 5 with a stored grade that did not match.');
    expect(result.stderr).toContain('1 graded after putting back what the lesson does not let students change (see the notes column).');

    const rows = parseCsv(readFileSync(out, 'utf8'));
    expect(rows[0]).toEqual(['file', 'student', 'lesson', 'score', 'maxScore', 'storedGrade', 'error', 'notes', 'session-state/no-lost-sessions', 'session-state/errors-recover', 'session-state/external-state', 'session-state/which-crashed']);
    const want = expected.map((e) => e.expected).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    expect(rows.slice(1).map((r) => r[0])).toEqual(want.map((w) => w[0]));
    rows.slice(1).forEach((row, i) => {
      const { 6: error, ...rest } = want[i]!;
      const { 6: gotError, ...gotRest } = row;
      expect(gotRest).toEqual(rest);
      expect(gotError?.startsWith(error!)).toBe(true);
    });
  }, 60_000);
});

/** A reference submission plus an unlocked client at 1,000,000 rps: a design that floods the simulator. */
function hostileSubmission(): string {
  const { lesson, reference } = budgetPack.lessons[0]!;
  const graph = structuredClone(reference!);
  graph.nodes.push({ id: 'flood', kind: 'client', label: 'Flood', position: { x: 0, y: 400 }, props: { rps: 1_000_000 } });
  graph.edges.push({ id: 'flood-lb', source: 'flood', target: 'lb', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } });
  return JSON.stringify(createSubmission({ packId: 'sessions', packVersion: '1.0.0', lesson, graph, answers: {}, student: 'Mallory', savedAt: new Date('2026-03-01T10:00:00Z') }));
}

/**
 * The budget tests need a flood that survives the lesson's frame: a lesson whose starter has no
 * clients and whose palette offers them (as a build-it-yourself lesson does) lets the student
 * bring the users, so an extra client stays.
 */
let budgetPackDir: string;
let budgetPack: LoadedPack;
beforeAll(async () => {
  const files = shortPack();
  const starter = files['graphs/session-state.starter.json'] as { nodes: { id: string; kind: string }[]; edges: { source: string; target: string }[] };
  const clients = new Set(starter.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  files['graphs/session-state.starter.json'] = { ...starter, nodes: starter.nodes.filter((n) => !clients.has(n.id)), edges: starter.edges.filter((e) => !clients.has(e.source) && !clients.has(e.target)) };
  const lesson = files['lessons/session-state.lesson.json'] as { palette: string[]; locked: string[] };
  files['lessons/session-state.lesson.json'] = { ...lesson, palette: ['client', ...lesson.palette], locked: [] };
  budgetPackDir = writePack(files);
  budgetPack = (await validatePack(folderSource(budgetPackDir))).pack!;
});

describe('bulk grading budgets', () => {
  it('turns a submission at 1,000,000 rps into an error row with the budget message, quickly, and grades the rest', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-hostile-'));
    const { lesson, reference } = budgetPack.lessons[0]!;
    const good = createSubmission({ packId: 'sessions', packVersion: '1.0.0', lesson, graph: reference!, answers: { 'which-crashed': 'api-2' }, student: 'Ada', savedAt: new Date('2026-03-01T10:00:00Z') });
    writeFileSync(path.join(dir, 'a-good.json'), JSON.stringify(good));
    writeFileSync(path.join(dir, 'b-flood.json'), hostileSubmission());
    writeFileSync(path.join(dir, 'c-good.json'), JSON.stringify(good));
    const out = path.join(dir, 'grades.csv');
    const started = Date.now();
    const result = await run(process.execPath, await cliArgs('src/cli/grade.ts', '--pack', budgetPackDir, dir, '--out', out, '--workers', '1')).catch((e: { code: number; stderr: string }) => e);
    expect(Date.now() - started).toBeLessThan(60_000); // about 5 s on an idle machine; ungraded, the flood alone takes minutes
    expect((result as { code?: number }).code).toBe(1);
    const rows = parseCsv(readFileSync(out, 'utf8')).slice(1);
    expect(rows.map((r) => [path.basename(r[0]!), r[3], r[6]])).toEqual([
      ['a-good.json', '6', ''],
      ['b-flood.json', '', "This design generates more than 5,000,000 events; reduce the request rate or the run's duration."],
      ['c-good.json', '6', ''],
    ]);
  }, 120_000);

  it('stops a file past its wall-clock budget: an error row, and a fresh worker grades the next file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-slow-'));
    const files = [path.join(dir, 'a-flood.json'), path.join(dir, 'b-missing.json')];
    writeFileSync(files[0]!, hostileSubmission());
    const started = Date.now();
    // The budget's clock is the test's: a file's budget starts when it is handed to the worker, and
    // a fresh worker started from source (tsx compiling the grader) can take longer than 1.5 s to
    // start on a loaded machine, which ran out the missing file's budget too. So the budget runs out
    // on the flood, 1.5 s (real time) after the flood was handed over, and never on the next file.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    let rows: Awaited<ReturnType<typeof bulkGrade>>;
    try {
      const grading = bulkGrade({ pack: budgetPack, files, workers: 1, fileBudgetMs: 1500 });
      // Polled on real time (vi.waitFor would move the fake clock): the flood's budget is running.
      const sleep = (ms: number) => new Promise((resolve) => realSetTimeout(resolve, ms));
      for (let waited = 0; vi.getTimerCount() === 0 && waited < 30_000; waited += 20) await sleep(20);
      expect(vi.getTimerCount()).toBe(1);
      await sleep(1500);
      vi.advanceTimersByTime(1500);
      rows = await grading;
    } finally {
      vi.useRealTimers();
    }
    expect(Date.now() - started).toBeLessThan(30_000);
    expect(rows.map((r) => r.error)).toEqual(["The grading of this file took longer than 1.5 s, its time limit; reduce the request rate or the run's duration.", 'no such file']);
  }, 60_000);
});
