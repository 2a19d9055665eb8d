/**
 * Event-log sentences come from one table (src/shared/i18n/eventTexts.ts): every kind has an English
 * and a Chinese sentence with the same placeholders, the simulator's stored English is that
 * table's, and the Chinese log of a real run is complete Chinese sentences.
 */
import { describe, expect, it } from 'vitest';
import { simulate } from '../../../src/main/sim/index';
import { GLOSSARY, enForms, zhForms } from '../../../src/shared/glossary';
import { EVENT_TEXTS, eventKindOf, eventText, placeholders, type EventTextKey } from '../../../src/shared/i18n/eventTexts';
import { RUN_EVENT_KINDS, type RunEvent } from '../../../src/shared/metrics';
import { GOLDEN } from './goldenScenarios';

const keys = Object.keys(EVENT_TEXTS) as EventTextKey[];
const HAN = /\p{Script=Han}/u;

describe('event-log sentence table', () => {
  it('has an English and a Chinese sentence for every event kind, and no key of an unknown kind', () => {
    for (const kind of RUN_EVENT_KINDS) expect(keys, kind).toContain(kind);
    for (const key of keys) expect(RUN_EVENT_KINDS, key).toContain(eventKindOf(key));
  });

  it('uses the same placeholders in both languages, and Chinese text in the Chinese sentence', () => {
    for (const key of keys) {
      const { en, 'zh-CN': zh } = EVENT_TEXTS[key];
      expect(placeholders(zh), key).toEqual(placeholders(en));
      expect(zh, key).toMatch(HAN);
    }
  });

  it("says the glossary's Chinese term wherever the English sentence names a course term", () => {
    const mismatches: string[] = [];
    for (const key of keys) {
      const { en, 'zh-CN': zh } = EVENT_TEXTS[key];
      for (const e of GLOSSARY) {
        const named = enForms(e).some((form) => new RegExp(`(^|[^a-z])${form.replace(/[- ]/g, '[- ]')}($|[^a-z])`, 'i').test(en));
        if (named && !zhForms(e).some((form) => zh.includes(form))) mismatches.push(`${key} [${e.id}]: ${zh}`);
      }
    }
    expect(mismatches).toEqual([]);
  });
});

describe('event-log sentences of real runs', () => {
  const events: RunEvent[] = Object.values(GOLDEN).flatMap(({ graph, scenario }) => simulate(graph, scenario).events);

  it('logs parameters with every event, and the English made from them is the stored message', () => {
    expect(events.length).toBeGreaterThan(20);
    for (const e of events) {
      expect(e.params, e.message).toBeDefined();
      expect(eventText(e, 'en')).toBe(e.message);
    }
  });

  it('reads each event in Chinese with every parameter filled in', () => {
    for (const e of events) {
      const zh = eventText(e, 'zh-CN');
      expect(zh, e.message).not.toBe(e.message);
      expect(zh).toMatch(HAN);
      expect(zh).not.toContain('{{');
      if (e.node !== undefined) expect(zh).toContain(e.node);
    }
    const crash = events.find((e) => e.kind === 'crashed' && e.node === 'api-2');
    expect(crash && eventText(crash, 'zh-CN')).toBe('api-2 已崩溃。');
    const restartForDeploy = events.find((e) => e.textKey === 'restarted.deploy');
    expect(restartForDeploy && eventText(restartForDeploy, 'zh-CN')).toMatch(/^\S+ 因部署而重启。$/);
  });
});

describe('eventText with a parameter formatter', () => {
  it("lets the UI show a fault's action and numbers in its own terms", () => {
    const fault: RunEvent = { atMs: 4000, kind: 'fault', node: 'api-2', message: 'Fault crash: crash api-2.', params: { fault: 'crash', action: 'crash', target: 'api-2' } };
    const labels: Record<string, string> = { crash: '崩溃' };
    expect(eventText(fault, 'zh-CN', (name, value) => (name === 'action' ? (labels[value] ?? String(value)) : String(value)))).toBe('故障 crash：崩溃 api-2。');
    const lost: RunEvent = { atMs: 1, kind: 'write-lost', message: '1200 acknowledged writes never reached db-b and are lost.', params: { node: 'db-b', count: 1200 } };
    expect(eventText(lost, 'en', (_, value) => (typeof value === 'number' ? value.toLocaleString('en') : value))).toBe('1,200 acknowledged writes never reached db-b and are lost.');
  });
});

describe('eventText fallbacks', () => {
  const crashed: RunEvent = { atMs: 1, kind: 'crashed', node: 'api-1', message: 'api-1 crashed.', params: { node: 'api-1' } };

  it('keeps the stored English for runs without params, unknown locales and incomplete params', () => {
    expect(eventText({ ...crashed, params: undefined }, 'zh-CN')).toBe('api-1 crashed.');
    expect(eventText(crashed, 'fr')).toBe('api-1 crashed.');
    expect(eventText({ ...crashed, params: {} }, 'zh-CN')).toBe('api-1 crashed.');
  });

  it('does not read keys or locales off the object prototype from an untrusted run file', () => {
    expect(eventText({ ...crashed, textKey: '__proto__' as EventTextKey }, 'zh-CN')).toBe('api-1 crashed.');
    expect(eventText(crashed, 'toString')).toBe('api-1 crashed.');
    expect(eventText({ ...crashed, params: { node: 'api-1', constructor: 'x' } }, 'zh-CN')).toBe('api-1 已崩溃。');
  });
});
