import { describe, expect, it } from 'vitest';
import { draftFiles, emptyDraft, validateDraft } from '../../../src/main/packs/studioDraft';
import { newLessonDocument } from '../../../src/shared/studio';
import type { Graph } from '../../../src/shared/graph';

const graph: Graph = { format: 'statelab.graph', version: 1, nodes: [{ id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 0 }, props: {} }], edges: [] } as unknown as Graph;
const text = (bytes: Uint8Array | undefined) => JSON.parse(new TextDecoder().decode(bytes));

describe('a studio draft as a pack', () => {
  it('names one lesson file and its graphs per lesson, and the manifest lists them in order', () => {
    const draft = { ...emptyDraft('course', { en: 'Course' }), lessons: [{ lesson: newLessonDocument('first'), starter: graph, reference: graph }, { lesson: newLessonDocument('second'), starter: graph }] };
    const files = draftFiles(draft);
    expect([...files.keys()].sort()).toEqual([
      'graphs/01-first.reference.json',
      'graphs/01-first.starter.json',
      'graphs/02-second.starter.json',
      'lessons/01-first.lesson.json',
      'lessons/02-second.lesson.json',
      'pack.json',
    ]);
    expect(text(files.get('pack.json')).lessons).toEqual(['lessons/01-first.lesson.json', 'lessons/02-second.lesson.json']);
    expect(text(files.get('lessons/01-first.lesson.json'))).toMatchObject({ starter: 'graphs/01-first.starter.json', reference: 'graphs/01-first.reference.json' });
    expect(text(files.get('lessons/02-second.lesson.json')).reference).toBeUndefined();
  });

  it('reports an incomplete lesson by file and JSON path, as pack:validate does', async () => {
    const lesson = { ...newLessonDocument('first'), scenario: { seed: 1, durationMs: 0, faults: [] } };
    const { problems } = await validateDraft({ ...emptyDraft('course', { en: 'Course' }), lessons: [{ lesson, starter: graph }] });
    expect(problems).toContainEqual(expect.objectContaining({ file: 'lessons/01-first.lesson.json', path: 'scenario.durationMs' }));
  });
});
