// The instructor layer and variants in the pack validator (issue 13 items 4 and 5): each test
// breaks one thing and expects one message naming the file, the lesson and the field.
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { loadDocument } from '../../../src/shared/document';
import { LESSON_VERSION, lessonSpec } from '../../../src/shared/lesson';
import { checkErrorText, reportNotes } from '../../../src/shared/i18n/reportText';
import { SUBMISSION_VERSION, submissionSpec } from '../../../src/shared/submission';
import { goodLesson, goodManifest, goodPack, writePack, type PackFiles } from './fixtures';

const LESSON = 'lessons/session-state.lesson.json';
const problemsOf = async (files: PackFiles) => (await validatePack(folderSource(writePack(files)))).problems.map(formatProblem);
const withLesson = (change: (lesson: Record<string, unknown>) => void): PackFiles => {
  const lesson = goodLesson();
  change(lesson);
  return { ...goodPack(), [LESSON]: lesson };
};
const both = (en: string, zh: string) => ({ en, 'zh-CN': zh });
const variants = (sets: string[], range: { min: number; max: number; step: number } = { min: 20_000, max: 40_000, step: 1000 }) => ({
  parameters: [{ id: 'crashAtMs', label: both('Crash at', '崩溃时间'), ...range, unit: 'ms', sets }],
});
/** A second lesson file in the same pack, to name as a prerequisite. */
const twoLessons = (first: (l: Record<string, unknown>) => void, second: (l: Record<string, unknown>) => void): PackFiles => {
  const a = goodLesson();
  const b = { ...goodLesson(), id: 'second' };
  first(a);
  second(b);
  return { ...goodPack(), 'pack.json': { ...goodManifest(), lessons: [LESSON, 'lessons/second.lesson.json'] }, [LESSON]: a, 'lessons/second.lesson.json': b };
};

describe('the instructor layer', () => {
  it('accepts every field, in both languages', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        l.estimatedMinutes = 20;
        l.difficulty = 'beginner';
        l.notesSection = { number: 15, title: both('Sessions', '会话'), summary: both('Where sessions live.', '会话放在哪里。') };
        l.debrief = both('Well done.', '做得好。');
        l.instructorNotes = both('Watch for sticky sessions.', '留意粘性会话。');
        l.predictions = [{ id: 'guess', question: both('Lost?', '会丢吗？'), choices: [{ id: 'a', text: both('Yes', '会'), min: 1 }, { id: 'b', text: both('No', '不会'), max: 1 }], measure: { metric: 'sessionsLost', window: { from: 'fault:crash', to: 'end' } } }];
        l.variants = variants(['scenario.faults[id=crash].atMs', 'starter.nodes[id=users].props.rps']);
      }),
    );
    expect(problems).toEqual([]);
  });

  it('names a prerequisite that is not a lesson of the pack', async () => {
    expect(await problemsOf(withLesson((l) => (l.prerequisites = ['no-such-lesson'])))).toEqual([
      `${LESSON}: prerequisites[0]: unknown lesson "no-such-lesson" in the prerequisites of lesson "session-state": expected one of session-state`,
    ]);
  });

  it('names prerequisites that go round in a circle, and a lesson naming itself', async () => {
    const circle = await problemsOf(
      twoLessons(
        (a) => (a.prerequisites = ['second']),
        (b) => (b.prerequisites = ['session-state']),
      ),
    );
    expect(circle).toHaveLength(1);
    expect(circle[0]).toMatch(/^lessons\/(session-state|second)\.lesson\.json: prerequisites\[0\]: lesson "(session-state|second)": the prerequisites go round in a circle \((session-state|second) → (session-state|second) → (session-state|second)\)$/);
    expect(await problemsOf(withLesson((l) => (l.prerequisites = ['session-state'])))).toEqual([`${LESSON}: prerequisites[0]: lesson "session-state" names itself as a prerequisite`]);
    // A chain is fine.
    expect(await problemsOf(twoLessons(() => undefined, (b) => (b.prerequisites = ['session-state'])))).toEqual([]);
  });

  it('asks for every locale the pack lists, naming the lesson and the field', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        l.debrief = { en: 'Well done.' };
        l.notesSection = { number: 15, title: both('Sessions', '会话'), summary: { en: 'Where sessions live.', 'zh-CN': ' ' } };
      }),
    );
    expect(problems).toEqual([
      `${LESSON}: notesSection.summary.zh-CN: lesson "session-state": Course notes section › Summary has no zh-CN text (the pack lists the locales en, zh-CN)`,
      `${LESSON}: debrief.zh-CN: lesson "session-state": Debrief has no zh-CN text (the pack lists the locales en, zh-CN)`,
    ]);
    // A pack written in English only needs English.
    const englishOnly = withLesson((l) => (l.debrief = { en: 'Well done.' }));
    englishOnly['pack.json'] = { ...goodManifest(), locales: ['en'] };
    expect(await problemsOf(englishOnly)).toEqual([]);
  });

  it('refuses a prediction whose id a check already has, or whose window names no fault', async () => {
    const prediction = (id: string, window: unknown) => ({ id, question: both('?', '？'), choices: [{ id: 'a', text: both('A', '甲') }, { id: 'b', text: both('B', '乙') }], measure: { metric: 'failed', window } });
    expect(await problemsOf(withLesson((l) => (l.predictions = [prediction('no-lost-sessions', { after: 'crash' })])))).toEqual([
      `${LESSON}: predictions[0].id: duplicate id "no-lost-sessions": a check or prediction already has it`,
    ]);
    expect(await problemsOf(withLesson((l) => (l.predictions = [prediction('guess', { after: 'boom' })])))).toEqual([
      `${LESSON}: predictions[0].measure.window: window names fault "boom", which the scenario does not schedule (its faults: "crash")`,
    ]);
  });
});

