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
