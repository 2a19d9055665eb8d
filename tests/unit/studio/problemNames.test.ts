import { describe, expect, it } from 'vitest';
import { namedProblemText } from '../../../src/renderer/src/studio/problemNames';
import { messageText } from '../../../src/shared/i18n/errorTexts';
import { fieldWords } from '../../../src/shared/i18n/fieldWords';
import { packMessage } from '../../../src/shared/i18n/packTexts';
import type { StudioLesson } from '../../../src/shared/studio';

const graph = (nodes: { id: string; label: string }[]) => ({ format: 'statelab.graph', version: 1, nodes: nodes.map((n, i) => ({ ...n, kind: 'client', position: { x: i * 100, y: 0 }, props: {} })), edges: [] }) as unknown as StudioLesson['starter'];

/** Two lessons, each naming its own nodes; the second has a node renamed by the author in its reference only. */
const lessons: StudioLesson[] = [
  { lesson: { id: 'one', title: { en: 'One crash', 'zh-CN': '一次崩溃' }, nodeNames: { users: { en: 'Users', 'zh-CN': '用户' } } }, starter: graph([{ id: 'users', label: 'Users' }]) },
  {
    lesson: { id: 'two', title: { en: 'Two stores' }, nodeNames: { shoppers: { en: 'Shoppers', 'zh-CN': '顾客' } } },
    starter: graph([{ id: 'shoppers', label: 'Shoppers' }]),
    reference: graph([{ id: 'shoppers', label: 'Shoppers' }, { id: 'api-9', label: 'Spare API' }]),
  },
];

const tooLarge = (lesson: string, node: string) =>
  packMessage('problem.variantNode', { lesson, end: packMessage('word.max'), graph: packMessage('word.starter'), node, where: 'x', detail: 'y' });

describe('a pack problem of any lesson names that lesson and its nodes as the studio shows them', () => {
  it('names a problem of a lesson other than the open one by its title and its node by the canvas’s name, in both languages', () => {
    const text = tooLarge('two', 'shoppers');
    expect(messageText(namedProblemText(text, 1, lessons, 'zh-CN'), 'zh-CN')).toContain('课程“Two stores”');
    expect(messageText(namedProblemText(text, 1, lessons, 'zh-CN'), 'zh-CN')).toContain('节点“顾客”');
    expect(messageText(namedProblemText(text, 1, lessons, 'en'), 'en')).toMatch(/^lesson "Two stores": .*node "Shoppers"/);
    // The ids stay in what the validator says (the CLI's line), and for the pack's own file.
    expect(messageText(text, 'en')).toMatch(/^lesson "two": .*node "shoppers"/);
    expect(namedProblemText(text, undefined, lessons, 'en')).toEqual(text);
  });

  it('names a node the reference alone has by its label, and a setting’s node inside the field words', () => {
    const notLocked = packMessage('problem.variantNotLocked', { lesson: 'two', path: fieldWords('starter.nodes[id=api-9].props.workers', () => 'service'), node: 'api-9' });
    expect(messageText(namedProblemText(notLocked, 1, lessons, 'en'), 'en')).toBe('lesson "Two stores": Starter › Node “Spare API” › Workers sets node "Spare API", which the lesson does not lock: grading could not hold the student\'s value');
    // Lesson one's problem with lesson one's names.
    expect(messageText(namedProblemText(tooLarge('one', 'users'), 0, lessons, 'zh-CN'), 'zh-CN')).toMatch(/^课程“一次崩溃”：.*节点“用户”/);
  });
});
