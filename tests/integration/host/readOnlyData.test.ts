// Issue 10, item 6 (c): when the data folder cannot be written (read-only, full), opening a design
// and grading still answer, and what could not be recorded comes back as a warning to show.
// We run as root in CI, so chmod would not stop a write: every file the host writes is blocked by a
// folder of the same name instead (rename over a non-empty folder fails for every user), and
// lessons-work is a file, so nothing can be created under it.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createHost } from '../../../src/main/host/services';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Result } from '../../../src/shared/result';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const PACK = 'stateless-vs-stateful';

function unwritableDataDir(): string {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-readonly-'));
  for (const file of ['recent.json', 'progress.json', 'autosave.json']) {
    mkdirSync(path.join(dataDir, file));
    writeFileSync(path.join(dataDir, file, 'blocker'), '');
  }
  writeFileSync(path.join(dataDir, 'lessons-work'), '');
  return dataDir;
}

/** Every .tmp file anywhere under the folder. */
const temps = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));

describe('a data folder that cannot be written', () => {
  it('still opens designs and grades, with warnings saying what was not recorded', async () => {
    const dataDir = unwritableDataDir();
    const pack = await loadPack(folderSource(BUILTIN));
    const lesson = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
    mkdirSync(path.join(dataDir, 'designs'));
    writeFileSync(path.join(dataDir, 'designs', 'mine.statelab.json'), JSON.stringify(lesson.starter));
    const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN], dataDir });
    const call = (channel: string, payload: unknown) => host.dispatch(channel, payload, { emit: () => {} }) as Promise<Result<Record<string, unknown> & { warning?: { message: string } }>>;

    const opened = await call('files:open', { name: 'mine' });
    expect(opened).toMatchObject({ ok: true, value: { name: 'mine', graph: lesson.starter } });
    expect(opened.ok && opened.value.warning?.message).toMatch(/^The recent-files list could not be updated: .*\(E[A-Z]+\)\.$/);

    const graded = await call('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: lesson.starter });
    expect(graded.ok).toBe(true);
    if (!graded.ok) return;
    const report = graded.value.report as GradeReport;
    expect(report.score).toBeLessThan(report.maxScore); // a real grade: the starter fails
    expect(graded.value.progress).toEqual({ 'session-state': { bestScore: report.score, maxScore: report.maxScore, isComplete: false } });
    expect(graded.value.warning?.message).toMatch(/^Your grade could not be recorded: .*\. It counts for this session only\.$/);
    // The grade is kept for the session, and the next grading is not blocked by the failed write.
    expect(await call('progress:get', { packId: PACK })).toEqual({ ok: true, value: graded.value.progress });
    expect(await call('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: lesson.starter })).toMatchObject({ ok: true, value: { warning: { message: expect.any(String), key: 'warn.gradeNotRecorded' } } });

    // Lesson work and autosave say they did not save, with a warning to show.
    const saved = await call('lessons:saveWork', { packId: PACK, lessonId: 'session-state', graph: lesson.starter });
    expect(saved).toMatchObject({ ok: true, value: { savedAtMs: null } });
    expect(saved.ok && saved.value.warning?.message).toMatch(/^Your work on this lesson could not be saved: the data folder could not be written \(ENOTDIR\)\./);
    expect(await call('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).toEqual({ ok: true, value: { graph: null, answers: {} } });
    const answered = await call('lessons:saveAnswers', { packId: PACK, lessonId: 'session-state', answers: { predict: 'a' } });
    expect(answered).toMatchObject({ ok: true, value: { savedAtMs: null } });
    expect(answered.ok && answered.value.warning?.message).toMatch(/^Your work on this lesson could not be saved: the data folder could not be written \(ENOTDIR\)\./);
    const autosaved = await call('autosave:write', { graph: lesson.starter, name: null, lessonId: null });
    expect(autosaved).toMatchObject({ ok: true, value: { savedAtMs: null } });
    expect(autosaved.ok && autosaved.value.warning?.message).toMatch(/^Unsaved work could not be kept safe: .*\(E[A-Z]+\)\./);

    expect(temps(dataDir)).toEqual([]); // every failed write took its temp file with it
  }, 60_000);
});
