// A student's last check results survive a reload and a restart: lessons:grade keeps the report
// (with the run it graded, for Show me) beside the lesson's work, and lessons:loadWork returns it.
// A file that is not ours, for another lesson, or too large reads as no results.
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_REPORT_FILE_BYTES } from '../../../src/main/host/lessons/lessonWork';
import { createHost } from '../../../src/main/host/services';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import type { GradedRun, GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';
import { BUILTIN_PACK_DIR } from '../../support/packZip';

const PACK = 'stateless-vs-stateful';
const ctx = { emit: () => {} };
type Loaded = {
  graph: Graph | null;
  answers: Record<string, string>;
  lastGrade?: { report: GradeReport; graded: GradedRun; gradedAtMs: number; student?: string };
  lastGradeUnderOtherName?: { student: string; gradedAtMs: number };
};

function start(dataDir: string) {
  const host = createHost({ host: 'web', builtinPackDirs: [BUILTIN_PACK_DIR], dataDir });
  return async <T>(channel: string, payload: unknown): Promise<T> => {
    const result = await host.dispatch(channel, payload, ctx);
    if (!result.ok) throw new Error(result.error.message);
    return result.value as T;
  };
}

describe('last grade report', () => {
  it('keeps the lesson’s last report and its graded run across a restart, per lesson', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-report-'));
    const call = start(dataDir);
    const lesson = (await loadPack(folderSource(BUILTIN_PACK_DIR))).lessons.find((l) => l.lesson.id === 'session-state')!;
    expect((await call<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).lastGrade).toBeUndefined();

    const before = Date.now();
    await call('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: lesson.reference! });
    const last = await call<{ report: GradeReport; graded: GradedRun }>('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: lesson.starter });
    expect(last.report.score).toBeLessThan(last.report.maxScore);

    const restarted = start(dataDir);
    const loaded = await restarted<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'session-state' });
    // The last grade (the failing starter), not the one before it.
    expect(loaded.lastGrade?.report).toEqual(last.report);
    expect(loaded.lastGrade?.graded).toEqual(last.graded);
    expect(loaded.lastGrade?.gradedAtMs).toBeGreaterThanOrEqual(before);
    expect(loaded.lastGrade?.gradedAtMs).toBeLessThanOrEqual(Date.now());
    // Show me can run the graded design again: the run kept is the one the report's hash names.
    const rerun = await restarted<{ result: { traceHash: string } }>('sim:run', { runId: 'show-me', graph: loaded.lastGrade!.graded.graph, scenario: loaded.lastGrade!.graded.scenario });
    expect(rerun.result.traceHash).toBe(last.report.traceHash);
    // Another lesson has no results of its own.
    expect((await restarted<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'any-instance' })).lastGrade).toBeUndefined();
    expect(readdirSync(path.join(dataDir, 'lessons-work', PACK))).toContain('session-state.report.json');
  });

  it('reads a file that is not ours, for another lesson, or too large as no results', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-report-'));
    const call = start(dataDir);
    const lesson = (await loadPack(folderSource(BUILTIN_PACK_DIR))).lessons.find((l) => l.lesson.id === 'session-state')!;
    await call('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: lesson.starter });
    const file = path.join(dataDir, 'lessons-work', PACK, 'session-state.report.json');
    const kept = await call<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'session-state' });
    expect(kept.lastGrade).toBeDefined();
    const doc = { format: 'statelab.lessonReport', version: 1, gradedAtMs: kept.lastGrade!.gradedAtMs, report: kept.lastGrade!.report, graded: kept.lastGrade!.graded };
    const loadAfter = async (text: string) => {
      writeFileSync(file, text);
      return (await start(dataDir)<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'session-state' })).lastGrade;
    };

    // The file as written reads back: the cases below fail for their own reason.
    expect(await loadAfter(JSON.stringify(doc))).toBeDefined();
    // Kept by an app whose trace hash covered less (events only): still the student's results. Its
    // hash is no run's now, so Show me (useGradedRun) runs the graded design again, as after an edit.
    const older = await loadAfter(JSON.stringify({ ...doc, report: { ...doc.report, traceHash: '2c6313d6b311a0d8' } }));
    expect(older?.report.checks).toEqual(doc.report.checks);
    expect(older?.report.traceHash).not.toBe(doc.report.traceHash);
    expect(await loadAfter('{"format":"statelab.lessonReport","version":1,')).toBeUndefined();
    expect(await loadAfter(JSON.stringify({ ...doc, format: 'statelab.graph' }))).toBeUndefined();
    expect(await loadAfter(JSON.stringify({ ...doc, report: { ...doc.report, score: 'all of it' } }))).toBeUndefined();
    expect(await loadAfter(JSON.stringify({ ...doc, report: { ...doc.report, lessonId: 'any-instance' } }))).toBeUndefined();
    expect(await loadAfter(JSON.stringify({ ...doc, extra: 1 }))).toBeUndefined();
    // Oversized: valid JSON padded past the bound.
    expect(await loadAfter(JSON.stringify(doc) + ' '.repeat(MAX_REPORT_FILE_BYTES))).toBeUndefined();
    // The lesson's design and answers are not affected by a bad report file.
    const loaded = await start(dataDir)<Loaded>('lessons:loadWork', { packId: PACK, lessonId: 'session-state' });
    expect(loaded).toEqual({ graph: null, answers: {} });
  });

  it('shows a lesson’s last results only to the name they were graded under, when the name picks the numbers', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-report-'));
    const call = start(dataDir);
    const lessons = (await loadPack(folderSource(BUILTIN_PACK_DIR))).lessons;
    // Lesson 1 declares variants: each name gets its own crash time, rate and seed.
    const withVariants = lessons.find((l) => l.lesson.id === 'any-instance')!;
    expect(withVariants.lesson.variants).toBeDefined();
    const load = (lessonId: string, student?: string) => start(dataDir)<Loaded>('lessons:loadWork', { packId: PACK, lessonId, ...(student !== undefined ? { student } : {}) });

    const ana = await call<{ report: GradeReport }>('lessons:grade', { packId: PACK, lessonId: 'any-instance', graph: withVariants.starter, student: 'Ana' });
    const asAna = await load('any-instance', 'Ana');
    expect(asAna.lastGrade?.report).toEqual(ana.report);
    expect(asAna.lastGrade?.student).toBe('Ana');
    expect(asAna.lastGradeUnderOtherName).toBeUndefined();
    // Renamed since: no results, only whose they were and when.
    for (const now of ['Bo', '', undefined]) {
      const renamed = await load('any-instance', now);
      expect(renamed.lastGrade, `as ${JSON.stringify(now)}`).toBeUndefined();
      expect(renamed.lastGradeUnderOtherName).toEqual({ student: 'Ana', gradedAtMs: asAna.lastGrade!.gradedAtMs });
      // The design and the answers are the student's whatever their name.
      expect(renamed.answers).toEqual(asAna.answers);
    }

    // Checked without a name: shown without one, not to "Ana".
    await call('lessons:grade', { packId: PACK, lessonId: 'any-instance', graph: withVariants.starter });
    expect((await load('any-instance')).lastGrade).toBeDefined();
    expect((await load('any-instance', '')).lastGrade).toBeDefined();
    expect((await load('any-instance', 'Ana')).lastGradeUnderOtherName?.student).toBe('');

    // A lesson without variants gives every name the same numbers: its results show whatever the name.
    const noVariants = lessons.find((l) => l.lesson.id === 'session-state')!;
    expect(noVariants.lesson.variants).toBeUndefined();
    await call('lessons:grade', { packId: PACK, lessonId: 'session-state', graph: noVariants.starter, student: 'Ana' });
    expect((await load('session-state', 'Bo')).lastGrade?.student).toBe('Ana');

    // A report file from before names were kept (version 1): on a lesson with variants, whose it was is unknown, so it is not shown.
    const file = path.join(dataDir, 'lessons-work', PACK, 'any-instance.report.json');
    const kept = (await load('any-instance')).lastGrade!;
    writeFileSync(file, JSON.stringify({ format: 'statelab.lessonReport', version: 1, gradedAtMs: kept.gradedAtMs, report: kept.report, graded: kept.graded }));
    const old = await load('any-instance', 'Ana');
    expect(old.lastGrade).toBeUndefined();
    expect(old.lastGradeUnderOtherName).toBeUndefined();
  });
});
