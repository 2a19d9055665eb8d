import { beforeAll, describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { createSubmission, loadSubmission, regradeSubmission } from '../../../src/main/grading/submission';
import { folderSource } from '../../../src/main/packs/source';
import { validatePack, type LoadedPack } from '../../../src/main/packs/validate';
import type { Submission } from '../../../src/shared/submission';
import { writePack } from '../../unit/packs/fixtures';
import { shortPack } from './lessonFixture';

let pack: LoadedPack;
beforeAll(async () => {
  pack = (await validatePack(folderSource(writePack(shortPack())))).pack!;
});

const submit = (graph: 'starter' | 'reference', withGrade = true): Submission => {
  const { lesson, starter, reference } = pack.lessons[0]!;
  const design = graph === 'starter' ? starter : reference!;
  const answers = { 'which-crashed': 'api-2' };
  const grade = withGrade ? gradeLesson({ packId: 'sessions', packVersion: '1.0.0', lesson, graph: design, answers }, simEngine).report : undefined;
  return createSubmission({ packId: 'sessions', packVersion: '1.0.0', lesson, graph: design, savedAt: new Date('2026-03-01T10:00:00Z'), student: ' Ada Lovelace ', answers, ...(grade ? { grade } : {}) });
};

describe('submissions', () => {
  it('round-trips through a file and re-grades to the same grade', () => {
    const text = JSON.stringify(submit('reference'));
    const loaded = loadSubmission(text, 'ada.statelab.json');
    expect(loaded).toMatchObject({ packId: 'sessions', lessonId: 'session-state', seed: 42, student: 'Ada Lovelace', savedAt: '2026-03-01T10:00:00.000Z' });
    const regrade = regradeSubmission(loaded, pack, simEngine);
    expect(regrade).toMatchObject({ storedMatched: true, differences: [], notes: [] });
    expect(regrade.report.score).toBe(regrade.report.maxScore);
  });

  it("compares a stored grade by its outcomes, not its trace hash: a file from an app whose hash covered less still matches, and another app version is noted", () => {
    // Trace hashes changed when they came to cover answers' statuses and the buckets' counters;
    // the runs did not. A grade stored before that carries the old hash, which no fresh run has.
    const older = submit('reference');
    const fresh = regradeSubmission(loadSubmission(JSON.stringify(older)), pack, simEngine).report;
    older.grade = { ...older.grade!, traceHash: '5b21d86ce4d404ef' };
    expect(fresh.traceHash).not.toBe(older.grade.traceHash);
    expect(regradeSubmission(loadSubmission(JSON.stringify(older)), pack, simEngine)).toMatchObject({ storedMatched: true, differences: [], notes: [] });
    const otherApp = { ...older, appVersion: '0.0.9' };
    const regrade = regradeSubmission(loadSubmission(JSON.stringify(otherApp)), pack, simEngine);
    expect(regrade).toMatchObject({ storedMatched: true, differences: [] });
    expect(regrade.notes).toEqual([expect.stringMatching(/0\.0\.9/)]);
  });

  it('never trusts the stored grade: an edited score is caught and the real grade given', () => {
    const forged = submit('starter');
    forged.grade = { ...forged.grade!, score: forged.grade!.maxScore, checks: forged.grade!.checks.map((c) => ({ ...c, passed: true, points: c.maxPoints })) };
    const regrade = regradeSubmission(loadSubmission(JSON.stringify(forged)), pack, simEngine);
    expect(regrade.storedMatched).toBe(false);
    expect(regrade.report.score).toBeLessThan(regrade.report.maxScore);
    expect(regrade.differences[0]).toMatch(/^score: the file says 6\/6, re-grading gives \d\/6$/);
    expect(regrade.differences).toContain('checks.no-lost-sessions: the file says passed (3 points), re-grading says failed (0 points)');
  });

  it('grades with the lesson seed, not one the file picked, and says so', () => {
    const lucky = { ...submit('starter', false), seed: 7 };
    const regrade = regradeSubmission(loadSubmission(JSON.stringify(lucky)), pack, simEngine);
    expect(regrade.storedMatched).toBeNull();
    expect(regrade.report.seed).toBe(42);
    expect(regrade.notes).toEqual(["The file names seed 7; graded with the lesson's seed 42."]);
  });

  it('refuses malformed files with the JSON path and what was expected', () => {
    const good = submit('reference', false) as unknown as Record<string, unknown>;
    expect(() => loadSubmission(JSON.stringify({ ...good, seed: 'x' }))).toThrow('seed: Invalid input: expected number, received string');
    expect(() => loadSubmission(JSON.stringify({ ...good, graph: { ...(good.graph as object), nodes: 'none' } }))).toThrow('graph.nodes: Invalid input: expected array, received string');
    expect(() => loadSubmission('{"format":"statelab.submission","version":1,"__proto__":{"x":1}}', 'bad.json')).toThrow('The file "bad.json" contains the key "__proto__"');
    expect(() => loadSubmission(JSON.stringify({ ...good, student: 7 }), 'ada.json')).toThrow('ada.json: The submission has problems:\nstudent: Invalid input: expected string, received number');
    expect(() => loadSubmission('{"format":"statelab.lesson","version":1}')).toThrow('This is not a StateLab submission: format: expected "statelab.submission", found "statelab.lesson".');
    expect(() => regradeSubmission({ ...(good as unknown as Submission), lessonId: 'other' }, pack, simEngine)).toThrow('lessonId: the pack "sessions" has no lesson "other" (it has "session-state").');
  });
});
