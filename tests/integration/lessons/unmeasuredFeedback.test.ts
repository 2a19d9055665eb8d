// A check whose metric measured nothing used to fill the lesson's feedback with "no data": lesson
// 14 (rooms) with recovery from a replica that is not wired read "From the owner's last sign of
// life to its rooms serving again took no data (needed <= 3000 ms)." The feedback now says what
// did not happen, in each of the lesson's languages.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { PACK_DIR } from './expectations';

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
    expect(check.feedback!.en).toContain(check.bound!);
    expect(check.feedback!['zh-CN']).not.toContain('无数据');
    expect(check.feedback!['zh-CN']).toContain('时间窗口内没有完成任何恢复');
    // A check that measured a number keeps the lesson's own feedback, filled in.
    const errors = report.checks.find((c) => c.id === 'errors-after')!;
    expect(errors.measured).not.toBeNull();
    expect(errors.feedback!.en).toMatch(/^From 4 s after the owner died, [\d.]+% of messages still failed/);
  });
});
