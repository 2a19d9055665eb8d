/**
 * The studio's services end to end through the host's dispatcher: a one-lesson pack built from an
 * empty draft (starter, reference, a crash, an error-rate check, texts in both languages) is
 * verified on several seeds in a worker, saved as a folder that loads, and exported as a zip that
 * `pack:validate --run` passes clean; the built-in pack duplicates into a draft that validates.
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterEach, describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { draftPackDir } from '../../../src/main/packs/studioDraft';
import { liveWorkerCount } from '../../../src/main/workers/pool';
import type { Graph } from '../../../src/shared/graph';
import { LESSON_VERSION } from '../../../src/shared/lesson';
import { openableKind } from '../../../src/shared/shell';
import { diffGraphs } from '../../../src/shared/graphEdit';
import type { Result } from '../../../src/shared/result';
import type { StudioDraft, VerifyResult } from '../../../src/shared/studio';
import { cliArgs } from '../../support/bundledCli';
import { waitFor } from '../../support/waitFor';

const run = promisify(execFile);
const PACK_DIR = path.resolve('lessons/stateless-vs-stateful');
const graph = (name: string): Graph => JSON.parse(readFileSync(path.join(PACK_DIR, 'graphs', name), 'utf8'));

let hosts: ReturnType<typeof createHost>[] = [];
const newHost = () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-studio-'));
  const host = createHost({ host: 'web', builtinPackDirs: [PACK_DIR], dataDir });
  hosts.push(host);
  const events: unknown[] = [];
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = (await host.dispatch(channel, payload, { emit: (_e, p) => events.push(p) })) as Result<T>;
    if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
    return result.value;
  };
  const raw = (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} });
  return { dataDir, call, raw, events };
};
afterEach(async () => {
  for (const h of hosts) h.dispose();
  hosts = [];
  await waitFor(() => liveWorkerCount() === 0);
});

/** What the studio's UI sends after the author's edits: one lesson, a crash at 10 s, an error-rate check. */
function oneLesson(draft: StudioDraft): StudioDraft {
  const lesson = {
    format: 'statelab.lesson',
    version: LESSON_VERSION,
    id: 'fast-health-checks',
    title: { en: 'Fast health checks', 'zh-CN': '快速健康检查' },
    objectives: { en: ['Tune health checks'], 'zh-CN': ['调整健康检查'] },
    steps: [{ en: 'Press **Run**.', 'zh-CN': '点击 **运行**。' }],
    starter: 'x.json',
    locked: ['users'],
    scenario: { seed: 42, durationMs: 30_000, faults: [{ id: 'crash', atMs: 10_000, action: 'crash', target: 'api-2' }] },
    checks: [
      {
        id: 'recovered',
        type: 'metric',
        metric: 'errorRate',
        window: { from: 'fault:crash+2000', to: 'end' },
        op: '<',
        value: 0.01,
        points: 2,
        feedback: { en: '{measured} failed (needed {bound}).', 'zh-CN': '{measured} 失败（要求 {bound}）。' },
      },
    ],
  };
  return { ...draft, lessons: [{ lesson, starter: graph('01-any-instance.starter.json'), reference: graph('01-any-instance.reference.json') }] };
}