describe('variants', () => {
  it('names a path that leads nowhere, and a starter path on a node the lesson does not lock', async () => {
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['scenario.faults[id=crsh].atMs']))))).toEqual([
      `${LESSON}: variants.parameters[0].sets[0]: lesson "session-state": Scenario › Fault “crsh” › Time is no number a range can set: Scenario › Fault “crsh” does not exist`,
    ]);
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['scenario.faults[id=crash].atMz']))))).toEqual([
      `${LESSON}: variants.parameters[0].sets[0]: lesson "session-state": Scenario › Fault “crash” › “atMz” is no number a range can set: Scenario › Fault “crash” › “atMz” is not set: a variant can only change an existing number`,
    ]);
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['starter.nodes[id=api-1].props.workers']))))).toEqual([
      `${LESSON}: variants.parameters[0].sets[0]: lesson "session-state": Starter › Node “api-1” › Workers sets node "api-1", which the lesson does not lock: grading could not hold the student's value`,
    ]);
    // A setting the node's kind does not have keeps its key: there is no label to name it by.
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['starter.nodes[id=api-1].props.maxConcurrent']))))).toEqual([
      `${LESSON}: variants.parameters[0].sets[0]: lesson "session-state": Starter › Node “api-1” › setting “maxConcurrent” sets node "api-1", which the lesson does not lock: grading could not hold the student's value`,
      `${LESSON}: variants.parameters[0].sets[0]: lesson "session-state": Starter › Node “api-1” › setting “maxConcurrent” is no number a range can set: Starter › Node “api-1” › setting “maxConcurrent” is not set: a variant can only change an existing number`,
    ]);
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['graph.nodes[0].x']))))).toEqual([
      `${LESSON}: variants.parameters[0].sets[0]: expected "scenario.<path>" or "starter.<path>", e.g. "scenario.faults[id=crash].atMs" or "starter.nodes[id=users].props.rps"`,
    ]);
  });

  it('refuses a range whose end makes the lesson invalid, or whose max is below its min', async () => {
    const late = await problemsOf(withLesson((l) => (l.variants = variants(['scenario.faults[id=crash].atMs'], { min: 30_000, max: 61_000, step: 1000 }))));
    // At 61 s the crash is after the 60 s run: the windows anchored at it are empty.
    expect(late.every((p) => p.startsWith(`${LESSON}: checks[`) && p.includes("at every variant parameter's max"))).toBe(true);
    expect(late.length).toBeGreaterThan(0);
    const rate = await problemsOf(withLesson((l) => (l.variants = variants(['starter.nodes[id=users].props.rps'], { min: 100, max: 2_000_000, step: 100_000 }))));
    expect(rate).toEqual(
      ['starter', 'reference'].map((graph) => `${LESSON}: variants: lesson "session-state": at every parameter's max, the ${graph}'s node "users" is invalid: Rate: too large: at most 1,000,000`),
    );
    expect(await problemsOf(withLesson((l) => (l.variants = variants(['scenario.faults[id=crash].atMs'], { min: 5000, max: 1000, step: 1000 }))))).toEqual([
      `${LESSON}: variants.parameters[0].max: expected max (1,000) to be at least min (5,000)`,
    ]);
  });
});

