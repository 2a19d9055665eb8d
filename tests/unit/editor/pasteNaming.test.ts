import { describe, expect, it } from 'vitest';
import { addNode, copyFragment, planPaste, type NodeNaming } from '../../../src/renderer/src/editor/commands';
import { domainZhCN } from '../../../src/shared/i18n/domainZhCN';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type NodeKind } from '../../../src/shared/graph';
import { produce } from 'immer';

const empty: Graph = { format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] };
const zhKind = (kind: NodeKind): string => domainZhCN.kinds[kind].label;

/** A design built from the palette in 简体中文: the labels are the Chinese names ("服务 1"). */
const zhNaming = (g: Graph): NodeNaming => ({ base: zhKind, shown: g.nodes.map((n) => n.label) });
function chineseDesign(): Graph {
  let g = empty;
  g = produce(g, addNode('service', { x: 0, y: 0 }, zhNaming(g)));
  g = produce(g, addNode('service', { x: 0, y: 100 }, zhNaming(g)));
  g = produce(g, addNode('cache', { x: 200, y: 0 }, zhNaming(g)));
  return g;
}

describe('pasting and duplicating names the copy in the student’s language', () => {
  it('numbers a clashing copy from the kind’s name in the current language, as the palette does', () => {
    const g = chineseDesign();
    expect(g.nodes.map((n) => n.label)).toEqual([`${zhKind('service')} 1`, `${zhKind('service')} 2`, zhKind('cache')]);
    const planned = planPaste(g, copyFragment(g, new Set(['service-1', 'cache-1'])), { x: 40, y: 40 }, zhNaming(g));
    expect(planned.nodes.map((n) => n.label)).toEqual([`${zhKind('service')} 3`, `${zhKind('cache')} 1`]);
    expect(planned.nodes.map((n) => n.label).join(' ')).not.toMatch(/Service|Cache/);
  });

  it('gives two clashing copies in one paste different names', () => {
    const g = chineseDesign();
    const planned = planPaste(g, copyFragment(g, new Set(['service-1', 'service-2'])), { x: 40, y: 40 }, zhNaming(g));
    expect(planned.nodes.map((n) => n.label)).toEqual([`${zhKind('service')} 3`, `${zhKind('service')} 4`]);
  });

  it('renames a copy whose label clashes with a name only shown (a lesson’s localized name)', () => {
    const g: Graph = { ...empty, nodes: [{ id: 'api', kind: 'service', label: 'API', position: { x: 0, y: 0 }, props: {} }] };
    const fragment = { nodes: [{ id: 'x', kind: 'service' as const, label: '接口', position: { x: 0, y: 0 }, props: {} }], edges: [] };
    const planned = planPaste(g, fragment, { x: 40, y: 40 }, { base: zhKind, shown: ['接口'] });
    expect(planned.nodes[0]!.label).toBe(`${zhKind('service')} 1`);
  });

  it('keeps a copy’s label that clashes with nothing', () => {
    const g = chineseDesign();
    const fragment = { nodes: [{ id: 'x', kind: 'service' as const, label: 'My own', position: { x: 0, y: 0 }, props: {} }], edges: [] };
    expect(planPaste(g, fragment, { x: 0, y: 0 }, zhNaming(g)).nodes[0]!.label).toBe('My own');
  });
});
