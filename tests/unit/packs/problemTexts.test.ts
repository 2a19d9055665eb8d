/**
 * The pack validator's problems in the instructor's language: each is a key of PACK_TEXTS with its
 * parameters, so the studio and a refused pack read in 简体中文 while the CLI keeps the English
 * (made from the same entry). Each still names the lesson and the place.
 */
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack, validatePack, type Problem } from '../../../src/main/packs/validate';
import { ERROR_TEXTS, errorTextIn, packProblemText, problemLine } from '../../../src/shared/i18n/errorTexts';
import { PACK_TEXTS } from '../../../src/shared/i18n/packTexts';
import { loadDocument } from '../../../src/shared/document';
import { graphSpec } from '../../../src/shared/graph';
import { DocumentError } from '../../../src/shared/json';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCatalogue } from '../../../src/main/host/lessons/catalogue';
import { draftFromPack, exportDraft, listDrafts, readDraft, validateDraft, writeDraft } from '../../../src/main/packs/studioDraft';
import { goodGraph, goodLesson, goodManifest, goodPack, writePack, type PackFiles } from './fixtures';

const LESSON = 'lessons/session-state.lesson.json';
const HAN = /\p{Script=Han}/u;
const withLesson = (change: (lesson: Record<string, unknown>) => void): PackFiles => {
  const lesson = goodLesson();
  change(lesson);
  return { ...goodPack(), [LESSON]: lesson };
};
const problemsOf = async (files: PackFiles): Promise<Problem[]> => (await validatePack(folderSource(writePack(files)))).problems;
const inBoth = (p: Problem) => ({ where: `${p.file}: ${p.path}`, en: packProblemText(p, 'en'), zh: packProblemText(p, 'zh-CN') });

/** Problems the validator finds across references (a check's node, a window's fault, a fault's target, prerequisites, a missing translation). */
const crossRefProblems = (l: Record<string, unknown>) => {
  const checks = l.checks as Record<string, unknown>[];
  checks[0]!.node = 'api-9';
  checks[1]!.window = { from: 'fault:crash-api-3+5000', to: 'end' };
  (l.scenario as { faults: Record<string, unknown>[] }).faults.push({ atMs: 40_000, action: 'slow', target: 'api-7' });
  l.prerequisites = ['session-state', 'no-such-lesson'];
  l.debrief = { en: 'Well done.' };
};

/** A lesson with one of each kind of problem the validator words itself, and two of zod's. */
const broken = withLesson((l) => {
  crossRefProblems(l);
  l.estimatedMinutes = 'ten';
  l.locked = [...(l.locked as string[]), 'x'.repeat(10)];
});