describe('lesson versions', () => {
  it('migrates a version 1 lesson to the current version unchanged, and refuses a newer one', () => {
    const v1 = goodLesson();
    expect(v1.version).toBe(1);
    const migrated = loadDocument(v1, lessonSpec);
    expect(LESSON_VERSION).toBe(2);
    expect(migrated.version).toBe(LESSON_VERSION);
    // The new fields take their defaults; everything the author wrote is kept.
    expect(migrated.prerequisites).toEqual([]);
    expect(migrated.predictions).toEqual([]);
    expect(migrated.checks.map((c) => c.id)).toEqual((v1.checks as { id: string }[]).map((c) => c.id));
    expect(() => loadDocument({ ...v1, version: LESSON_VERSION + 1 }, lessonSpec)).toThrow(/newer StateLab \(version 3; this app reads up to 2\)/);
  });

  it('reads a version 1 submission (no variant) as the current version, and refuses a newer one', () => {
    const v1 = {
      format: 'statelab.submission',
      version: 1,
      packId: 'sessions',
      packVersion: '1.0.0',
      lessonId: 'session-state',
      seed: 42,
      appVersion: '0.1.0',
      savedAt: '2026-03-01T10:00:00Z',
      graph: { format: 'statelab.graph', version: 1, nodes: [], edges: [] },
      answers: {},
    };
    const migrated = loadDocument(v1, submissionSpec);
    expect(migrated.version).toBe(SUBMISSION_VERSION);
    expect(migrated.variant).toBeUndefined();
    expect(() => loadDocument({ ...v1, version: SUBMISSION_VERSION + 1 }, submissionSpec)).toThrow(/newer StateLab/);
  });
});

describe('submission version 2 → 3 (keys for the grade notes and check errors)', () => {
  const grade = {
    packId: 'sessions', packVersion: '1.0.0', lessonId: 'session-state', appVersion: '0.1.0', seed: 42, traceHash: 'h', score: 0, maxScore: 1,
    checks: [{ id: 'q', type: 'quiz', title: { en: 'Q' }, passed: false, points: 0, maxPoints: 1, measured: 'a', bound: null, error: 'the answer names no metric' }],
    notes: ['Locked node "api" was changed; graded with the lesson\'s settings for it.'],
  };
  const v2 = {
    format: 'statelab.submission', version: 2, packId: 'sessions', packVersion: '1.0.0', lessonId: 'session-state', seed: 42, appVersion: '0.1.0',
    savedAt: '2026-03-01T10:00:00Z', graph: { format: 'statelab.graph', version: 1, nodes: [], edges: [] }, answers: {}, grade,
  };
  it('reads a version 2 submission unchanged, its English notes and errors shown as they are', () => {
    const migrated = loadDocument(structuredClone(v2), submissionSpec);
    expect(migrated.version).toBe(3);
    expect(migrated.grade).toEqual(grade);
    expect(reportNotes(migrated.grade!, 'zh-CN')).toEqual(grade.notes);
    expect(checkErrorText(migrated.grade!.checks[0]!, 'zh-CN')).toBe('the answer names no metric');
  });
  it('takes a version 3 grade with keys, and refuses a newer version with a clear message', () => {
    const keyed = { ...grade, noteKeys: [{ key: 'frame.lockedChanged', params: { node: 'api' } }], checks: [{ ...grade.checks[0]!, errorKeys: [{ key: 'quiz.noMetric' }] }] };
    const v3 = loadDocument({ ...v2, version: 3, grade: keyed }, submissionSpec);
    expect(reportNotes(v3.grade!, 'zh-CN')).toEqual(['锁定节点“api”被改动过；评分时使用了课程对它的设置。']);
    expect(checkErrorText(v3.grade!.checks[0]!, 'zh-CN')).toBe('答案没有指定指标');
    expect(() => loadDocument({ ...v2, version: 4 }, submissionSpec)).toThrow(/newer StateLab/);
    // A malformed key entry is a schema problem naming where, not a crash.
    expect(() => loadDocument({ ...v2, version: 3, grade: { ...grade, noteKeys: [{ key: '' }] } }, submissionSpec)).toThrow(/noteKeys/);
  });
});
