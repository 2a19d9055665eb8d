import { describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/renderer/src/i18n/i18n';
import { faultNamer, faultPhrase } from '../../../src/renderer/src/studio/faultName';
import { nodeNamer } from '../../../src/shared/nodeNames';
import type { Fault } from '../../../src/shared/scenario';

const nodes = [
  { id: 'api-1', label: 'API 1' },
  { id: 'api-2', label: 'API 2' },
];
const names = { 'api-2': { en: 'API 2', 'zh-CN': 'API 实例 2' } };
const setup = (locale: 'en' | 'zh-CN') => {
  const i18n = createI18n(locale);
  const studio = i18n.getFixedT(locale, 'studio');
  return { d: i18n.getFixedT(locale, 'domain'), nameOf: nodeNamer(nodes, names, locale), at: (fault: string, time: string) => studio('faultAt', { fault, time }), whenFault: (fault: string) => studio('whenFault', { fault }) };
};

describe("a check window's fault, as the studio's pickers name it", () => {
  const crash: Fault = { id: 'crash', atMs: 12_000, action: 'crash', target: 'api-2' };

  it('reads like the event log and the injected faults ("Crash on API 2"), not by its id, in both languages', () => {
    const en = setup('en');
    expect(faultPhrase(crash, 'en', en.d, en.nameOf)).toBe('Crash on API 2');
    const zh = setup('zh-CN');
    const phrase = faultPhrase(crash, 'zh-CN', zh.d, zh.nameOf);
    expect(phrase).toBe('对 API 实例 2 施加“崩溃”');
    expect(phrase).not.toContain('crash');
    // The anchor picker's words around it.
    expect(en.whenFault(faultPhrase(crash, 'en', en.d, en.nameOf))).toBe('when Crash on API 2 happens');
    expect(zh.whenFault(phrase)).toBe('对 API 实例 2 施加“崩溃”时');
  });

  it('adds the time only where two faults would read alike, and keeps an unknown id as itself', () => {
    const en = setup('en');
    const faults: Fault[] = [crash, { atMs: 30_000, action: 'crash', target: 'api-2' }, { id: 'slow-1', atMs: 5000, action: 'slow', target: 'api-1' }];
    const name = faultNamer(faults, 'en', en.d, en.nameOf, en.at);
    expect(name('crash')).toBe('Crash on API 2 at 12.0 s');
    // The second crash has no id: the scenario calls it by its place (faultId).
    expect(name('crash-1')).toBe('Crash on API 2 at 30.0 s');
    expect(name('slow-1')).toBe('Slow down on API 1');
    expect(name('gone')).toBe('gone');
  });
});
