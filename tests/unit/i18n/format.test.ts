import { describe, expect, it } from 'vitest';
import { formatSeconds, formatValue } from '../../../src/renderer/src/i18n/format';

describe('numbers in the student’s locale', () => {
  it('English keeps the lab’s readouts (req/s, ms, %, s) and never shows NaN', () => {
    expect([formatValue(1234.5, 'rps', 'en'), formatValue(42.25, 'ms', 'en'), formatValue(0.123, 'fraction', 'en'), formatSeconds(12_500, 'en'), formatValue(NaN, 'ms', 'en')]).toEqual(['1,235 req/s', '42.3 ms', '12.3%', '12.5 s', '—']);
  });
  it('简体中文 reads units in Chinese through Intl', () => {
    expect([formatValue(1234.5, 'rps', 'zh-CN'), formatValue(42.25, 'ms', 'zh-CN'), formatSeconds(12_500, 'zh-CN')]).toEqual(['1,235 次/秒', '42.3毫秒', '12.5秒']);
  });
});
