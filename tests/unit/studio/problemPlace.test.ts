import { describe, expect, it } from 'vitest';
import { lessonIndexOfFile, problemPlace, withNodeNames, type ProblemPlace } from '../../../src/renderer/src/studio/problemPlace';
import { messageText } from '../../../src/shared/i18n/errorTexts';
import { fieldWords } from '../../../src/shared/i18n/fieldWords';
import { packMessage } from '../../../src/shared/i18n/packTexts';
import { EN, ZH_CN } from '../../../src/renderer/src/i18n/resources';

const lesson = {
  checks: [
    { id: 'no-lost-sessions', title: { en: 'No session is lost', 'zh-CN': '不丢失会话' } },
    { id: 'few-errors' },
    { id: 'why', type: 'quiz', question: { en: 'Why does `ws-2` **fail**?' } },
  ],
  variants: { parameters: [{ id: 'crashAtMs', label: { en: 'Crash time', 'zh-CN': '' } }] },
  wrongAnswers: [{ id: 'store-unused', name: { en: 'Store added but not used', 'zh-CN': '加了存储却没用' } }],
};
const lessons = [lesson, lesson];
const FILE = 'lessons/01-sessions.lesson.json';

/** The place as the studio's problem list words it (StudioPanel's placeText), from the locale's resources. */
function words(place: ProblemPlace, strings: Pick<typeof EN.studio, 'place' | 'tabs'>, currentLesson = 0): string {
  const fill = (template: string, params: Record<string, string | number>) => template.replace(/\{\{(\w+)\}\}/g, (_, k: string) => String(params[k]));
  const where = fill(strings.place.inTab, { tab: strings.tabs[place.tab], place: fill(strings.place[place.key], place.params) });
  return place.lessonIndex !== undefined && place.lessonIndex !== currentLesson ? fill(strings.place.inLesson, { n: place.lessonIndex + 1, place: where }) : where;
}

describe('where a pack problem is fixed in the studio', () => {
  it('reads the lesson from the file name, and none for the pack’s own file', () => {
    expect(lessonIndexOfFile('lessons/03-x.lesson.json')).toBe(2);
    expect(lessonIndexOfFile('graphs/12-x.starter.json')).toBe(11);
    expect(lessonIndexOfFile('pack.json')).toBeUndefined();
  });

  it('names a check by its title in the author’s language and opens the Checks tab on it', () => {
    const place = problemPlace({ file: FILE, path: 'checks[0].window' }, lessons, 'en');
    expect(place).toMatchObject({ lessonIndex: 0, tab: 'checks', checkIndex: 0 });
    expect(words(place, EN.studio)).toBe('Checks › “No session is lost”');
    expect(words(problemPlace({ file: FILE, path: 'checks[0].window' }, lessons, 'zh-CN'), ZH_CN.studio)).toBe('检查›检查项“不丢失会话”');
    // A check without a title is named by its id.
    expect(words(problemPlace({ file: FILE, path: 'checks[1].value' }, lessons, 'en'), EN.studio)).toBe('Checks › “few-errors”');
    // A quiz without a title by its question, as the Checks tab names it, without its Markdown marks.
    expect(words(problemPlace({ file: FILE, path: 'checks[2].answer' }, lessons, 'en'), EN.studio)).toBe('Checks › “Why does ws-2 fail?”');
  });

  it('names steps, objectives, ranges, faults and wrong answers as the tabs show them, in both languages', () => {
    const both = (file: string, path: string) => [words(problemPlace({ file, path }, lessons, 'en'), EN.studio), words(problemPlace({ file, path }, lessons, 'zh-CN'), ZH_CN.studio)];
    expect(both(FILE, 'steps[1].en')).toEqual(['Texts › Step 2', '文字›第 2 步']);
    expect(both(FILE, 'objectives.zh-CN[0]')).toEqual(['Texts › Objective 1', '文字›学习目标 1']);
    // A range without its Chinese label is named by its English one.
    expect(both(FILE, 'variants.parameters[0].label.zh-CN')).toEqual(['Scenario › Per-student range “Crash time”', '场景›每个学生的取值范围“Crash time”']);
    expect(both(FILE, 'scenario.faults[0].target')).toEqual(['Scenario › Fault 1', '场景›故障 1']);
    expect(both(FILE, 'wrongAnswers[0].edit')).toEqual(['Designs › Wrong answer “Store added but not used”', '设计›错误答案“加了存储却没用”']);
    expect(both('graphs/01-sessions.reference.json', 'nodes[2].props')).toEqual(['Designs › Reference', '设计›参考答案']);
    expect(both('pack.json', 'title.zh-CN')).toEqual(['Texts › Pack title', '文字›课程包标题']);
  });

  it('says which lesson when the problem is in another lesson than the one open', () => {
    const place = problemPlace({ file: 'lessons/02-other.lesson.json', path: 'steps[0].en' }, lessons, 'en');
    expect(place.lessonIndex).toBe(1);
    expect(words(place, EN.studio, 0)).toBe('Lesson 2 › Texts › Step 1');
    expect(words(place, ZH_CN.studio, 0)).toBe('第 2 课›文字›第 1 步');
  });
});

describe('a problem of the open lesson names its nodes as the canvas does', () => {
  it('puts the node’s name for its id inside the field words and a range’s node, in both languages; other ids stay', () => {
    const names: Record<string, string> = { 'api-1': 'API 实例 1', users: '用户' };
    const nameOf = (id: string) => names[id] ?? id;
    const notLocked = packMessage('problem.variantNotLocked', { lesson: 'l', path: fieldWords('starter.nodes[id=api-1].props.workers', () => 'service'), node: 'api-1' });
    expect(messageText(withNodeNames(notLocked, nameOf), 'zh-CN')).toBe('课程“l”：初始设计 › 节点“API 实例 1” › 工作线程设置的节点“API 实例 1”没有被课程锁定：评分无法保持学生的数值');
    expect(messageText(withNodeNames(notLocked, (id) => (id === 'api-1' ? 'API 1' : id)), 'en')).toBe('lesson "l": Starter › Node “API 1” › Workers sets node "API 1", which the lesson does not lock: grading could not hold the student\'s value');
    // An unknown node's id is what the author typed: it stays.
    const unknown = packMessage('problem.unknownNode', { id: 'users', known: 'api-1' });
    expect(withNodeNames(unknown, nameOf)).toEqual(unknown);
    // The open lesson by its title.
    expect(messageText(withNodeNames(notLocked, nameOf, { id: 'l', title: '一次崩溃' }), 'zh-CN')).toMatch(/^课程“一次崩溃”：/);
  });
});
