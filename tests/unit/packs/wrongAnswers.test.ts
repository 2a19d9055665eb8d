// Common wrong answers are data in a lesson: edits of the starter and the checks they must fail.
// The validator names the lesson and the node when an edit refers to one the starter lacks.
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { GraphEditSchema } from '../../../src/shared/lesson';
import { goodGraph, goodLesson, goodPack, writePack } from './fixtures';
import type { Graph } from '../../../src/shared/graph';

const LESSON = 'lessons/session-state.lesson.json';
const problemsWith = async (wrongAnswers: unknown[], change: (l: Record<string, unknown>) => void = () => {}) => {
  const lesson = { ...goodLesson(), wrongAnswers };
  change(lesson);
  const { problems } = await validatePack(folderSource(writePack({ ...goodPack(), [LESSON]: lesson })));
  return problems.map(formatProblem);
};
const sticky = { id: 'sticky', name: { en: 'Sticky routing', 'zh-CN': '粘性路由' }, edit: { setProps: { lb: { policy: 'sticky' } } }, fails: ['no-lost-sessions'] };

describe('wrong answers in a lesson', () => {
  it('a well-formed wrong answer validates', async () => {
    expect(await problemsWith([sticky])).toEqual([]);
  });

  it('an edit naming a node the starter lacks is reported with the lesson and the node', async () => {
    const problems = await problemsWith([{ ...sticky, id: 'typo', edit: { setProps: { 'api-9': { workers: 2 } }, removeNodes: ['cache-1'] } }]);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatch(/^lessons\/session-state\.lesson\.json: wrongAnswers\[0\]\.edit\.removeNodes\[0\]: wrong answer "typo" of lesson "session-state": unknown node "cache-1"/);
    expect(problems[1]).toMatch(/^lessons\/session-state\.lesson\.json: wrongAnswers\[0\]\.edit\.setProps\.api-9: wrong answer "typo" of lesson "session-state": unknown node "api-9": expected a node of the edited graph \(.*api-1.*\)$/);
  });

  it('an added edge must join existing or added nodes; a check it names must exist', async () => {
    const edge = { id: 'x', source: 'api-1', target: 'store', kind: 'request', props: { latencyMs: 1 } };
    expect(await problemsWith([{ ...sticky, edit: { addEdges: [edge] } }])).toEqual([
      expect.stringMatching(/wrongAnswers\[0\]\.edit\.addEdges\[0\]\.target: wrong answer "sticky" of lesson "session-state": unknown node "store"/),
    ]);
    const store = { id: 'store', kind: 'session-store', label: 'Store', position: { x: 0, y: 0 }, props: {} };
    expect(await problemsWith([{ ...sticky, edit: { addNodes: [store], addEdges: [edge] } }])).toEqual([]);
    expect(await problemsWith([{ ...sticky, fails: ['no-such-check'] }])).toEqual([expect.stringMatching(/wrongAnswers\[0\]\.fails\[0\]: unknown check "no-such-check"/)]);
  });

  it('a wrong answer that fails only checks worth 0 points is reported: it would score full marks', async () => {
    const observation = (l: Record<string, unknown>) => {
      l.checks = (l.checks as { id: string; points?: number }[]).map((c) => (c.id === 'no-lost-sessions' ? { ...c, points: 0 } : c));
    };
    expect(await problemsWith([sticky], observation)).toEqual([
      `${LESSON}: wrongAnswers[0].fails: wrong answer "sticky" of lesson "session-state" fails only checks worth 0 points (no-lost-sessions), so it would score full marks: it must fail at least one check (not a quiz) worth points`,
    ]);
  });

  it('an edit of a locked node is reported: grading would undo it', async () => {
    const problems = await problemsWith([sticky], (l) => (l.locked = ['lb']));
    expect(problems).toEqual([`${LESSON}: wrongAnswers[0].edit: wrong answer "sticky" of lesson "session-state": edits locked node "lb", which grading restores to the starter's`]);
  });
});

describe('applyGraphEdit', () => {
  it('removes, adds and merges props, leaving the starter as it was', () => {
    const starter = goodGraph() as unknown as Graph;
    const before = JSON.stringify(starter);
    const edit = GraphEditSchema.parse({ removeNodes: ['api-3'], setProps: { lb: { policy: 'sticky' } } });
    const out = applyGraphEdit(starter, edit);
    expect(JSON.stringify(starter)).toBe(before);
    expect(out.nodes.map((n) => n.id)).not.toContain('api-3');
    expect(out.edges.some((e) => e.source === 'api-3' || e.target === 'api-3')).toBe(false);
    expect(out.nodes.find((n) => n.id === 'lb')?.props.policy).toBe('sticky');
    expect(out.nodes.length).toBe(starter.nodes.length - 1);
  });
});
