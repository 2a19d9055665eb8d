/**
 * Grade report notes and check errors carry keys next to their English, so a student reading in
 * zh-CN sees Chinese; reports without keys (older submissions) keep showing their English.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { holdFrame } from '../../../src/main/grading/frame';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import { GradeReportSchema } from '../../../src/shared/gradeReport';
import type { Graph, GraphNode, NodeKind } from '../../../src/shared/graph';
import { englishGrade, gradeMessage, gradeText } from '../../../src/shared/i18n/gradeTexts';
import { checkErrorText, reportNotes } from '../../../src/shared/i18n/reportText';
import { LESSON_VERSION, LessonSchema } from '../../../src/shared/lesson';
import { describeVariant, englishNote, variantMessage } from '../../../src/main/grading/variant';
import { createSubmission, regradeSubmission } from '../../../src/main/grading/submission';
import { variantParamFormat, variantValuesText } from '../../../src/shared/i18n/variantText';

const BUILTIN = path.resolve(__dirname, '../../../lessons/stateless-vs-stateful');
const HAN = /\p{Script=Han}/u;
/** Latin words other than node ids, kinds and the ids quoted in a note: English left in a Chinese sentence. */
const englishWords = (text: string, allowed: readonly string[]) =>
  allowed.reduce((rest, word) => rest.replaceAll(word, ''), text).match(/[A-Za-z]{3,}/g) ?? [];

const node = (id: string, kind: NodeKind, props: Record<string, unknown> = {}): GraphNode => ({ id, kind, label: id, position: { x: 0, y: 0 }, props });
const graphOf = (nodes: GraphNode[]): Graph => ({ format: 'statelab.graph', version: 1, nodes, edges: [] });
const lesson = LessonSchema.parse({ format: 'statelab.lesson', version: LESSON_VERSION, id: 'l', title: { en: 'L' }, starter: 'g.json', scenario: { seed: 1, durationMs: 1000 }, locked: ['api'], palette: ['service', 'database'] });
const starter = graphOf([node('users', 'client', { rps: 600 }), node('api', 'service'), node('db', 'database')]);

describe('frame notes as keys', () => {
  it('an extra client: the note has a key whose English is the stored note and whose zh-CN is Chinese', () => {
    const framed = holdFrame(graphOf([...starter.nodes, node('bot-1', 'client'), node('bot-2', 'client')]), starter, lesson);
    expect(framed.notes).toEqual(['The lesson does not allow a second client; "bot-1" and "bot-2" were removed before grading, with their connections.']);
    expect(framed.noteKeys.map(englishGrade)).toEqual(framed.notes);
    const zh = reportNotes(framed, 'zh-CN');
    expect(zh).toEqual(['本课程不允许添加第二个客户端；评分前已移除 "bot-1" 和 "bot-2" 及其连线。']);
    expect(englishWords(zh[0]!, ['bot-1', 'bot-2'])).toEqual([]);
  });

  it('plural wording follows the count (one id: "was … its"; several: "were … their")', () => {
    const framed = holdFrame(graphOf([...starter.nodes, node('bot', 'client')]), starter, lesson);
    expect(framed.notes[0]).toMatch(/"bot" was removed before grading, with its connections\.$/);
    expect(englishGrade(gradeMessage('frame.more', { count: 1 }))).toBe('… and 1 more change like these.');
    expect(englishGrade(gradeMessage('frame.more', { count: 4 }))).toBe('… and 4 more changes like these.');
    expect(gradeText(gradeMessage('frame.more', { count: 4 }), 'zh-CN')).toBe('……另有 4 处类似的改动。');
  });

  it('every kind of frame note reads in Chinese', () => {
    const edited = graphOf([node('users', 'client', { rps: 5 }), node('api', 'service', { workers: 9 }), node('c', 'cache')]);
    const framed = holdFrame(edited, starter, lesson);
    expect(framed.noteKeys.map((k) => k.key).sort()).toEqual(['frame.clientProps', 'frame.lockedChanged', 'frame.removed'].sort());
    // db was deleted, but it is neither locked nor a client: nothing puts it back.
    for (const text of reportNotes(framed, 'zh-CN')) {
      expect(text).toMatch(HAN);
      expect(englishWords(text, ['users', 'api', 'rps', 'cache'])).toEqual([]);
    }
  });
});

describe('check errors as keys', () => {
  it('a removed fault target fails the run checks with an error that reads in Chinese', async () => {
    const pack = await loadPack(folderSource(BUILTIN));
    const { lesson: real, starter: realStarter } = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
    const target = real.scenario.faults[0]!.target;
    const graph = { ...realStarter, nodes: realStarter.nodes.filter((n) => n.id !== target), edges: realStarter.edges.filter((e) => e.source !== target && e.target !== target) };
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: real, graph, starter: realStarter }, simEngine);
    const check = report.checks.find((c) => c.type === 'metric')!;
    expect(check.errorKeys?.length).toBeGreaterThan(0);
    // Named as the starter's canvas showed it.
    const label = realStarter.nodes.find((n) => n.id === target)!.label;
    expect(check.error).toContain(`"${label}"`);
    const zh = checkErrorText(check, 'zh-CN')!;
    expect(zh).toContain(`“${label}”`);
    expect(zh).toContain('撤销');
    expect(englishWords(zh, [...label.split(' '), real.scenario.faults[0]!.action, 'Ctrl+Z'])).toEqual([]);
    expect(checkErrorText(check, 'en')).toBe(check.error);
    // The report with its keys is what a submission stores: the strict schema takes it.
    expect(GradeReportSchema.safeParse(report).success).toBe(true);
  });

  it('an unmeasured metric and a quiz without an answer metric read in Chinese', () => {
    expect(gradeText(gradeMessage('unmeasured.requestEnded'), 'zh-CN')).toBe('时间窗口内没有请求结束');
    expect(gradeText(gradeMessage('quiz.noChoice', { metric: 'errorRate' }), 'zh-CN')).toMatch(HAN);
  });
});

