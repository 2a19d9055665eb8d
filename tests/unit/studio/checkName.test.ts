import { describe, expect, it } from 'vitest';
import { checkName, checkNamer, lessonName, plainMarkdown } from '../../../src/renderer/src/studio/checkName';

describe('what the studio calls a check', () => {
  const checks = [
    { id: 'no-lost-sessions', type: 'metric', title: { en: 'No session is lost', 'zh-CN': '不丢失会话' } },
    { id: 'few-errors', type: 'metric', title: { en: 'Few requests fail', 'zh-CN': ' ' } },
    { id: 'why', type: 'quiz', question: { en: 'Why does it *work*?' } },
    { id: 'bare', type: 'structure' },
  ];

  it('is its title in the author’s language, else English, else a quiz’s question, else its id', () => {
    expect(checkName(checks[0], 'zh-CN')).toBe('不丢失会话');
    expect(checkName(checks[0], 'en')).toBe('No session is lost');
    expect(checkName(checks[1], 'zh-CN')).toBe('Few requests fail');
    expect(checkName(checks[2], 'zh-CN')).toBe('Why does it *work*?');
    expect(checkName(checks[3], 'en')).toBe('bare');
  });

  it('names a live-panel row by its check id, and an id the lesson no longer has as itself', () => {
    const name = checkNamer(checks, 'zh-CN');
    expect(name('no-lost-sessions')).toBe('不丢失会话');
    expect(name('gone')).toBe('gone');
  });

  it('is plain text where Markdown cannot be rendered (a tooltip, an option), keeping the words', () => {
    expect(plainMarkdown(checkName(checks[2], 'en'))).toBe('Why does it work?');
    expect(plainMarkdown('Why does `ws-2` **fail** after [the crash](glossary:crash)?')).toBe('Why does ws-2 fail after the crash?');
    expect(plainMarkdown('Is __cache_ttl__ too _short_?')).toBe('Is cache_ttl too short?');
    // An underscore inside a word and a lone star are not emphasis.
    expect(plainMarkdown('max_conns * 2')).toBe('max_conns * 2');
  });
});

describe('what the studio calls a lesson', () => {
  it('is its title in the author’s language, else English, else its id, else its number', () => {
    const lesson = { id: 'any-instance', title: { en: 'Any instance will do', 'zh-CN': '任何实例都行' } };
    expect(lessonName(lesson, 'zh-CN', 0)).toBe('任何实例都行');
    expect(lessonName(lesson, 'en', 0)).toBe('Any instance will do');
    expect(lessonName({ id: 'half', title: { en: 'Half written', 'zh-CN': ' ' } }, 'zh-CN', 1)).toBe('Half written');
    expect(lessonName({ id: 'lesson-3', title: { en: '' } }, 'en', 2)).toBe('lesson-3');
    // Written in 简体中文 only so far: read so in English too, rather than by its id.
    expect(lessonName({ id: 'lesson-4', title: { en: '', 'zh-CN': '一次崩溃' } }, 'en', 3)).toBe('一次崩溃');
    expect(lessonName({ id: '' }, 'en', 3)).toBe('4');
  });
});
