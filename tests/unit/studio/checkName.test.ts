import { describe, expect, it } from 'vitest';
import { checkName, checkNamer } from '../../../src/renderer/src/studio/checkName';

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
});
