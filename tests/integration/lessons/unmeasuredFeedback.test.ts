// A check whose metric measured nothing used to fill the lesson's feedback with "no data": lesson
// 14 (rooms) with recovery from a replica that is not wired read "From the owner's last sign of
// life to its rooms serving again took no data (needed <= 3000 ms)." The feedback now says what
// did not happen, in each of the lesson's languages.
import { describe, expect, it } from 'vitest';
import { gradeLesson, unmeasuredFeedback } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { PACK_DIR } from './expectations';
import { boundText } from '../../../src/shared/i18n/checkValue';

describe('feedback of a check that measured nothing', () => {
  it('says what did not happen and the bound, not "no data", in English and Chinese', async () => {
    const pack = await loadPackFolder(PACK_DIR);
    const entry = pack.lessons.find((l) => l.lesson.id === 'rooms')!;
    const wrong = entry.lesson.wrongAnswers!.find((w) => w.id === 'replica-not-wired')!;
    const graph = applyGraphEdit(entry.starter, wrong.edit);
    const { report } = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph, answers: {} }, simEngine);
    const check = report.checks.find((c) => c.id === 'rooms-back-fast')!;
    expect(check.passed).toBe(false);
    expect(check.measured).toBeNull();
    expect(check.feedback!.en).not.toContain('no data');
    expect(check.feedback!.en).toContain('no recovery finished in the window');
    // The bound in words, as the measured line's neighbour reads it (the report keeps "<= 3000 ms").
    expect(check.feedback!.en).toContain(`(needed ${boundText(check.bound!, check.unit, 'en')})`);
    expect(check.feedback!.en).not.toMatch(/<=|==/);
    expect(check.feedback!['zh-CN']).toContain(`（要求${boundText(check.bound!, check.unit, 'zh-CN')}）`);
    expect(check.feedback!['zh-CN']).not.toContain('无数据');
    expect(check.feedback!['zh-CN']).toContain('时间窗口内没有完成任何恢复');
    // The lesson's feedback had one sentence, about the missing number: where to look instead.
    expect(check.feedback!.en).toMatch(/The error chart and the event log show what went wrong\.$/);
    // A check that measured a number keeps the lesson's own feedback, filled in.
    const errors = report.checks.find((c) => c.id === 'errors-after')!;
    expect(errors.measured).not.toBeNull();
    expect(errors.feedback!.en).toMatch(/^From 4 s after the owner died, [\d.]+% of messages still failed/);
  });

  it("keeps the lesson's sentences that do not name the missing number (lesson 3's p99 and budget, empty canvas)", () => {
    const text = { en: 'p99 of the requests that succeeded: {measured} (target {bound}). A request that fails at once is not fast, it is an error.', 'zh-CN': '成功请求的 p99 延迟：{measured}（目标 {bound}）。立刻失败的请求不算“快”，它是错误。' };
    const reason = { key: 'unmeasured.requestServed' } as const;
    const out = unmeasuredFeedback(text, null, '< 150 ms', reason, 'ms')!;
    expect(out.en).toBe('Nothing to measure: no request was served (none succeeded) in the window (needed less than 150 ms). A request that fails at once is not fast, it is an error.');
    expect(out['zh-CN']).toBe('无从测量：时间窗口内没有请求被成功处理（要求低于 150毫秒）。立刻失败的请求不算“快”，它是错误。');
    expect(unmeasuredFeedback(text, 12, '< 150 ms', reason)).toBeUndefined();
  });
});
