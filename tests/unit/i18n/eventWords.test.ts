// A student read "Rolling deploy deploy finished": the lesson's fault id ("deploy") followed the
// fault's own name. The event says what finished, once.
import { describe, expect, it } from 'vitest';
import { englishEventText, eventText } from '../../../src/shared/i18n/eventTexts';

describe('the rolling deploy finished event', () => {
  it('names the deploy once, in English and Chinese', () => {
    const params = { fault: 'deploy', count: 3 };
    const en = englishEventText('deploy-done', params);
    expect(en).toBe('Rolling deploy finished: 3 instances replaced.');
    expect(en).not.toMatch(/\b(\w+) \1\b/i);
    const zh = eventText({ kind: 'deploy-done', message: en, params }, 'zh-CN');
    expect(zh).toBe('滚动部署完成：已替换 3 个实例。');
    expect(zh).not.toContain('deploy');
  });
});
