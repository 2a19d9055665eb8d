// The event log read "搜索用户 的请求因超时而失败：搜索索引 在 500 毫秒内没有应答。": Chinese
// templates keep a space beside a node's name so that a Latin name reads "API 2 的请求", and a
// Chinese name then stood apart from the words around it. Where the filled-in value is Chinese at
// that edge the template's space falls away; a Latin or numeric edge keeps it, and a space inside
// the value is never touched.
import { describe, expect, it } from 'vitest';
import { englishEventText, eventText } from '../../../src/shared/i18n/eventTexts';
import { fillTemplate } from '../../../src/shared/i18n/messages';
import { gradeMessage, gradeText } from '../../../src/shared/i18n/gradeTexts';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { ZH_CN } from '../../../src/renderer/src/i18n/resources';

const NAMES: Record<string, string> = { 'search-users': '搜索用户', 'search-index': '搜索索引', 'api-2': 'API 实例 2' };
const logLine = (node: string, target: string) => {
  const params = { node, target, ms: 500 };
  const event = { kind: 'failing' as const, textKey: 'failing.timeout' as const, message: englishEventText('failing.timeout', params), params };
  return eventText(event, 'zh-CN', (name, value) => (name === 'node' || name === 'target' ? (NAMES[String(value)] ?? String(value)) : String(value)));
};

describe('Chinese sentences around a filled-in name', () => {
  it('set a Chinese node name against the words beside it in the event log', () => {
    expect(logLine('search-users', 'search-index')).toBe('搜索用户的请求因超时而失败：搜索索引在 500 毫秒内没有应答。');
  });

  it('keep the space beside a name that ends or starts in Latin letters or digits', () => {
    expect(logLine('api-2', 'db')).toBe('API 实例 2 的请求因超时而失败：db 在 500 毫秒内没有应答。');
  });

  it('leave English and a space inside the value as they are', () => {
    expect(fillTemplate('{{node}} 的 {{x}}', 'en', (n) => (n === 'node' ? '用户' : '请求')).text).toBe('用户 的 请求');
    expect(fillTemplate('在 {{node}} 中', 'zh-CN', () => '搜索 用户').text).toBe('在搜索 用户中');
    expect(fillTemplate('第 {{n}} 个', 'zh-CN', () => '3').text).toBe('第 3 个');
  });

  it('hold for grading notes too (the one template filler)', () => {
    const old = gradeMessage('regrade.otherVariant', { recorded: gradeMessage('variant.seedOnly', { seed: 7 }), graded: gradeMessage('variant.seedOnly', { seed: 1 }) });
    expect(gradeText(old, 'zh-CN')).toBe('文件记录的变体是种子 7；按学生姓名得到的是种子 1，评分用的是后者。');
  });
});

/** Every string of a locale table, with its path. */
function* strings(value: unknown, path: string): Generator<[string, string]> {
  if (typeof value === 'string') yield [path, value];
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, path ? `${path}.${k}` : k);
}

describe('the app’s own Chinese words (i18next)', () => {
  it('have no space between two Chinese characters of their own, so closing such spaces only meets a filled-in edge', () => {
    const spaced = [...strings(ZH_CN, '')].filter(([, text]) => /[\u3000-\u303f\u3400-\u9fff\uff00-\uffef] [\u3000-\u303f\u3400-\u9fff\uff00-\uffef]/u.test(text));
    expect(spaced).toEqual([]);
  });

  it('set a Chinese node name against the words beside it, and keep the space beside a Latin one', () => {
    const t = createI18n('zh-CN').getFixedT('zh-CN', 'properties');
    expect(t('propertiesOf', { name: '负载均衡器' })).toBe('负载均衡器的属性');
    expect(t('propertiesOf', { name: 'API 实例 2' })).toBe('API 实例 2 的属性');
    expect(createI18n('en').getFixedT('en', 'properties')('propertiesOf', { name: 'lb' })).not.toContain('的');
  });
});