describe('pack problems in both languages', () => {
  it('every problem of a broken lesson has a key of PACK_TEXTS, its English the CLI line and its Chinese naming the lesson and place', async () => {
    const problems = await problemsOf(broken);
    const rows = problems.map(inBoth);
    expect(rows).toEqual([
      { where: `${LESSON}: estimatedMinutes`, en: 'expected a number, found a string', zh: '应为数字，实际为字符串' },
    ]);
    // The schema problem stops the lesson there; the rest need a lesson that parses.
    const rest = (await problemsOf(withLesson(crossRefProblems))).map(inBoth);
    const known = 'api-1, api-2, api-3, db, lb, sessions, users';
    expect(rest).toEqual([
      { where: `${LESSON}: scenario.faults[1].target`, en: `unknown node "api-7": expected a node of the starter or reference graph (${known})`, zh: `未知节点“api-7”：应为初始设计图或参考设计图中的节点（${known}）` },
      { where: `${LESSON}: checks[0].node`, en: `unknown node "api-9": expected a node of the starter or reference graph (${known})`, zh: `未知节点“api-9”：应为初始设计图或参考设计图中的节点（${known}）` },
      { where: `${LESSON}: checks[1].window`, en: 'window names fault "crash-api-3+5000", which the scenario does not schedule (its faults: "crash", "slow-1")', zh: '时间窗口引用了故障“crash-api-3+5000”，但场景中没有安排它（场景中的故障："crash", "slow-1"）' },
      { where: `${LESSON}: debrief.zh-CN`, en: 'lesson "session-state": Debrief has no zh-CN text (the pack lists the locales en, zh-CN)', zh: '课程“session-state”：课后总结缺少 zh-CN 文本（课程包列出的语言为 en, zh-CN）' },
      { where: `${LESSON}: prerequisites[0]`, en: 'lesson "session-state" names itself as a prerequisite', zh: '课程“session-state”把自己列为先修课程' },
      { where: `${LESSON}: prerequisites[1]`, en: 'unknown lesson "no-such-lesson" in the prerequisites of lesson "session-state": expected one of session-state', zh: '课程“session-state”的先修课程中有未知课程“no-such-lesson”：应为 session-state 之一' },
    ]);
    // The CLI's English is the table's English, word for word.
    for (const p of await problemsOf(broken)) expect(p.message === packProblemText(p, 'en') || p.zod !== undefined).toBe(true);
  });

  it('a problem inside a wrong answer nests its edit problem, and a missing file says so in Chinese', async () => {
    const wrong = await problemsOf(
      withLesson((l) => {
        l.wrongAnswers = [{ id: 'no-store', name: { en: 'No store', 'zh-CN': '没有存储' }, edit: { removeNodes: ['ghost'] }, fails: [(l.checks as { id: string }[])[0]!.id] }];
      }),
    );
    const edit = wrong.find((p) => p.path.startsWith('wrongAnswers[0].edit'));
    expect(edit && inBoth(edit)).toMatchObject({
      en: expect.stringMatching(/^wrong answer "no-store" of lesson "session-state": unknown node "ghost": expected a node of the starter graph/),
      zh: expect.stringMatching(/^课程“session-state”的常见错误答案“no-store”：未知节点“ghost”：应为初始设计图中的节点/),
    });
    const files = goodPack();
    delete files[LESSON];
    const missing = await problemsOf(files);
    expect(missing.map(inBoth)).toEqual([{ where: 'pack.json: lessons[0]', en: `no file "${LESSON}" in the pack`, zh: `课程包中没有文件“${LESSON}”` }]);
  });

  it('a problem our own schemas word (a duplicate id, a second check with one id) reads in Chinese too', async () => {
    const graph = goodGraph() as { nodes: { id: string }[] };
    graph.nodes[1]!.id = graph.nodes[0]!.id;
    const dup = await problemsOf({ ...goodPack(), 'graphs/session-state.starter.json': graph });
    const node = dup.find((p) => p.path === 'nodes[1].id');
    expect(node && inBoth(node)).toEqual({ where: 'graphs/session-state.starter.json: nodes[1].id', en: `duplicate node id "${graph.nodes[0]!.id}"`, zh: `节点 ID“${graph.nodes[0]!.id}”重复` });
    expect(node?.message).toBe(`duplicate node id "${graph.nodes[0]!.id}"`);
    const checks = await problemsOf(withLesson((l) => ((l.checks as { id: string }[])[1]!.id = (l.checks as { id: string }[])[0]!.id)));
    expect(checks.map((p) => packProblemText(p, 'zh-CN'))).toEqual([expect.stringMatching(/^检查项 ID“.+”重复$/)]);
  });

  it('opening a design whose problem our schema words (a duplicate node id) says it in Chinese too, the English kept', () => {
    const graph = goodGraph() as { nodes: { id: string }[] };
    graph.nodes[1]!.id = graph.nodes[0]!.id;
    const error = (() => {
      try {
        loadDocument(graph, graphSpec);
      } catch (e) {
        return e as DocumentError;
      }
      throw new Error('expected the graph to be refused');
    })();
    expect(error.message).toContain(`nodes[1].id: duplicate node id "${graph.nodes[0]!.id}"`);
    expect(errorTextIn(error.text, error.issues, 'zh-CN')).toContain(`nodes[1].id：节点 ID“${graph.nodes[0]!.id}”重复`);
  });

  it('a file that is not JSON keeps the reader’s own message, in either language', async () => {
    const files: PackFiles = { ...goodPack(), [LESSON]: '{ "format": ' };
    const [problem] = await problemsOf(files);
    expect(problem?.path).toBe('(document root)');
    expect(packProblemText(problem!, 'en')).toMatch(/is not valid JSON/);
    expect(packProblemText(problem!, 'zh-CN')).toMatch(/不是有效的 JSON/);
    expect(problemLine({ path: `${problem!.file}: ${problem!.path}`, message: problem!.message, text: problem!.text }, 'zh-CN')).toMatch(/^lessons\/session-state\.lesson\.json: （文档根）：/);
  });

  it('opening a broken pack lists its problems in the app’s language, the English kept for the log', async () => {
    const dir = writePack(withLesson((l) => ((l.checks as Record<string, unknown>[])[0]!.node = 'api-9')));
    const error = await loadPack(folderSource(dir)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    const { text, issues, message } = error as DocumentError;
    expect(message).toContain(`${LESSON}: checks[0].node: unknown node "api-9"`);
    const zh = errorTextIn(text, issues, 'zh-CN');
    expect(zh).toContain(`${LESSON}: checks[0].node：未知节点“api-9”：应为初始设计图或参考设计图中的节点`);
    expect(zh).not.toMatch(/unknown|expected/);
  });

  it('an installed pack that no longer loads lists its problems, and opening it says them, in the app’s language', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const manifest = { ...goodManifest(), id: 'broken-course' };
    writePack({ ...withLesson((l) => ((l.checks as Record<string, unknown>[])[0]!.node = 'api-9')), 'pack.json': manifest }, path.join(dataDir, 'packs', 'broken-course'));
    const catalogue = createCatalogue([], dataDir);
    const [entry] = await catalogue.list();
    expect(entry?.error).toContain('unknown node "api-9"');
    expect(entry?.problems?.map((p) => problemLine(p, 'zh-CN'))).toEqual([expect.stringMatching(/^lessons\/session-state\.lesson\.json: checks\[0\]\.node：未知节点“api-9”/)]);
    const error = await catalogue.pack('broken-course').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect(errorTextIn((error as DocumentError).text, (error as DocumentError).issues, 'zh-CN')).toMatch(/^课程包“broken-course”无法加载：\n.*未知节点“api-9”/);
  });

  it('a draft the studio cannot export yet says why in the author’s language, each problem with its file and path', async () => {
    const pack = await loadPack(folderSource(writePack(goodPack())));
    const draft = draftFromPack(pack, 'my-draft');
    (draft.lessons[0]!.lesson as { checks: Record<string, unknown>[] }).checks[0]!.node = 'api-9';
    expect((await validateDraft(draft)).problems.map((p) => packProblemText(p, 'zh-CN'))).toEqual([expect.stringMatching(/^未知节点“api-9”/)]);
    const error = await exportDraft(draft).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    expect((error as DocumentError).message).toMatch(/^The pack cannot be exported yet:\n.*checks\[0\]\.node: unknown node "api-9"/);
    expect(errorTextIn((error as DocumentError).text, (error as DocumentError).issues, 'zh-CN')).toMatch(/^课程包暂时还不能导出：\n.*checks\[0\]\.node：未知节点“api-9”/);
  });

  it('an installed pack without pack.json is named in the app’s language, its English for the log as before', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const files = withLesson(() => {});
    delete files['pack.json'];
    writePack(files, path.join(dataDir, 'packs', 'lost-course'));
    const [entry] = await createCatalogue([], dataDir).list();
    expect(entry?.error).toBe('pack.json: (document root): no pack.json in the installed pack "lost-course": not a lesson pack');
    expect(entry?.problems?.map((p) => problemLine(p, 'zh-CN'))).toEqual(['pack.json: （文档根）：已安装的课程包“lost-course” 中没有 pack.json：这不是课程包']);
  });

  it('a draft whose stored file no longer fits the schema says why in our words, in English and in Chinese, not zod’s', async () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-data-'));
    const pack = await loadPack(folderSource(writePack(goodPack())));
    const draft = draftFromPack(pack, 'my-draft');
    await writeDraft(dataDir, { ...draft, packVersion: 7 } as unknown as typeof draft);
    const error = await readDraft(dataDir, 'my-draft').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(DocumentError);
    const { text, issues } = error as DocumentError;
    const en = errorTextIn(text, issues, 'en');
    expect(en).toBe('The draft "my-draft" in the data folder does not load:\npackVersion: expected a string, found a number');
    const zh = errorTextIn(text, issues, 'zh-CN');
    expect(zh).toBe('数据文件夹中的草稿“my-draft”无法加载：\npackVersion：应为字符串，实际为数字');
    expect(zh).not.toMatch(/Invalid|expected|received/);
    // Still listed (opening it says why), and a new draft with its id does not overwrite it.
    expect(await listDrafts(dataDir)).toEqual([{ id: 'my-draft', title: { en: 'my-draft' }, lessons: 0, doesNotLoad: true }]);
  });

  it('the table has no key of ERROR_TEXTS (they fill nested messages together) and every sentence is in both languages', () => {
    expect(Object.keys(PACK_TEXTS).filter((k) => Object.hasOwn(ERROR_TEXTS, k))).toEqual([]);
    const entries = Object.entries(PACK_TEXTS) as [string, { en: string; 'zh-CN': string }][];
    expect(entries.filter(([, t]) => t.en.trim() === '' || t['zh-CN'].trim() === '').map(([k]) => k)).toEqual([]);
    // Only a frame of punctuation around its placeholders may have no Chinese word ("{{a}} › {{b}}", “{{key}}”).
    const isFrame = (text: string) => text.replace(/\{\{\w+\}\}/g, '').replace(/[\s“”›]/g, '') === '';
    expect(entries.filter(([, t]) => !isFrame(t['zh-CN']) && !HAN.test(t['zh-CN'])).map(([k]) => k)).toEqual([]);
  });
});

