import { describe, expect, it } from 'vitest';
import { messageText } from '../../../src/shared/i18n/errorTexts';
import { missingFieldWords, missingTranslations } from '../../../src/renderer/src/studio/translations';

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

  it('lists a text written in 简体中文 whose English is still blank (typed in the studio in 简体中文 first) as missing in English', () => {
    const lesson = { title: { en: '', 'zh-CN': '一次崩溃' }, objectives: { en: ['Tune'], 'zh-CN': ['调整', '测量'] }, steps: [{ en: ' ', 'zh-CN': '点击**运行**。' }, { en: 'Run', 'zh-CN': '' }] };
    expect(missingTranslations(lesson, 'en')).toEqual(['title', 'objectives[1]', 'steps[0]']);
    expect(missingTranslations(lesson, 'zh-CN')).toEqual(['steps[1]']);
    expect(missingTranslations({ title: { en: '', 'zh-CN': '第五周' } }, 'en')).toEqual(['title']);
    // A node's label is its English name: none is missing in English.
    expect(missingTranslations({ nodeNames: {} }, 'en', [{ nodes: [{ id: 'users', label: 'Users' }] }])).toEqual([]);
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

  it('says which of a check’s, prediction’s or range’s texts is missing in words; a step or the title is its place alone', () => {
    const words = (path: string, locale: string) => {
      const m = missingFieldWords(path);
      return m === undefined ? undefined : messageText(m, locale);
    };
    expect(words('checks[0].hint', 'en')).toBe('Hint');
    expect(words('checks[0].hint', 'zh-CN')).toBe('提示');
    expect(words('checks[2].choices[1].text', 'en')).toBe('Choice 2');
    expect(words('predictions[0].question', 'zh-CN')).toBe('问题');
    expect(words('variants.parameters[0].label', 'en')).toBe('What the student sees it called');
    expect(words('wrongAnswers[0].name', 'zh-CN')).toBe('名称');
    expect(words('steps[1]', 'en')).toBeUndefined();
    expect(words('title', 'en')).toBeUndefined();
  });
});
