import { describe, expect, it } from 'vitest';
import { checkConnection, CONNECTION_REFUSALS } from '../../../src/shared/connections';
import { FAILURE_REASON_KEYS } from '../../../src/shared/failureReasons';
import { FAULT_ACTIONS } from '../../../src/shared/faults';
import { METRIC_NAMES, RUN_EVENT_KINDS } from '../../../src/shared/metrics';
import { NODE_KINDS } from '../../../src/shared/graph';
import { SHORTCUTS } from '../../../src/renderer/src/editor/shortcuts';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { initialLocale } from '../../../src/renderer/src/i18n/LocaleContext';
import { domainWords } from '../../../src/renderer/src/i18n/useDomain';
import { APP_LOCALES, RESOURCES } from '../../../src/renderer/src/i18n/resources';
import { ERROR_TEXTS } from '../../../src/shared/i18n/errorTexts';
import { templatePlaceholders, type Template } from '../../../src/shared/i18n/messages';
import { STEP_TEXTS } from '../../../src/shared/i18n/stepTexts';
import { GRADE_TEXTS } from '../../../src/shared/i18n/gradeTexts';
import { PACK_TEXTS } from '../../../src/shared/i18n/packTexts';

/** Leaf keys of a namespace, plural suffixes folded ("nodes_one", "nodes_other" → "nodes"), with their values. */
function leaves(tree: object, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = `${prefix}${key.replace(/_(zero|one|two|few|many|other)$/, '')}`;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of leaves(value as object, `${path}.`)) out.set(k, v);
  }
  return out;
}
const variables = (text: string) => [...text.matchAll(/\{\{(\w+)/g)].map((m) => m[1]).sort();

/** zh-CN values that may equal the English: proper names, file formats, ids the course keeps in English. */
const SAME_IN_BOTH = new Set(['domain:metrics.latencyP50.name', 'lab:speedMax', 'properties:totals', 'canvas:traffic', 'app:connected']);
const SAME_VALUES = /^(|\/|\{\{\w+\}\}( · \{\{\w+\}\})?|ms|p50|p99|[A-Z]+)$/;

describe('translations', () => {
  const en = RESOURCES.en as Record<string, object>;
  for (const locale of APP_LOCALES.filter((l) => l !== 'en')) {
    const other = RESOURCES[locale] as Record<string, object>;
    for (const ns of Object.keys(en)) {
      it(`${locale} has every ${ns} key English has, and no key English lacks`, () => {
        const a = leaves(en[ns]!);
        const b = leaves(other[ns] ?? {});
        expect([...a.keys()].filter((k) => !b.has(k)), `keys missing in ${locale}`).toEqual([]);
        // Refused connections: English shows the rule's own sentence, other languages word them by refusal id.
        const ownWords = (k: string) => ns === 'domain' && k.startsWith('refusals.');
        expect([...b.keys()].filter((k) => !a.has(k) && !ownWords(k)), `keys ${locale} has but English does not`).toEqual([]);
      });
      it(`${locale} ${ns}: every value is translated and keeps the English placeholders`, () => {
        const a = leaves(en[ns]!);
        const b = leaves(other[ns] ?? {});
        const untranslated = [...a].filter(([k, v]) => b.get(k) === v && !SAME_IN_BOTH.has(`${ns}:${k}`) && !SAME_VALUES.test(v)).map(([k]) => k);
        expect(untranslated, `values identical to English in ${locale}`).toEqual([]);
        const lost = [...a].filter(([k, v]) => b.has(k) && variables(b.get(k)!).join() !== variables(v).join()).map(([k]) => k);
        expect(lost, 'placeholders that differ from English').toEqual([]);
      });
    }
  }

  it('every id of the shared tables has a zh-CN word (kinds, metrics, faults, failure reasons, events)', () => {
    const zh = domainWords(createI18n('zh-CN').getFixedT('zh-CN', 'domain'));
    const english = domainWords(createI18n('en').getFixedT('en', 'domain'));
    const pairs = [
      ...NODE_KINDS.map((k) => [zh.kind(k), english.kind(k)]),
      ...METRIC_NAMES.map((m) => [zh.metric(m), english.metric(m)]),
      ...FAULT_ACTIONS.map((f) => [zh.fault(f), english.fault(f)]),
      ...FAILURE_REASON_KEYS.map((r) => [zh.reason(r), english.reason(r)]),
    ];
    expect(pairs.filter(([a, b]) => a === b || !/\p{Script=Han}/u.test(a!))).toEqual([]);
    const t = createI18n('zh-CN').getFixedT('zh-CN', 'domain');
    expect(RUN_EVENT_KINDS.filter((k) => !/\p{Script=Han}/u.test(t(`events.${k}`)))).toEqual([]);
    expect(zh.fieldLabel('load-balancer', ['healthCheck', 'intervalMs'], '?')).toBe('间隔');
    expect(zh.option('load-balancer', ['policy'], 'consistent-hash')).toBe('一致性哈希');
  });

  it('every refused connection reads in zh-CN, and in English as the rule says it', () => {
    const zhTree = (RESOURCES['zh-CN'] as { domain: { refusals: Record<string, string> } }).domain.refusals;
    expect(Object.keys(zhTree).sort()).toEqual([...CONNECTION_REFUSALS, 'useReplication'].sort());
    const graph = { nodes: [{ id: 'c', kind: 'cache' as const, label: 'Cache', position: { x: 0, y: 0 }, props: {} }, { id: 'u', kind: 'client' as const, label: 'Users', position: { x: 0, y: 0 }, props: {} }, { id: 's', kind: 'session-store' as const, label: 'S', position: { x: 0, y: 0 }, props: {} }, { id: 's2', kind: 'session-store' as const, label: 'S2', position: { x: 0, y: 0 }, props: {} }], edges: [] };
    const zh = domainWords(createI18n('zh-CN').getFixedT('zh-CN', 'domain'));
    const en = domainWords(createI18n('en').getFixedT('en', 'domain'));
    const refused = (source: string, target: string) => {
      const v = checkConnection(graph, source, target, 'request');
      if (v.ok) throw new Error('expected a refusal');
      return v;
    };
    expect(zh.refusal(refused('c', 'u'))).toBe('客户端只发送请求；没有节点会向客户端发送请求。');
    expect(zh.refusal(refused('s', 's2'))).toBe('会话存储只应答请求，不能发送请求。要把它的数据复制到从库，请使用复制连接。');
    expect(en.refusal(refused('s', 's2'))).toBe(refused('s', 's2').reason);
  });

  it('the English domain words are the tables’ own (they cannot drift)', () => {
    const en = domainWords(createI18n('en').getFixedT('en', 'domain'));
    expect([en.kind('load-balancer'), en.metric('errorRate'), en.fault('crash'), en.reason('noRoute')]).toEqual(['Load balancer', 'Error rate', 'Crash', 'no route']);
    expect(en.fieldLabel('service', ['callTimeoutMs'], '?')).toBe('Call timeout');
  });

  it('every shortcut in the help overlay has its words in every language', () => {
    for (const locale of APP_LOCALES) {
      const i18n = createI18n(locale);
      expect(SHORTCUTS.filter((s) => !i18n.exists(`editor:help.${s.id}`)).map((s) => s.keys)).toEqual([]);
    }
  });

  it('counts agree with their nouns in each language', () => {
    const en = createI18n('en').getFixedT('en', 'properties');
    const zh = createI18n('zh-CN').getFixedT('zh-CN', 'properties');
    expect([en('nodes', { count: 1 }), en('nodes', { count: 2 }), zh('nodes', { count: 1 })]).toEqual(['1 node', '2 nodes', '1 个节点']);
  });

  it('the first language is the system’s (zh* is 简体中文, anything else English) until the student picks one', () => {
    expect(initialLocale(null, ['zh-TW', 'en'])).toBe('zh-CN');
    expect(initialLocale(null, ['fr-FR'])).toBe('en');
    expect(initialLocale('en', ['zh-CN'])).toBe('en');
    expect(initialLocale('klingon', ['zh-CN'])).toBe('zh-CN');
  });
});

const HAN = /\p{Script=Han}/u;
/** Templates that are only punctuation around their placeholders ("{{file}}：{{detail}}", "{{a}} › {{b}}"). */
const isFrame = (text: string) => text.replace(/\{\{\w+\}\}/g, '').replace(/[\s:：.。,，()（）"“”›]/g, '') === '';

// Errors (main, workers, shared loaders) and Step descriptions come from their own bilingual tables.
describe.each([
  ['ERROR_TEXTS', ERROR_TEXTS as Record<string, Template>],
  ['STEP_TEXTS', STEP_TEXTS as Record<string, Template>],
  ['GRADE_TEXTS', GRADE_TEXTS as Record<string, Template>],
  ['PACK_TEXTS', PACK_TEXTS as Record<string, Template>],
])('%s', (_, table) => {
  it('every zh-CN sentence is Chinese, not the English left in place', () => {
    const english = Object.entries(table).filter(([, t]) => !isFrame(t.en) && (!HAN.test(t['zh-CN']) || t['zh-CN'] === t.en)).map(([k]) => k);
    expect(english).toEqual([]);
  });
  it('every zh-CN sentence keeps the English placeholders', () => {
    const lost = Object.entries(table).filter(([, t]) => templatePlaceholders(t.en).join() !== templatePlaceholders(t['zh-CN']).join()).map(([k]) => k);
    expect(lost).toEqual([]);
  });
});