describe('re-grade notes as keys', () => {
  // Lesson 1's parameters, as the pack declares them: the note words each value by its label and unit.
  const parameters = [
    { id: 'crashAtMs', label: { en: 'API 2 crashes at', 'zh-CN': 'API 实例 2 崩溃时间' }, unit: 'ms' as const },
    { id: 'rps', label: { en: 'Request rate of the users', 'zh-CN': '用户请求速率' }, unit: 'rps' as const },
  ];
  const recorded = { values: { rps: 450, crashAtMs: 11_500 }, seed: 7 };
  const graded = { values: { rps: 650, crashAtMs: 12_000 }, seed: 123 };
  const note = gradeMessage('regrade.otherVariant', { recorded: variantMessage(recorded, parameters), graded: variantMessage(graded, parameters) });

  it('the variant note names each value by the lesson\'s label with its unit, in English (CLI and app) and in Chinese', () => {
    expect(describeVariant(graded)).toBe('crashAtMs 12000, rps 650, seed 123');
    expect(englishNote(note, parameters)).toBe(
      "The file records the variant API 2 crashes at: 11.5 s, Request rate of the users: 450 req/s, seed 7; the student's name gives API 2 crashes at: 12 s, Request rate of the users: 650 req/s, seed 123, which was graded.",
    );
    expect(reportNotes({ notes: ['(English)'], noteKeys: [note] }, 'en', variantParamFormat(parameters, 'en'))).toEqual([englishNote(note, parameters)]);
    const [zh] = reportNotes({ notes: ['(English)'], noteKeys: [note] }, 'zh-CN', variantParamFormat(parameters, 'zh-CN'));
    expect(zh).toBe('文件记录的变体是 API 实例 2 崩溃时间：11.5秒，用户请求速率：450 次/秒，种子 7；按学生姓名得到的是 API 实例 2 崩溃时间：12秒，用户请求速率：650 次/秒，种子 123，评分用的是后者。');
    expect(englishWords(zh!, ['API'])).toEqual([]);
  });

  it('re-grading a submission made under another name gives that note, worded from the pack\'s lesson', async () => {
    const pack = await loadPack(folderSource(BUILTIN));
    const listed = pack.lessons.find((l) => l.lesson.id === 'any-instance')!;
    const submission = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: listed.lesson, graph: listed.starter, savedAt: new Date(0), student: 'Ada' });
    const forged = { ...submission, variant: { ...submission.variant!, values: { ...submission.variant!.values, crashAtMs: 99_500 } } };
    const { notes, noteKeys } = regradeSubmission(forged, { manifest: pack.manifest, lessons: pack.lessons }, simEngine);
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('API 2 crashes at: 99.5 s');
    expect(notes[0]).not.toMatch(/crashAtMs|\brps\b/);
    const [zh] = reportNotes({ notes, noteKeys }, 'zh-CN', variantParamFormat(listed.lesson.variants!.parameters, 'zh-CN'));
    expect(zh).toContain('API 实例 2 崩溃时间：99.5秒');
    expect(englishWords(zh!, ['API'])).toEqual([]);
  });

  it('the studio verification words a sampled student\'s numbers the same way (its tooltip), not "crashAtMs 11500"', () => {
    expect(variantValuesText(parameters, { rps: 650, crashAtMs: 11_500 }, 'en')).toBe('API 2 crashes at: 11.5 s, Request rate of the users: 650 req/s');
    expect(variantValuesText(parameters, { rps: 650, crashAtMs: 11_500 }, 'zh-CN')).toBe('API 实例 2 崩溃时间：11.5秒、用户请求速率：650 次/秒');
  });

  it('a note from an older host (the values as one string) still reads as it was sent', () => {
    const old = gradeMessage('regrade.otherVariant', { recorded: gradeMessage('variant.values', { values: 'crashAtMs 11500, rps 450', seed: 7 }), graded: gradeMessage('variant.seedOnly', { seed: 1 }) });
    expect(reportNotes({ notes: ['x'], noteKeys: [old] }, 'zh-CN', variantParamFormat(parameters, 'zh-CN'))[0]).toBe('文件记录的变体是 crashAtMs 11500, rps 450，种子 7；按学生姓名得到的是种子 1，评分用的是后者。');
  });
});

describe('reports without keys (older submissions) and keys this app does not know', () => {
  const old = { notes: ['Locked node "api" was changed; graded with the lesson\'s settings for it.'] };
  it('show their stored English', () => {
    expect(reportNotes(old, 'zh-CN')).toEqual(old.notes);
    expect(checkErrorText({ error: 'the answer names no metric' }, 'zh-CN')).toBe('the answer names no metric');
    expect(reportNotes({ ...old, noteKeys: [{ key: 'frame.fromTheFuture' }] }, 'zh-CN')).toEqual(old.notes);
    expect(checkErrorText({ error: 'x', errorKeys: [{ key: 'nope' }] }, 'zh-CN')).toBe('x');
  });
});