describe('a problem’s sentence names fields in words, the JSON path beside it', () => {
  /** What a JSON path looks like inside a sentence: "choices[1]", "[id=crash]", "faults.0", "a.b.c". */
  const JSON_PATH = /\w\[\d+\]|\[id=|\w\.\d|\w\.\w+\.\w/;
  const ranges = (sets: string[], max: number) => ({ parameters: [{ id: 'p', label: { en: 'P', 'zh-CN': '甲' }, min: 100, max, step: 100, unit: 'ms', sets }] });

  it('a missing translation, a range setting nothing and a range end that breaks a node read in the studio’s words, in both languages', async () => {
    const missing = await problemsOf(
      withLesson((l) => {
        l.predictions = [{ id: 'guess', question: { en: '?', 'zh-CN': '？' }, choices: [{ id: 'a', text: { en: 'A', 'zh-CN': '甲' } }, { id: 'b', text: { en: 'B' } }], measure: { metric: 'failed', window: { before: 'crash' } } }];
      }),
    );
    expect(missing.map(inBoth)).toEqual([
      { where: `${LESSON}: predictions[0].choices[1].text.zh-CN`, en: 'lesson "session-state": Prediction 1 › Choice 2 has no zh-CN text (the pack lists the locales en, zh-CN)', zh: '课程“session-state”：预测 1 › 选项 2缺少 zh-CN 文本（课程包列出的语言为 en, zh-CN）' },
    ]);
    const nowhere = await problemsOf(withLesson((l) => (l.variants = ranges(['scenario.faults[id=crsh].atMs'], 1000))));
    expect(nowhere.map(inBoth)).toEqual([
      {
        where: `${LESSON}: variants.parameters[0].sets[0]`,
        en: 'lesson "session-state": Scenario › Fault “crsh” › Time is no number a range can set: Scenario › Fault “crsh” does not exist',
        zh: '课程“session-state”：场景 › 故障“crsh” › 时间不是取值范围可以设置的数字：场景 › 故障“crsh”不存在',
      },
    ]);
    const tooLarge = await problemsOf(withLesson((l) => (l.variants = ranges(['starter.nodes[id=users].props.rps'], 2_000_000))));
    expect(tooLarge.length).toBe(2);
    expect(inBoth(tooLarge[0]!).en).toBe('lesson "session-state": at every parameter\'s max, the starter\'s node "users" is invalid: Rate: too large: at most 1,000,000');
    expect(inBoth(tooLarge[0]!).zh).toBe('课程“session-state”：所有参数取最大值时，初始设计中的节点“users”无效：速率：过大：最大为 1,000,000');
    // A range on a nested setting of a node the lesson does not lock: named by the properties panel's labels, in both languages.
    const unset = await problemsOf(withLesson((l) => (l.variants = ranges(['starter.nodes[id=lb].props.healthCheck.intervalMs'], 1000))));
    expect(unset.map(inBoth)).toEqual([
      {
        where: `${LESSON}: variants.parameters[0].sets[0]`,
        en: 'lesson "session-state": Starter › Node “lb” › Health check › Interval sets node "lb", which the lesson does not lock: grading could not hold the student\'s value',
        zh: '课程“session-state”：初始设计 › 节点“lb” › 健康检查 › 间隔设置的节点“lb”没有被课程锁定：评分无法保持学生的数值',
      },
    ]);
    for (const p of [...missing, ...nowhere, ...tooLarge, ...unset]) {
      // The sentence reads without a JSON path in either language; the path stays the problem's place (CLI line, --json, tooltip).
      expect(packProblemText(p, 'en')).not.toMatch(JSON_PATH);
      expect(packProblemText(p, 'zh-CN')).not.toMatch(JSON_PATH);
      expect(p.message).toBe(packProblemText(p, 'en'));
      expect(p.path).not.toBe('');
    }
  });
});

describe('our schemas’ own words for a shape or a format', () => {
  it('an unknown metric, a window of no known shape and an id with spaces read in Chinese, the CLI’s English unchanged', async () => {
    const problems = await problemsOf(
      withLesson((l) => {
        const checks = l.checks as Record<string, unknown>[];
        checks[0]!.metric = 'sessionLost';
        checks[1]!.window = { since: 'crash' };
        checks[2]!.id = 'has spaces';
      }),
    );
    const byPath = Object.fromEntries(problems.map((p) => [p.path, { en: p.message, zh: packProblemText(p, 'zh-CN') }]));
    expect(byPath['checks[0].metric']).toEqual({
      en: 'unknown metric "sessionLost": expected a metric of src/shared/metrics.ts (did you mean "sessionsLost"?)',
      zh: '未知指标“sessionLost”：应为 src/shared/metrics.ts 中的指标（是不是“sessionsLost”？）',
    });
    expect(byPath['checks[1].window']?.zh).toBe('未知字段："since"');
    expect(byPath['checks[2].id']).toEqual({ en: 'expected an id of letters, digits, "-", "_" or "."', zh: '应为由字母、数字、“-”“_”或“.”组成的 ID' });
  });
});