describe('studio services', () => {
  it('builds a one-lesson pack from an empty draft, verifies it on 3 seeds, saves it, and exports a zip pack:validate --run passes', async () => {
    const { dataDir, call, raw, events } = newHost();
    const empty = await call<StudioDraft>('studio:create', { id: 'health-checks', title: 'Health checks' });
    expect(empty.lessons).toEqual([]);
    // An empty pack is kept but is no pack yet: the manifest needs a lesson.
    const first = await call<{ problems: { path: string }[] }>('studio:update', { draft: empty });
    expect(first.problems.map((p) => p.path)).toContain('lessons');
    expect((await raw('studio:export', { id: 'health-checks' })).ok).toBe(false);

    const draft = oneLesson(empty);
    expect((await call<{ problems: unknown[] }>('studio:update', { draft })).problems).toEqual([]);
    // Another host (a restart) finds the draft in the data folder.
    expect((await call<{ id: string }[]>('studio:list', {})).map((d) => d.id)).toEqual(['health-checks']);

    const verified = await call<VerifyResult>('studio:verify', { jobId: 'v1', id: 'health-checks', lessonIndex: 0, seeds: 3 });
    expect(verified.seeds).toEqual([42, 43, 44]);
    const row = verified.checks[0]!;
    expect(row.designs.starter).toMatchObject({ passed: 0, total: 3 });
    expect(row.designs.reference).toMatchObject({ passed: 3, total: 3 });
    expect(row.designs.starter!.measured.every((m) => typeof m === 'number' && m > 0.01)).toBe(true);
    expect(row).toMatchObject({ isFreePoint: false, isFlaky: false });
    expect(events.length).toBeGreaterThan(1);

    const saved = await call<{ isPackWritten: boolean }>('studio:save', { id: 'health-checks' });
    expect(saved.isPackWritten).toBe(true);
    const folder = await loadPackFolder(draftPackDir(dataDir, 'health-checks'));
    expect(folder.lessons.map((l) => l.lesson.id)).toEqual(['fast-health-checks']);

    const { fileName, zipBase64 } = await call<{ fileName: string; zipBase64: string }>('studio:export', { id: 'health-checks' });
    // Named so the desktop shell opens it from the file manager.
    expect(fileName).toBe('health-checks-0.1.0.statelab-pack.zip');
    expect(openableKind(fileName)).toBe('pack');
    const zip = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-export-')), fileName);
    writeFileSync(zip, Buffer.from(zipBase64, 'base64'));
    const { stdout } = await run(process.execPath, await cliArgs('src/cli/validatePack.ts', '--run', zip));
    expect(stdout).toContain(`${zip}: OK: pack "health-checks" 0.1.0, 1 lesson(s)`);

    // The student's side: the zip imports as a pack.
    const imported = await call<{ id: string; lessons: { id: string }[] }>('packs:import', { fileName, zipBase64 });
    expect(imported.lessons.map((l) => l.id)).toEqual(['fast-health-checks']);
    // A pack renamed to a plain .zip (the old export name) imports too.
    const renamed = await call<{ id: string; lessons: { id: string }[] }>('packs:import', { fileName: 'health-checks-0.1.0.zip', zipBase64 });
    expect(renamed).toMatchObject({ id: 'health-checks', lessons: [{ id: 'fast-health-checks' }] });
  }, 120_000);

  it('flags a free point and a flaky check, and refuses a duplicate or built-in id', async () => {
    const { call, raw } = newHost();
    const empty = await call<StudioDraft>('studio:create', { id: 'flags', title: 'Flags' });
    const draft = oneLesson(empty);
    const lesson = draft.lessons[0]!.lesson as { checks: Record<string, unknown>[] };
    // Passes for any design: the starter gets it for free.
    lesson.checks.push({ id: 'anything', type: 'metric', metric: 'errorRate', op: '<=', value: 1 });
    await call('studio:update', { draft });
    const verified = await call<VerifyResult>('studio:verify', { jobId: 'v2', id: 'flags', lessonIndex: 0, seeds: 2 });
    expect(verified.checks.find((c) => c.checkId === 'anything')).toMatchObject({ isFreePoint: true });
    expect(verified.checks.find((c) => c.checkId === 'recovered')).toMatchObject({ isFreePoint: false });

    expect((await raw('studio:create', { id: 'flags', title: 'Again' })).ok).toBe(false);
    expect((await raw('studio:create', { id: 'stateless-vs-stateful', title: 'Mine' })).ok).toBe(false);
  }, 120_000);

  it('a draft removed from the data folder may be created again under its id; two creates of one id at once make one draft', async () => {
    const { dataDir, raw } = newHost();
    expect((await raw('studio:create', { id: 'again', title: 'First' })).ok).toBe(true);
    rmSync(path.join(dataDir, 'studio', 'again'), { recursive: true, force: true });
    const second = await raw('studio:create', { id: 'again', title: 'Second' });
    expect(second.ok && (second.value as { title: unknown }).title).toEqual({ en: 'Second' });
    const both = await Promise.all([raw('studio:create', { id: 'twice', title: 'One', fromPackId: 'stateless-vs-stateful' }), raw('studio:create', { id: 'twice', title: 'Two', fromPackId: 'stateless-vs-stateful' })]);
    expect(both.map((r) => r.ok)).toEqual([true, false]);
    expect(!both[1]!.ok && both[1]!.error).toMatchObject({ key: 'studio.draftExists' });
    expect(JSON.parse(readFileSync(path.join(dataDir, 'studio', 'twice', 'studio.json'), 'utf8')).title).toEqual({ en: 'One' });
  }, 60_000);

  it('a stored draft that no longer loads stays listed, says why when opened, and is not overwritten by a new draft with its id', async () => {
    const { dataDir, raw } = newHost();
    const file = path.join(dataDir, 'studio', 'broken', 'studio.json');
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify({ id: 'broken', title: { en: 'Broken' }, packVersion: 7, authors: [], locales: ['en'], lessons: [] }));
    const listed = await raw('studio:list', {});
    expect(listed.ok && listed.value).toEqual([{ id: 'broken', title: { en: 'broken' }, lessons: 0, doesNotLoad: true }]);
    const opened = await raw('studio:open', { id: 'broken' });
    expect(!opened.ok && opened.error).toMatchObject({ key: 'studio.draftDoesNotLoad', issues: [{ path: 'packVersion', text: { key: 'schema.invalidType' } }] });
    expect((await raw('studio:create', { id: 'broken', title: 'New' })).ok).toBe(false);
    expect(JSON.parse(readFileSync(file, 'utf8')).packVersion).toBe(7);
  });

  it('grades each common wrong answer stored from the canvas, and flags one that passes a check it must fail', async () => {
    const { dataDir, call } = newHost();
    const empty = await call<StudioDraft>('studio:create', { id: 'wrongs', title: 'Wrongs' });
    const draft = oneLesson(empty);
    const { starter, reference } = draft.lessons[0]!;
    const lesson = draft.lessons[0]!.lesson as Record<string, unknown>;
    // What the studio stores for "Use the canvas as a common wrong answer": the edit from the starter to the canvas.
    lesson.wrongAnswers = [
      { id: 'as-given', name: { en: 'Left as given' }, edit: diffGraphs(starter, starter), fails: ['recovered'] },
      { id: 'too-good', name: { en: 'Actually right' }, edit: diffGraphs(starter, reference!), fails: ['recovered'] },
    ];
    expect((await call<{ problems: unknown[] }>('studio:update', { draft })).problems).toEqual([]);
    const verified = await call<VerifyResult>('studio:verify', { jobId: 'v3', id: 'wrongs', lessonIndex: 0, seeds: 2 });
    const row = verified.checks.find((c) => c.checkId === 'recovered')!;
    expect(row.designs['wrong:as-given']).toMatchObject({ passed: 0, total: 2 });
    // The stored edit rebuilds the reference exactly: same measurements, seed by seed.
    expect(row.designs['wrong:too-good']).toEqual(row.designs.reference);
    expect(row.wrongPasses).toEqual(['too-good']);
    // Saved, the lesson file holds them in the lesson format.
    await call('studio:save', { id: 'wrongs' });
    const folder = await loadPackFolder(draftPackDir(dataDir, 'wrongs'));
    expect(folder.lessons[0]!.lesson.wrongAnswers.map((w) => w.id)).toEqual(['as-given', 'too-good']);
  }, 120_000);

  it('duplicates the built-in pack into a draft that validates clean under its new id', async () => {
    const { call } = newHost();
    const copy = await call<StudioDraft>('studio:create', { id: 'my-course', title: 'My course', fromPackId: 'stateless-vs-stateful' });
    expect(copy.lessons.length).toBeGreaterThan(5);
    expect((await call<{ problems: unknown[] }>('studio:update', { draft: copy })).problems).toEqual([]);
  }, 60_000);
});
