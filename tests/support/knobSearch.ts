/**
 * "Every knob has a price" (DESIGN.md §3): a lesson's extreme designs, each an edit a student could
 * make in the properties panel, so a test can grade them and find a lesson that turning knobs to
 * their limits would pass. Which knobs a student can turn, and their ranges, come from
 * src/shared/knobs.ts (the pack validator's own reading of the props schemas and the lesson's locks).
 *
 * The designs (`extremeDesigns`):
 * - `all-min` / `all-max`: every numeric knob of every editable node at its minimum / maximum;
 * - `one`: a single knob pushed to an extreme on every editable node of its kind at once (every
 *   service's workers at the maximum), the others as the base has them;
 * - `enum`: each other value of an enum or boolean knob, again on every node of the kind.
 */
import type { Graph, GraphNode, NodeKind } from '../../src/shared/graph';
import { allKnobsAt, editableKnobs, knobValue, setKnob } from '../../src/shared/knobs';
import type { Lesson } from '../../src/shared/lesson';

export { editableKnobs, setKnob } from '../../src/shared/knobs';

export type ExtremeKind = 'all-min' | 'all-max' | 'one' | 'enum';

export interface ExtremeDesign {
  /** "all-min", "service.workers=max", "load-balancer.policy=sticky". */
  name: string;
  type: ExtremeKind;
  /** The knob and value, for `one` and `enum`. */
  knob?: { kind: NodeKind; path: string; value: unknown; extreme?: 'min' | 'max' };
  graph: Graph;
}

const withNodes = (graph: Graph, change: (node: GraphNode) => GraphNode, ids: ReadonlySet<string>): Graph => ({
  ...graph,
  nodes: graph.nodes.map((n) => (ids.has(n.id) ? change(n) : n)),
});

/** The extreme designs built from `graph`; `one` and `enum` designs that change nothing are left out. */
export function extremeDesigns(lesson: Pick<Lesson, 'locked' | 'lockedProps'>, graph: Graph, types: readonly ExtremeKind[] = ['all-min', 'all-max', 'one', 'enum']): ExtremeDesign[] {
  const out: ExtremeDesign[] = [];
  if (types.includes('all-min')) out.push({ name: 'all-min', type: 'all-min', graph: allKnobsAt(lesson, graph, 'min') });
  if (types.includes('all-max')) out.push({ name: 'all-max', type: 'all-max', graph: allKnobsAt(lesson, graph, 'max') });
  for (const { knob, nodes } of editableKnobs(lesson, graph)) {
    const ids = new Set(nodes);
    const current = new Set(graph.nodes.filter((n) => ids.has(n.id)).map((n) => JSON.stringify(knobValue(n, knob))));
    const differs = (value: unknown) => current.size > 1 || !current.has(JSON.stringify(value));
    if (knob.type === 'number' && types.includes('one')) {
      for (const extreme of ['min', 'max'] as const) {
        const value = extreme === 'min' ? knob.min : knob.max;
        if (!differs(value)) continue;
        out.push({ name: `${knob.kind}.${knob.path}=${extreme}`, type: 'one', knob: { kind: knob.kind, path: knob.path, value, extreme }, graph: withNodes(graph, (n) => setKnob(n, knob, value), ids) });
      }
    } else if (knob.type !== 'number' && types.includes('enum')) {
      const values: unknown[] = knob.type === 'boolean' ? [false, true] : [...knob.options];
      for (const value of values) {
        if (!differs(value)) continue;
        out.push({ name: `${knob.kind}.${knob.path}=${String(value)}`, type: 'enum', knob: { kind: knob.kind, path: knob.path, value }, graph: withNodes(graph, (n) => setKnob(n, knob, value), ids) });
      }
    }
  }
  return out;
}
