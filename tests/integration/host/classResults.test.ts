/**
 * Class results: two shards graded by separate `npm run grade` processes (as a batch runner would),
 * their CSVs concatenated, read by the dashboard's parser; the app's own folder grading through the
 * host gives the same figures, reports progress per file, and stops its workers on cancel.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { liveWorkerCount } from '../../../src/main/workers/pool';
import { parseGradesCsv } from '../../../src/shared/classResults';
import { lessonStats } from '../../../src/shared/classStats';
import { cliArgs } from '../../support/bundledCli';
import { LESSON_ID, PACK_DIR, passCounts, writeClassSubmissions, type GeneratedSubmission } from '../../support/classSubmissions';
import { waitFor } from '../../support/waitFor';

const run = promisify(execFile);
const newHost = () => createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir: mkdtempSync(path.join(tmpdir(), 'statelab-data-')) });
const passedByCheck = (csv: string) => Object.fromEntries(lessonStats(parseGradesCsv(csv), LESSON_ID).checks.map((c) => [c.checkId, c.passed]));

let dir: string;
let generated: GeneratedSubmission[];
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'statelab-shards-'));
  generated = [...(await writeClassSubmissions(dir, 12, { subfolder: 'shard-1' })), ...(await writeClassSubmissions(dir, 12, { first: 12, subfolder: 'shard-2', withBroken: true }))];
}, 60_000);

let hosts: ReturnType<typeof newHost>[] = [];
afterEach(async () => {
  for (const h of hosts) h.dispose();
  hosts = [];
  await waitFor(() => liveWorkerCount() === 0);
});

describe('grading a large course in shards', () => {
  it('merges two shards’ CSVs with cat, and the dashboard reads every row with the right pass rates', async () => {
    const grade = async (shard: string) => run(process.execPath, await cliArgs('src/cli/grade.ts', '--pack', PACK_DIR, path.join(dir, shard), '--out', path.join(dir, `${shard}.csv`), '--workers', '1')).catch((e: { code: number }) => e);
    await Promise.all([grade('shard-1'), grade('shard-2')]);
    const merged = readFileSync(path.join(dir, 'shard-1.csv'), 'utf8') + readFileSync(path.join(dir, 'shard-2.csv'), 'utf8');
    writeFileSync(path.join(dir, 'all.csv'), merged);

    const results = parseGradesCsv(merged, 'all.csv');
    expect(results.rows.map((r) => path.relative(dir, r.file))).toEqual(generated.map((g) => g.name));
    expect(results.duplicates).toEqual([]);
    const broken = results.rows.at(-1)!;
    expect(broken.error).toMatch(/is not valid JSON/);
    const stats = lessonStats(results, LESSON_ID);
    expect(stats.graded).toHaveLength(23);
    expect(passedByCheck(merged)).toEqual(passCounts(generated));
    // Some files claim a full mark their design does not earn.
    expect(stats.mismatched.map((r) => r.student)).toEqual(generated.filter((g) => g.isForged).map((g) => g.student));
    expect(stats.mismatched.length).toBeGreaterThan(0);
  }, 120_000);
});

describe('grading a picked folder in the app', () => {
  it('grades the files sent to classResults:grade on workers, with progress per file, to the same figures as the command line', async () => {
    const host = newHost();
    hosts.push(host);
    const files = generated.map((g) => ({ fileName: g.name, text: readFileSync(path.join(dir, g.name), 'utf8') }));
    const progress: { done: number; total: number }[] = [];
    const emit = (event: string, payload: unknown) => event === 'onDidClassResultsProgress' && progress.push(payload as { done: number; total: number });
    const result = (await host.dispatch('classResults:grade', { jobId: 'class-1', packId: 'stateless-vs-stateful', files }, { emit })) as { ok: true; value: { csv: string } };
    expect(result.ok).toBe(true);
    expect(progress.map((p) => p.done)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(progress.every((p) => p.total === 24)).toBe(true);
    const results = parseGradesCsv(result.value.csv);
    expect(results.rows.map((r) => r.file)).toEqual(generated.map((g) => g.name));
    expect(passedByCheck(result.value.csv)).toEqual(passCounts(generated));
  }, 120_000);

  it('stops the batch and its workers on classResults:cancel, answering "cancelled"', async () => {
    const host = newHost();
    hosts.push(host);
    const files = generated.slice(0, 23).map((g) => ({ fileName: g.name, text: readFileSync(path.join(dir, g.name), 'utf8') }));
    let done = 0;
    const pending = host.dispatch('classResults:grade', { jobId: 'class-2', packId: 'stateless-vs-stateful', files }, { emit: (_e, p) => (done = (p as { done: number }).done) });
    await waitFor(() => done >= 1);
    expect(await host.dispatch('classResults:cancel', { jobId: 'class-2' }, { emit: () => {} })).toEqual({ ok: true, value: { cancelled: true } });
    expect(await pending).toMatchObject({ ok: false, error: { code: 'cancelled', message: 'The grading was cancelled.', key: 'job.cancelled' } });
    expect(done).toBeLessThan(23);
    await waitFor(() => liveWorkerCount() === 0, 5_000);
  }, 60_000);

  it('grades a file of another installed pack with that pack, saying so in its row, and keeps the note for a pack not installed', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    // A second pack installed here: a copy of the built-in one under its own id (a course that duplicated it).
    const copy = path.join(dataDir, 'packs', 'my-course');
    cpSync(PACK_DIR, copy, { recursive: true });
    const manifest = JSON.parse(readFileSync(path.join(copy, 'pack.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(path.join(copy, 'pack.json'), JSON.stringify({ ...manifest, id: 'my-course' }));
    const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir });
    hosts.push(host);
    const withPack = (g: GeneratedSubmission, packId: string) => {
      const doc = JSON.parse(readFileSync(path.join(dir, g.name), 'utf8')) as Record<string, unknown>;
      return { fileName: g.name, text: JSON.stringify({ ...doc, packId }) };
    };
    const [a, b, c] = generated;
    const files = [withPack(a!, 'stateless-vs-stateful'), withPack(b!, 'my-course'), withPack(c!, 'not-installed')];
    const progress: number[] = [];
    const result = (await host.dispatch('classResults:grade', { jobId: 'class-5', packId: 'stateless-vs-stateful', files }, { emit: (_e, p) => progress.push((p as { done: number }).done) })) as {
      ok: true;
      value: { csv: string; notes?: Record<string, { key: string; params?: Record<string, unknown> }[]> };
    };
    expect(result.ok).toBe(true);
    const rows = parseGradesCsv(result.value.csv).rows;
    expect(rows.map((r) => r.file)).toEqual(files.map((f) => f.fileName));
    // The class's own file, as before.
    expect(rows[0]).toMatchObject({ score: a!.report!.score, error: '', notes: '' });
    // The other installed pack's file: graded (the same lesson, so the same score), its row saying with which pack.
    expect(rows[1]).toMatchObject({ score: b!.report!.score, maxScore: b!.report!.maxScore, error: '' });
    expect(rows[1]!.notes).toContain('Graded with its own pack "my-course" (installed here), not "stateless-vs-stateful", which graded the other files.');
    expect(result.value.notes).toEqual({ [b!.name]: [{ key: 'regrade.ownPack', params: { pack: 'my-course', expected: 'stateless-vs-stateful' } }] });
    // A pack not installed: the file keeps the note saying which pack it needs.
    expect(rows[2]).toMatchObject({ score: null });
    expect(rows[2]!.error).toContain('this submission is for the pack "not-installed", not "stateless-vs-stateful"');
    expect(progress.at(-1)).toBe(3);
  }, 120_000);

  it('refuses a batch over the file limit, and an unknown pack, by name', async () => {
    const host = newHost();
    hosts.push(host);
    const many = Array.from({ length: 501 }, (_, i) => ({ fileName: `s${i}.json`, text: '{}' }));
    const over = await host.dispatch('classResults:grade', { jobId: 'class-3', packId: 'stateless-vs-stateful', files: many }, { emit: () => {} });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid-payload', message: 'classResults:grade: the request has problems:\nfiles: expected at most 500 files in one batch' } });
    const unknown = await host.dispatch('classResults:grade', { jobId: 'class-4', packId: 'nope', files: many.slice(0, 1) }, { emit: () => {} });
    expect(unknown).toMatchObject({ ok: false, error: { message: expect.stringContaining('"nope"') } });
  });
});
