import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import { zipPackFolder } from '../../support/packZip';
import type { LessonView, SubmissionRegrade } from '../../../src/shared/ipc';
import { predictionAnswers } from '../../support/predictions';
import type { GradeReport } from '../../../src/shared/gradeReport';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const ctx = { emit: () => {} };

function host() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
  return { dataDir, ...createHost({ host: 'web', builtinPackDirs: [BUILTIN], dataDir }) };
}

async function value<T>(promise: Promise<{ ok: boolean; value?: unknown; error?: { message: string } }>): Promise<T> {
  const result = await promise;
  if (!result.ok) throw new Error(result.error?.message);
  return result.value as T;
}

describe('lesson channels', () => {
  it('opens a lesson with its texts in both languages and its pack for navigation', async () => {
    const h = host();
    const lesson = await value<LessonView>(h.dispatch('lessons:open', { packId: 'stateless-vs-stateful', lessonId: 'session-state' }, ctx));
    expect(lesson.text.title['zh-CN']).toBeTruthy();
    expect(lesson.text.steps.length).toBeGreaterThan(0);
    expect(lesson.pack.lessons.length).toBeGreaterThanOrEqual(3);
    expect(JSON.stringify(lesson.quizzes)).not.toMatch(/"answer"/);
  });

  it('grades the starter as failing and the reference as passing, off the main thread, and keeps progress', async () => {
    const h = host();
    const pack = await loadPack(folderSource(BUILTIN));
    const lesson = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
    const graded = await value<{ report: GradeReport; progress: Record<string, { isComplete: boolean }> }>(
      h.dispatch('lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'session-state', graph: lesson.starter }, ctx),
    );
    expect(graded.report.score).toBeLessThan(graded.report.maxScore);
    const failed = graded.report.checks.find((c) => !c.passed && c.type === 'metric');
    expect(failed?.measured).not.toBeNull();
    expect(graded.progress['session-state']?.isComplete).toBe(false);

    const quizzes = lesson.lesson.checks.filter((c) => c.type === 'quiz');
    const answers = { ...predictionAnswers(lesson.lesson), ...Object.fromEntries(quizzes.flatMap((q) => (typeof q.answer === 'string' ? [[q.id, q.answer]] : []))) };
    const passed = await value<{ report: GradeReport; progress: Record<string, { isComplete: boolean }> }>(
      h.dispatch('lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'session-state', graph: lesson.reference!, answers }, ctx),
    );
    expect(passed.report.score).toBe(passed.report.maxScore);
    expect(await value(h.dispatch('progress:get', { packId: 'stateless-vs-stateful' }, ctx))).toMatchObject({ 'session-state': { isComplete: true } });
  });

  it('exports a submission and re-grades it, catching a forged grade', async () => {
    const h = host();
    const pack = await loadPack(folderSource(BUILTIN));
    const lesson = pack.lessons.find((l) => l.lesson.id === 'any-instance')!;
    const { report } = await value<{ report: GradeReport }>(
      h.dispatch('lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph: lesson.starter }, ctx),
    );
    const exported = await value<{ fileName: string; text: string }>(
      h.dispatch('submissions:export', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph: lesson.starter, student: 'Ada Lovelace', report }, ctx),
    );
    expect(exported.fileName).toBe('Ada-Lovelace-any-instance.statelab-submission.json');
    const honest = await value<SubmissionRegrade>(h.dispatch('submissions:regrade', { fileName: exported.fileName, text: exported.text }, ctx));
    expect(honest).toMatchObject({ student: 'Ada Lovelace', lessonId: 'any-instance', storedMatched: true });
    expect(honest.report.score).toBe(report.score);

    const forged = JSON.parse(exported.text);
    forged.grade.score = forged.grade.maxScore;
    const caught = await value<SubmissionRegrade>(h.dispatch('submissions:regrade', { fileName: 'forged.json', text: JSON.stringify(forged) }, ctx));
    expect(caught.storedMatched).toBe(false);
    expect(caught.differences.join('\n')).toMatch(/score/);

    const broken = await h.dispatch('submissions:regrade', { fileName: 'cut.json', text: exported.text.slice(0, 100) }, ctx);
    expect(broken).toMatchObject({ ok: false, error: { code: 'invalid-document' } });
    expect(broken.ok ? '' : broken.error.message).toMatch(/cut\.json/);
  });

  it('names a submission by its student in any script, so a class’s files do not overwrite each other in one folder', async () => {
    const h = host();
    const pack = await loadPack(folderSource(BUILTIN));
    const lesson = pack.lessons.find((l) => l.lesson.id === 'any-instance')!;
    const fileOf = async (student: string) =>
      (await value<{ fileName: string }>(h.dispatch('submissions:export', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph: lesson.starter, student }, ctx))).fileName;
    // Chinese names were dropped whole: every Chinese student's file was "submission-any-instance…".
    expect(await fileOf('王小明')).toBe('王小明-any-instance.statelab-submission.json');
    expect(await fileOf('李华')).toBe('李华-any-instance.statelab-submission.json');
    expect(await fileOf('Zoë Ángel')).toBe('Zoë-Ángel-any-instance.statelab-submission.json');
    // What a file system trips on still becomes "-"; a name of nothing else is the default.
    expect(await fileOf('a/b\\c:d*e?"f<g>h|i.j')).toBe('a-b-c-d-e-f-g-h-i-j-any-instance.statelab-submission.json');
    expect(await fileOf(' ../ ')).toBe('submission-any-instance.statelab-submission.json');
    // At most 60 characters, never half of a character outside the BMP.
    expect(await fileOf('𠀀'.repeat(70))).toBe(`${'𠀀'.repeat(60)}-any-instance.statelab-submission.json`);
  });

  it('imports a zipped pack, lists it, and removes it', async () => {
    const h = host();
    const zipBase64 = zipPackFolder(BUILTIN, { id: 'class-copy' }).toString('base64');
    const entry = await value<{ id: string; origin: string }>(h.dispatch('packs:import', { fileName: 'class-copy.zip', zipBase64 }, ctx));
    expect(entry).toMatchObject({ id: 'class-copy', origin: 'imported' });
    const catalogue = await value<{ id: string }[]>(h.dispatch('packs:catalogue', {}, ctx));
    expect(catalogue.map((p) => p.id)).toEqual(['stateless-vs-stateful', 'class-copy']);

    const bad = await h.dispatch('packs:import', { fileName: 'junk.zip', zipBase64: Buffer.from('not a zip').toString('base64') }, ctx);
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.error.message).toMatch(/junk/);

    await expect(value(h.dispatch('packs:remove', { packId: 'class-copy' }, ctx))).resolves.toEqual({ removed: true });
    const refused = await h.dispatch('packs:remove', { packId: 'stateless-vs-stateful' }, ctx);
    expect(refused.ok).toBe(false);
  });
});
