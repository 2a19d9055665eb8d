import { describe, expect, it } from 'vitest';
import { NodeNamesSchema, nodeDisplayName, nodeNamer, type NodeNames } from '../../../src/shared/nodeNames';
import { lessonSpec } from '../../../src/shared/lesson';
import { loadDocument } from '../../../src/shared/document';
import { readFileSync } from 'node:fs';

const names: NodeNames = {
  lb: { en: 'Load balancer', 'zh-CN': '负载均衡器' },
  'own-1': { en: 'Owner 1', 'zh-CN': '所有者 1' },
};

describe('a node’s name in the student’s language', () => {
  it('shows the lesson’s name in the app’s language while the node keeps it', () => {
    const lb = { id: 'lb', label: 'Load balancer' };
    expect(nodeDisplayName(lb, names, 'zh-CN')).toBe('负载均衡器');
    expect(nodeDisplayName(lb, names, 'en')).toBe('Load balancer');
    // A label saved in Chinese (the inspector showed the Chinese name) is still the lesson's name.
    expect(nodeDisplayName({ id: 'lb', label: '负载均衡器' }, names, 'en')).toBe('Load balancer');
  });

  it('lets a student’s rename win in every language', () => {
    const renamed = { id: 'lb', label: 'Front door' };
    expect(nodeDisplayName(renamed, names, 'zh-CN')).toBe('Front door');
    expect(nodeDisplayName(renamed, names, 'en')).toBe('Front door');
  });

  it('falls back: English for a language the lesson lacks, the label without names, the id without a label', () => {
    expect(nodeDisplayName({ id: 'lb', label: 'Load balancer' }, names, 'fr')).toBe('Load balancer');
    expect(nodeDisplayName({ id: 'lb', label: 'Load balancer' }, { lb: { en: 'Load balancer', 'zh-CN': ' ' } }, 'zh-CN')).toBe('Load balancer');
    expect(nodeDisplayName({ id: 'service-1', label: '服务 1' }, names, 'en')).toBe('服务 1');
    expect(nodeDisplayName({ id: 'api-1', label: 'API 1' }, undefined, 'zh-CN')).toBe('API 1');
    expect(nodeDisplayName({ id: 'api-1', label: '  ' }, undefined, 'en')).toBe('api-1');
    // A blank label of a named node reads as the lesson's name.
    expect(nodeDisplayName({ id: 'lb', label: '' }, names, 'zh-CN')).toBe('负载均衡器');
  });

  it('names ids over a design: nodes, scale-out clones by their original, anything else as given', () => {
    const nameOf = nodeNamer([{ id: 'own-1', label: 'Owner 1' }], names, 'zh-CN');
    expect(nameOf('own-1')).toBe('所有者 1');
    expect(nameOf('own-1~2')).toBe('所有者 1 ~2');
    expect(nameOf('lb')).toBe('lb');
    expect(nameOf('@busiest-service')).toBe('@busiest-service');
  });

  it('names a connection of the design by its two ends (a link-loss fault targets one)', () => {
    const nodes = [
      { id: 'lb', label: 'Load balancer' },
      { id: 'own-1', label: 'Owner 1' },
    ];
    const edges = [{ id: 'lb-own-1', source: 'lb', target: 'own-1' }];
    expect(nodeNamer(nodes, names, 'zh-CN', edges)('lb-own-1')).toBe('负载均衡器 → 所有者 1');
    expect(nodeNamer(nodes, names, 'en', edges)('lb-own-1')).toBe('Load balancer → Owner 1');
    // Without the design's edges an edge id reads as itself.
    expect(nodeNamer(nodes, names, 'en')('lb-own-1')).toBe('lb-own-1');
  });

  it('bounds what a pack may say: a name is a non-blank string of at most 200 characters, English required', () => {
    expect(NodeNamesSchema.safeParse({ lb: { 'zh-CN': '负载均衡器' } }).success).toBe(false);
    expect(NodeNamesSchema.safeParse({ lb: { en: '   ' } }).success).toBe(false);
    expect(NodeNamesSchema.safeParse({ lb: { en: 'x'.repeat(201) } }).success).toBe(false);
    expect(NodeNamesSchema.safeParse({ ['x'.repeat(65)]: { en: 'X' } }).success).toBe(false);
    expect(NodeNamesSchema.safeParse(names).success).toBe(true);
  });

  it('keeps a lesson without names valid (older packs)', () => {
    const lesson = JSON.parse(readFileSync('tests/fixtures/examples/session-state.lesson.json', 'utf8')) as Record<string, unknown>;
    expect(lesson.nodeNames).toBeUndefined();
    expect(loadDocument(lesson, lessonSpec).nodeNames).toBeUndefined();
  });
});
