// Locked props: a lesson names single settings of a node the student may not change. The pack
// validator checks the field; grading puts a changed locked prop back to the starter's value and says so.
import { describe, expect, it } from 'vitest';
import { holdFrame } from '../../../src/main/grading/frame';
import { folderSource } from '../../../src/main/packs/source';
import { formatProblem, validatePack } from '../../../src/main/packs/validate';
import { GraphSchema } from '../../../src/shared/graph';
import { LESSON_VERSION, LessonSchema } from '../../../src/shared/lesson';
import { goodGraph, goodLesson, goodPack, writePack } from './fixtures';

const LESSON = 'lessons/session-state.lesson.json';
const problemsWith = async (lockedProps: unknown) => {
  const { problems } = await validatePack(folderSource(writePack({ ...goodPack(), [LESSON]: { ...goodLesson(), lockedProps } })));
  return problems.map(formatProblem);
};

describe('lockedProps in a lesson', () => {
  it('validates node ids of the starter and non-empty lists of prop names', async () => {
    expect(await problemsWith({ lb: ['policy'] })).toEqual([]);
    expect(await problemsWith({ 'lb-9': ['policy'] })).toEqual([expect.stringMatching(/lockedProps\.lb-9: lesson "session-state" locks props of unknown node "lb-9"/)]);
    expect((await problemsWith({ lb: [] })).join('\n')).toMatch(/lockedProps\.lb/);
    expect((await problemsWith({ lb: 'policy' })).join('\n')).toMatch(/lockedProps\.lb/);
  });
});

describe('holdFrame with locked props', () => {
  const starter = GraphSchema.parse(goodGraph());
  const lb = starter.nodes.find((n) => n.id === 'lb')!;
  const lesson = LessonSchema.parse({ ...goodLesson(), version: LESSON_VERSION, lockedProps: { lb: ['policy', 'maxConnections'] } });

  it('puts a changed locked prop back (and removes one the starter lacks), leaving other props as the student set them', () => {
    const design = { ...starter, nodes: starter.nodes.map((n) => (n.id === 'lb' ? { ...n, props: { ...n.props, policy: 'changed-policy', maxConnections: 3, other: 7 } } : n)) };
    const { graph, notes } = holdFrame(design, starter, lesson);
    const out = graph.nodes.find((n) => n.id === 'lb')!;
    expect(out.props.policy).toEqual(lb.props.policy);
    expect('maxConnections' in out.props).toBe('maxConnections' in lb.props);
    expect(out.props.other).toBe(7);
    expect(notes).toContain(`Locked settings "maxConnections", "policy" of "lb" were changed; graded with the lesson's values.`);
  });

  it('an unchanged design is graded as it is, with no note', () => {
    const { graph, notes } = holdFrame(starter, starter, lesson);
    expect(graph).toBe(starter);
    expect(notes).toEqual([]);
  });
});
