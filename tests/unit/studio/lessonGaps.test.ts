import { describe, expect, it } from 'vitest';
import { lessonGaps } from '../../../src/renderer/src/studio/lessonGaps';

const graph = { format: 'statelab-graph', version: 1, nodes: [], edges: [] };
const check = { id: 'few-errors', type: 'metric', metric: 'errorRate', op: '<', value: 0.01 };

describe('what the studio warns of although the pack validates', () => {
  it('names a lesson with no checks (its Checks tab) and one with checks but no reference (its Designs tab)', () => {
    const gaps = lessonGaps([
      { lesson: { id: 'empty', checks: [] }, reference: graph },
      { lesson: { id: 'no-checks-field' } },
      { lesson: { id: 'no-reference', checks: [check] } },
      { lesson: { id: 'complete', checks: [check] }, reference: graph },
    ]);
    expect(gaps.map((g) => [g.place.lessonIndex, g.gap, g.place.tab, g.place.key])).toEqual([
      [0, 'noChecks', 'checks', 'checks'],
      [1, 'noChecks', 'checks', 'checks'],
      [2, 'noReference', 'design', 'reference'],
    ]);
  });

  it('says nothing of a complete lesson', () => {
    expect(lessonGaps([{ lesson: { id: 'complete', checks: [check] }, reference: graph }])).toEqual([]);
  });
});
