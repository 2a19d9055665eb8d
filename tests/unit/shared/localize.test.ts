import { describe, expect, it } from 'vitest';
import { localize, localizeList } from '../../../src/shared/i18n';

describe('a lesson text in the student’s language', () => {
  it('falls back to English when the language’s text is missing or blank (a box emptied in the studio is kept as "")', () => {
    expect(localize({ en: 'Press Run.', 'zh-CN': '点击运行。' }, 'zh-CN')).toBe('点击运行。');
    expect(localize({ en: 'Press Run.' }, 'zh-CN')).toBe('Press Run.');
    expect(localize({ en: 'Press Run.', 'zh-CN': '' }, 'zh-CN')).toBe('Press Run.');
    expect(localize({ en: 'Press Run.', 'zh-CN': '  ' }, 'zh-CN')).toBe('Press Run.');
  });

  it('reads another language’s words rather than nothing where English is blank (a pack titled in 简体中文 in the studio)', () => {
    expect(localize({ en: '', 'zh-CN': '第五周' }, 'en')).toBe('第五周');
    expect(localize({ en: '  ', 'zh-CN': '第五周' }, 'en')).toBe('第五周');
    expect(localize({ en: '', 'zh-CN': '' }, 'en')).toBe('');
  });

  it('reads objectives row by row: a row left blank in the language reads in English, a row blank in both is left out', () => {
    const objectives = { en: ['Keep sessions outside', 'Measure the loss', ''], 'zh-CN': ['把会话放在外面', '', ''] };
    expect(localizeList(objectives, 'zh-CN')).toEqual(['把会话放在外面', 'Measure the loss']);
    expect(localizeList(objectives, 'en')).toEqual(['Keep sessions outside', 'Measure the loss']);
    expect(localizeList({ en: ['One'] }, 'zh-CN')).toEqual(['One']);
    expect(localizeList({}, 'en')).toEqual([]);
    // A row the language lacks altogether reads in English; one written only in 简体中文 reads so in English.
    expect(localizeList({ en: ['One', 'Two'], 'zh-CN': ['一'] }, 'zh-CN')).toEqual(['一', 'Two']);
    expect(localizeList({ en: [], 'zh-CN': ['一'] }, 'en')).toEqual(['一']);
  });
});
