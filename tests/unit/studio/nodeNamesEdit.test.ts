import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/shared/graph';
import type { NodeNames } from '../../../src/shared/nodeNames';
import { namesKept, setNodeName } from '../../../src/renderer/src/studio/nodeNamesEdit';

const graph = (): Graph => ({ format: 'statelab.graph', version: 1, nodes: [{ id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 0, y: 0 }, props: {} }], edges: [] });

describe('the studio names a node in both languages', () => {
  it('keeps the Chinese name in the lesson and the English one as the label of the starter and reference', () => {
    const lesson: { nodeNames?: NodeNames } = {};
    const starter = graph();
    const reference = graph();
    setNodeName(lesson, [starter, reference], 'lb', { en: 'Balancer', 'zh-CN': '均衡器' });
    expect(lesson.nodeNames).toEqual({ lb: { en: 'Balancer', 'zh-CN': '均衡器' } });
    expect([starter.nodes[0]!.label, reference.nodes[0]!.label]).toEqual(['Balancer', 'Balancer']);
  });

  it('drops a name left only in English (the label says it)', () => {
    const lesson: { nodeNames?: NodeNames } = { nodeNames: { lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' } } };
    setNodeName(lesson, [graph(), undefined], 'lb', { en: 'Load balancer', 'zh-CN': ' ' });
    expect(lesson.nodeNames).toBeUndefined();
  });

  it('a new lesson keeps the names of the canvas’s nodes from the lesson it starts from, except a node relabelled since', () => {
    const canvas = graph();
    canvas.nodes.push({ id: 'api-1', kind: 'service', label: 'My API', position: { x: 0, y: 0 }, props: {} });
    const names: NodeNames = { lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' }, 'api-1': { en: 'API 1', 'zh-CN': 'API 实例 1' }, db: { en: 'Database', 'zh-CN': '数据库' } };
    expect(namesKept(canvas, names)).toEqual({ lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' } });
    expect(namesKept(canvas, undefined)).toBeUndefined();
    expect(namesKept(canvas, { 'api-1': names['api-1']! })).toBeUndefined();
  });
});
