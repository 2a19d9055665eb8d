// A grade message names a fault action or a node kind by the domain's word in the student's
// language: "施加“崩溃”", not "施加“crash”" (the report keeps the id and the English sentence).
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { gradeParamWords } from '../../../src/renderer/src/i18n/useDomain';
import { RESOURCES } from '../../../src/renderer/src/i18n/resources';
import { gradeMessage, keyedError } from '../../../src/shared/i18n/gradeTexts';
import { checkErrorText, reportNotes } from '../../../src/shared/i18n/reportText';

const domain = (lng: 'en' | 'zh-CN'): TFunction<'domain'> => {
  const i18n = i18next.createInstance();
  void i18n.init({ resources: RESOURCES as never, lng, fallbackLng: 'en', ns: ['domain'], defaultNS: 'domain', interpolation: { escapeValue: false }, initAsync: false });
  return i18n.getFixedT(lng, 'domain') as TFunction<'domain'>;
};

describe('grade messages with the domain words', () => {
  const missing = gradeMessage('check.missingFaultTarget', { action: 'crash', node: 'sessions', name: 'Session store', seconds: 10 });
  const { error, errorKey } = keyedError(missing);
  const check = { error, errorKeys: [errorKey] };

  it('names a missing target\'s fault by its Chinese name, and by its label in English', () => {
    const zh = checkErrorText(check, 'zh-CN', gradeParamWords(domain('zh-CN')))!;
    expect(zh).toContain('施加“崩溃”');
    expect(zh).not.toContain('crash');
    expect(checkErrorText(check, 'en', gradeParamWords(domain('en')))).toContain('applies "Crash" to "Session store"');
    // The report keeps the English with the id (the CLI and the grades CSV read it).
    expect(error).toContain('applies "crash"');
  });

  it('names both nodes of a starved fault target by their names on the canvas (the starved one and the busiest beside it)', () => {
    const starved = keyedError(gradeMessage('check.faultTargetStarved', { action: 'crash', node: 'api-2', name: 'API 2', seconds: 10, percent: 1, peer: 'api-1', peerName: 'API 1' }));
    const names: Record<string, string> = { 'api-1': 'API 实例 1', 'api-2': 'API 实例 2' };
    const zh = checkErrorText({ error: starved.error, errorKeys: [starved.errorKey] }, 'zh-CN', gradeParamWords(domain('zh-CN')), (id) => names[id] ?? id)!;
    expect(zh).toContain('负载均衡器分给“API 实例 2”的用户请求只有“API 实例 1”的 1%');
    expect(zh).toContain('施加“崩溃”');
  });

  it('names a node kind in a frame note by its Chinese name', () => {
    const note = gradeMessage('frame.removed', { reason: gradeMessage('frame.reason.kind', { kind: 'cache' }), ids: '"cache-1"', count: 1 });
    const notes = reportNotes({ notes: ['x'], noteKeys: [note] }, 'zh-CN', gradeParamWords(domain('zh-CN')));
    expect(notes[0]).toContain('本课程不提供缓存节点');
  });
});
