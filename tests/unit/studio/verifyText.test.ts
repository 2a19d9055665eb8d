// The studio's live verification reads numbers as the lesson panel does (one formatter,
// shared/i18n/checkValue.ts) and says why a design could not be graded once, in the author's language.
import { describe, expect, it } from 'vitest';
import { gradeMessage, englishGrade } from '../../../src/shared/i18n/gradeTexts';
import type { VerifyCheckRow } from '../../../src/shared/studio';
import { cellValues, rowBound, verifyReasons } from '../../../src/renderer/src/studio/verifyText';

const missing = gradeMessage('check.missingFaultTarget', { action: 'cache-flush', node: 'cache-1', name: 'cache-1', seconds: 10 });
const error = { text: englishGrade(missing), keys: [missing] };
const row = (checkId: string, withError: boolean): VerifyCheckRow => ({
  checkId,
  unit: 'fraction',
  bound: '< 1%',
  designs: {
    starter: { passed: 0, total: 4, measured: [0.933, 0.5, null, 0.00996], ...(withError ? { error } : {}) },
    reference: { passed: 4, total: 4, measured: [0, 0, 0.004, 0] },
  },
  isFreePoint: false,
  isFlaky: false,
  wrongPasses: [],
});

describe('the live verification’s values', () => {
  it('reads each value as the lesson panel does: 0.0% (not 0.00%), — for nothing measured, digits that tell a value from its bound', () => {
    const r = row('few-errors', false);
    expect(cellValues(r, r.designs.reference!, 'en').shown).toBe('0.0%, 0.0%, 0.40%…');
    expect(cellValues(r, r.designs.starter!, 'en').all).toBe('93.3%, 50.0%, —, 0.996%');
    // 简体中文: the enumeration comma between values.
    expect(cellValues(r, r.designs.starter!, 'zh-CN').shown).toBe('93.3%、50.0%、—…');
  });

  it('words the bound as the student reads it', () => {
    expect(rowBound(row('x', false), 'en')).toBe('less than 1%');
    expect(rowBound(row('x', false), 'zh-CN')).toBe('低于 1%');
    expect(rowBound({ unit: 'fraction' }, 'en')).toBeUndefined();
  });
});

describe('why a design could not be graded', () => {
  it('is said once per design, in the author’s language, with the fault by its name there', () => {
    const rows = [row('few-errors', true), row('fast-after-flush', true)];
    const words = (name: string, value: string | number) => (name === 'action' && value === 'cache-flush' ? '清空缓存' : String(value));
    const zh = verifyReasons(rows, ['starter', 'reference'], 'zh-CN', words);
    expect(zh).toHaveLength(1);
    expect(zh[0]!.design).toBe('starter');
    expect(zh[0]!.text).toContain('“清空缓存”');
    expect(zh[0]!.text).not.toMatch(/The lesson|design/);
    const en = verifyReasons(rows, ['starter', 'reference'], 'en');
    expect(en).toEqual([{ design: 'starter', text: error.text }]);
  });
});
