// The studio stores the canvas as a common wrong answer: the edit from the starter to the canvas.
// Applying it to the starter must give back the canvas (nodes and edges, whatever their order).
import { describe, expect, it } from 'vitest';
import { applyGraphEdit, diffGraphs, graphEditIssues } from '../../../src/shared/graphEdit';
import { GraphEditSchema } from '../../../src/shared/lesson';
import { GraphSchema, type Graph } from '../../../src/shared/graph';
import { goodGraph } from '../packs/fixtures';

const byId = <T extends { id: string }>(xs: T[]) => [...xs].sort((a, b) => a.id.localeCompare(b.id));
const canonical = (g: Graph) => ({ ...g, nodes: byId(g.nodes), edges: byId(g.edges) });
const clone = (g: Graph): Graph => JSON.parse(JSON.stringify(g)) as Graph;
// Graphs on the canvas are parsed, so their edges carry every default.
const starter = GraphSchema.parse(goodGraph());

function roundTrip(canvas: Graph) {
  const edit = GraphEditSchema.parse(JSON.parse(JSON.stringify(diffGraphs(starter, canvas))));
  expect(graphEditIssues(starter, edit)).toEqual([]);
  expect(canonical(applyGraphEdit(starter, edit))).toEqual(canonical(canvas));
  return edit;
}

describe('diffGraphs (starter → canvas)', () => {
  it('the same design is an empty edit', () => {
    expect(roundTrip(clone(starter))).toEqual({ removeEdges: [], removeNodes: [], addNodes: [], addEdges: [], setProps: {} });
  });

  it('a changed prop is a setProps of just that prop', () => {
    const canvas = clone(starter);
    canvas.nodes.find((n) => n.id === 'lb')!.props.policy = 'sticky';
    expect(roundTrip(canvas)).toMatchObject({ setProps: { lb: { policy: 'sticky' } }, removeNodes: [], addNodes: [] });
  });

  it('removed and added nodes and edges, a moved node, a lost prop and a changed edge all come back', () => {
    const canvas = clone(starter);
    const [first, second] = canvas.nodes;
    canvas.nodes = canvas.nodes.filter((n) => n.id !== 'api-3');
    canvas.edges = canvas.edges.filter((e) => e.source !== 'api-3' && e.target !== 'api-3');
    first!.position = { x: first!.position.x + 40, y: 7 };
    second!.props = {};
    canvas.nodes.push({ id: 'store', kind: 'session-store', label: 'Store', position: { x: 1, y: 2 }, props: {} });
    canvas.edges.push({ id: 'to-store', source: 'api-1', target: 'store', kind: 'request', props: { latencyMs: 2, jitterMs: 0, lossRate: 0 } });
    canvas.edges[0]!.props = { ...canvas.edges[0]!.props, latencyMs: 9 };
    canvas.nodes.reverse();
    const edit = roundTrip(canvas);
    expect(edit.removeNodes).toContain('api-3');
    expect(edit.addNodes.map((n) => n.id)).toContain('store');
  });

  it('an emptied canvas removes every node', () => {
    const edit = roundTrip({ ...clone(starter), nodes: [], edges: [] });
    expect(edit.removeNodes).toHaveLength(starter.nodes.length);
  });
});
