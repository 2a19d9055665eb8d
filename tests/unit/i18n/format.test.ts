import { describe, expect, it } from 'vitest';
import { formatEventTime, formatNumber, formatSeconds, formatValue, formatWrittenNumber } from '../../../src/renderer/src/i18n/format';
import { errorMessage, messageText } from '../../../src/shared/i18n/errorTexts';
import { englishPackText, packMessage } from '../../../src/shared/i18n/packTexts';

describe('numbers in the student’s locale', () => {
  it('English keeps the lab’s readouts (req/s, ms, %, s) and never shows NaN', () => {
    expect([formatValue(1234.5, 'rps', 'en'), formatValue(42.25, 'ms', 'en'), formatValue(0.123, 'fraction', 'en'), formatSeconds(12_500, 'en'), formatValue(NaN, 'ms', 'en')]).toEqual(['1,235 req/s', '42.3 ms', '12.3%', '12.5 s', '—']);
  });
  it('简体中文 reads units in Chinese through Intl', () => {
    expect([formatValue(1234.5, 'rps', 'zh-CN'), formatValue(42.25, 'ms', 'zh-CN'), formatSeconds(12_500, 'zh-CN')]).toEqual(['1,235 次/秒', '42.3毫秒', '12.5秒']);
  });
  it('a moment of a run reads one way in every lab view: under a second in milliseconds, after it in seconds, to the microsecond where it has one, no digits grouped inside a fraction', () => {
    // 1.518 ms read "0.001 518秒": seconds where milliseconds read better, and a group separator inside the fraction.
    expect([1.518, 0, 250, 0.5, 87.44, 999.9994].map((ms) => formatEventTime(ms, 'en'))).toEqual(['1.518 ms', '0 ms', '250 ms', '0.500 ms', '87.440 ms', '999.999 ms']);
    expect([1.518, 250].map((ms) => formatEventTime(ms, 'zh-CN'))).toEqual(['1.518毫秒', '250毫秒']);
    // 12.000127 s and 12.000312 s read apart; 10 s is not padded to six decimals; a millisecond short of a second is a second.
    expect([10_000, 12_000.127, 12_000.312, 4_000.6131, 55_000.42, 12_500, 999.9996].map((ms) => formatEventTime(ms, 'en'))).toEqual(['10.000 s', '12.000127 s', '12.000312 s', '4.000613 s', '55.000420 s', '12.500 s', '1.000 s']);
    expect([10_000, 12_000.127].map((ms) => formatEventTime(ms, 'zh-CN'))).toEqual(['10.000秒', '12.000127秒']);
    // A long run's seconds are grouped in their whole part only.
    expect(formatEventTime(1_234_567.891, 'en')).toBe('1,234.567891 s');
    for (const text of [1.518, 12_000.127, 1_234_567.891].flatMap((ms) => [formatEventTime(ms, 'en'), formatEventTime(ms, 'zh-CN')])) expect(text).not.toMatch(/[.,]\d+[\s\u202f]\d/);
  });
});

describe('a pack problem’s numbers', () => {
  it('read grouped as the app writes numbers, neither rounded nor padded, in the studio and the CLI alike', () => {
    expect([100_000, 2_000_000, 0.25, 1234.5].map((v) => formatWrittenNumber(v, 'en'))).toEqual(['100,000', '2,000,000', '0.25', '1,234.5']);
    expect(formatWrittenNumber(100_000, 'zh-CN')).toBe(formatNumber(100_000, 'zh-CN'));
    // A range's max below its min: the sentence's numbers are grouped in both languages, the CLI's English as the studio's.
    const steps = packMessage('own.variantMaxBelowMin', { max: 1000, min: 100_000 });
    expect(messageText(steps, 'en')).toBe('expected max (1,000) to be at least min (100,000)');
    expect(messageText(steps, 'zh-CN')).toBe('max（1,000）应不小于 min（100,000）');
    expect(englishPackText(steps)).toBe(messageText(steps, 'en'));
    // An error's own message keeps its numbers as it has them.
    expect(messageText(errorMessage('call.tooLarge', { channel: 'x', bytes: 2000 }), 'en')).toBe('x: the request is too large (2000 bytes).');
  });
});
