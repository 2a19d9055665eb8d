// The Lesson packs dialog counts a pack's lessons with the plural the language needs ("1 lesson", not "1 lessons").
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';

describe('a pack’s lesson count', () => {
  it('reads 1 lesson / 18 lessons in English and 1 节课 / 18 节课 in Chinese', () => {
    const en = createI18n('en').getFixedT('en', 'lesson');
    const zh = createI18n('zh-CN').getFixedT('zh-CN', 'lesson');
    expect([en('lessonCount', { count: 1 }), en('lessonCount', { count: 18 })]).toEqual(['1 lesson', '18 lessons']);
    expect([zh('lessonCount', { count: 1 }), zh('lessonCount', { count: 18 })]).toEqual(['1 节课', '18 节课']);
  });
});
