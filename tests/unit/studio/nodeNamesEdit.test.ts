import { describe, expect, it } from 'vitest';
import type { Graph } from '../../../src/shared/graph';
import type { NodeNames } from '../../../src/shared/nodeNames';
import { addKnownNames, labelledInEnglish, namesKept, namesKnown, setNodeName, type KindNames } from '../../../src/renderer/src/studio/nodeNamesEdit';
import { NODE_KIND_SPECS } from '../../../src/shared/nodeKinds';
import { domainZhCN } from '../../../src/shared/i18n/domainZhCN';

/** The kinds' names as the app's two languages have them (the palette's). */
const kindNames: KindNames = (kind) => ({ en: NODE_KIND_SPECS[kind].label, 'zh-CN': domainZhCN.kinds[kind].label });

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

  it('a design taken from the canvas gets the names the app has: those it shows, and a palette node’s kind name in each language', () => {
    const canvas = graph();
    const at = { x: 0, y: 0 };
    canvas.nodes.push(
      { id: 'api-1', kind: 'service', label: 'API 1', position: at, props: {} },
      { id: 'service-1', kind: 'service', label: 'Service 2', position: at, props: {} },
      { id: 'cache-1', kind: 'cache', label: 'Cache', position: at, props: {} },
      { id: 'db', kind: 'database', label: 'Orders', position: at, props: {} },
      { id: 'cache-2', kind: 'cache', label: 'Cache 3b', position: at, props: {} },
    );
    const shown: NodeNames = { 'api-1': { en: 'API 1', 'zh-CN': 'API 实例 1' } };
    expect(namesKnown(canvas, shown, kindNames)).toEqual({
      'api-1': { en: 'API 1', 'zh-CN': 'API 实例 1' },
      lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' },
      'service-1': { en: 'Service 2', 'zh-CN': '服务 2' },
      'cache-1': { en: 'Cache', 'zh-CN': '缓存' },
    });
    // A name the lesson has already stays the author's; the renamed nodes ('Orders', 'Cache 3b') get none.
    const lesson: { nodeNames?: NodeNames } = { nodeNames: { lb: { en: 'Load balancer', 'zh-CN': '均衡器' } } };
    addKnownNames(lesson, canvas, shown, kindNames);
    expect(lesson.nodeNames?.lb).toEqual({ en: 'Load balancer', 'zh-CN': '均衡器' });
    expect(Object.keys(lesson.nodeNames ?? {}).sort()).toEqual(['api-1', 'cache-1', 'lb', 'service-1']);
  });

  it('a node the palette named in 简体中文 gets its kind’s name in English too, and the design taken labels it in English', () => {
    const canvas = graph();
    const at = { x: 0, y: 0 };
    canvas.nodes.push(
      { id: 'service-2', kind: 'service', label: '服务 2', position: at, props: {} },
      { id: 'cache-1', kind: 'cache', label: '缓存', position: at, props: {} },
      { id: 'db', kind: 'database', label: '订单库', position: at, props: {} },
    );
    expect(namesKnown(canvas, undefined, kindNames)).toEqual({
      lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' },
      'service-2': { en: 'Service 2', 'zh-CN': '服务 2' },
      'cache-1': { en: 'Cache', 'zh-CN': '缓存' },
    });
    const lesson: { nodeNames?: NodeNames } = {};
    const taken = addKnownNames(lesson, canvas, undefined, kindNames);
    // The starter and reference are labelled in English (pack:validate); a node renamed by hand ('订单库') keeps its label and no names.
    expect(taken.nodes.map((n) => n.label)).toEqual(['Load balancer', 'Service 2', 'Cache', '订单库']);
    expect(Object.keys(lesson.nodeNames ?? {}).sort()).toEqual(['cache-1', 'lb', 'service-2']);
    expect(canvas.nodes[1]!.label).toBe('服务 2');
    expect(labelledInEnglish(canvas, namesKnown(canvas, undefined, kindNames)).nodes[1]!.label).toBe('Service 2');
  });
});
