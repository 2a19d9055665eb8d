// A check's numbers read the same on the measured line, beside it and in the feedback: one
// formatter, in the student's language, with bounds in words ("at most 3,000 ms"), not "<=".
import { describe, expect, it } from 'vitest';
import { boundText, boundValue, formatCheckValue, parseBound } from '../../../src/shared/i18n/checkValue';
import { fillFeedback, unmeasuredFeedback } from '../../../src/main/grading/grade';
import { gradeMessage } from '../../../src/shared/i18n/gradeTexts';

describe('check values and bounds in words', () => {
  it('words every comparison in English and Chinese, with grouped numbers and the unit', () => {
    expect(['<= 3000 ms', '== 0', '< 1%', '>= 900/s', '> 2', '!= 3', '< 200 ms'].map((b) => boundText(b, b.endsWith('ms') ? 'ms' : b.endsWith('%') ? 'fraction' : b.endsWith('/s') ? 'per-second' : 'count', 'en'))).toEqual([
      'at most 3,000 ms',
      'exactly 0',
      'less than 1%',
      'at least 900/s',
      'more than 2',
      'other than 3',
      'less than 200 ms',
    ]);
    expect([boundText('<= 3000 ms', 'ms', 'zh-CN'), boundText('== 0', 'count', 'zh-CN'), boundText('< 1%', 'fraction', 'zh-CN'), boundText('>= 900/s', 'per-second', 'zh-CN')]).toEqual([
      '至多 3,000毫秒',
      '恰好 0',
      '低于 1%',
      '至少 900/秒',
    ]);
  });

  it('reads a structure bound, negated or not, and keeps a bound it cannot read as stored', () => {
    expect(boundText('count >= 4', undefined, 'en')).toBe('at least 4');
    expect(boundText('not count == 0', undefined, 'en')).toBe('other than 0');
    expect(parseBound('<= 3000 ms', 'ms')).toEqual({ op: '<=', value: 3000 });
    expect(parseBound('< 0.5%', 'fraction')?.value).toBeCloseTo(0.005);
    expect(boundText('about 3 s', 'ms', 'en')).toBe('about 3 s');
    expect(boundText('<= 3 s', 'ms', 'en')).toBe('<= 3 s');
  });

  it('formats a measured value as the measured line does, in each language', () => {
    expect([formatCheckValue(0.05518, 'fraction', 'en'), formatCheckValue(272.44, 'ms', 'en'), formatCheckValue(0.0025, 'fraction', 'en'), formatCheckValue(27, 'count', 'en'), formatCheckValue(1.374, 'ratio', 'en'), formatCheckValue(3, 'partitions', 'en')]).toEqual(['5.5%', '272.4 ms', '0.25%', '27', '1.37', '3 partitions']);
    expect([formatCheckValue(272.44, 'ms', 'zh-CN'), formatCheckValue(884, 'per-second', 'zh-CN'), formatCheckValue(3, 'partitions', 'zh-CN')]).toEqual(['272.4毫秒', '884.0/秒', '3 个分区']);
  });

  it('gives a value that would read like its bound the digits that tell them apart', () => {
    expect(formatCheckValue(0.0504, 'fraction', 'en', boundValue('< 5%', 'fraction'))).toBe('5.04%');
    expect(formatCheckValue(200.02, 'ms', 'en', 200)).toBe('200.02 ms');
    expect(formatCheckValue(0.0704, 'fraction', 'en', 0.05)).toBe('7.0%');
  });

  it('fills the feedback with the same numbers and words in each of its languages', () => {
    const text = { en: '{measured} of requests failed (needed {bound}).', 'zh-CN': '有 {measured} 的请求失败（要求 {bound}）。' };
    expect(fillFeedback(text, 0.05518, '< 1%', 'fraction')).toEqual({ en: '5.5% of requests failed (needed less than 1%).', 'zh-CN': '有 5.5% 的请求失败（要求低于 1%）。' });
    const took = { en: 'It took {measured} (needed {bound}).', 'zh-CN': '用了 {measured}（要求 {bound}）。' };
    expect(fillFeedback(took, 4272.44, '<= 3000 ms', 'ms')).toEqual({ en: 'It took 4,272.4 ms (needed at most 3,000 ms).', 'zh-CN': '用了 4,272.4毫秒（要求至多 3,000毫秒）。' });
    const out = unmeasuredFeedback(took, null, '<= 3000 ms', gradeMessage('unmeasured.recoveryFinished'), 'ms')!;
    expect(out.en).toContain('(needed at most 3,000 ms)');
    expect(out['zh-CN']).toContain('（要求至多 3,000毫秒）');
    expect(out.en).not.toMatch(/<=|==/);
  });
});
