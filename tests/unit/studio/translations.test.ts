import { describe, expect, it } from 'vitest';
import { missingTranslations } from '../../../src/renderer/src/studio/translations';

describe('missing translations in a draft lesson', () => {
  it('lists every text English has and zh-CN lacks, objectives and check texts included', () => {
    const lesson = {
      title: { en: 'Fast health checks', 'zh-CN': '快速健康检查' },
      objectives: { en: ['Tune', 'Measure'], 'zh-CN': ['调整'] },
      steps: [{ en: 'Press **Run**.' }, { en: '' }],
      checks: [{ id: 'c', feedback: { en: '{measured} failed', 'zh-CN': '  ' }, hint: { en: 'x', 'zh-CN': '提示' } }],
      debrief: { en: 'A field the studio does not know yet' },
    };
    expect(missingTranslations(lesson)).toEqual(['objectives[1]', 'steps[0]', 'checks[0].feedback', 'debrief']);
    expect(missingTranslations({ title: { en: '', 'zh-CN': '' } })).toEqual([]);
  });
});

describe('missing node names in a draft lesson', () => {
  const starter = { nodes: [{ id: 'users', label: 'Users' }, { id: 'api-1', label: 'API 1' }, { id: 'blank', label: '  ' }] };
  const reference = { nodes: [{ id: 'api-1', label: 'API 1' }, { id: 'cache', label: 'Cache' }] };

  it('counts a node named in English only (no entry, or an entry without zh-CN) once, across starter and reference', () => {
    const lesson = { title: { en: 'T', 'zh-CN': '题' }, nodeNames: { users: { en: 'Users', 'zh-CN': '用户' }, cache: { en: 'Cache' } } };
    expect(missingTranslations(lesson, 'zh-CN', [starter, reference])).toEqual(['nodeNames.cache', 'nodeNames.api-1']);
    // Named in every language: nothing missing.
    const named = { nodeNames: { users: { en: 'Users', 'zh-CN': '用户' }, 'api-1': { en: 'API 1', 'zh-CN': 'API 实例 1' }, cache: { en: 'Cache', 'zh-CN': '缓存' } } };
    expect(missingTranslations(named, 'zh-CN', [starter, reference])).toEqual([]);
    // Without the graphs only the entries are seen.
    expect(missingTranslations(lesson, 'zh-CN')).toEqual(['nodeNames.cache']);
  });
});
