import { describe, expect, it } from 'vitest';
import { compareGrades, gradeDifferences } from '../../../src/main/grading/submission';
import { differenceText } from '../../../src/renderer/src/lesson/regradeText';
import type { GradeReport } from '../../../src/shared/gradeReport';

const check = (id: string, title: Record<string, string> & { en: string }, passed: boolean) => ({ id, title, passed, points: passed ? 10 : 0, maxPoints: 10 });
const report = (checks: ReturnType<typeof check>[]) => ({ score: checks.reduce((s, c) => s + c.points, 0), maxScore: checks.length * 10, checks }) as unknown as GradeReport;

describe('the re-grade dialog names checks by title', () => {
  const fresh = report([check('errors-after-crash', { en: 'Errors stay brief after a crash', de: 'Fehler bleiben kurz' }, false), check('throughput', { en: 'Throughput holds' }, true)]);
  const stored = report([check('errors-after-crash', { en: 'Errors stay brief after a crash' }, true), check('bogus', { en: 'Bogus' }, true)]);
  const differences = compareGrades(stored, fresh);

  it('turns the host\'s "checks.<id>" into the check\'s title, in the app\'s language', () => {
    const shown = differences.map((d) => differenceText(d, fresh, 'en'));
    expect(shown).toContain('“Errors stay brief after a crash”: the file says passed (10 points), re-grading says failed (0 points)');
    expect(shown).toContain('“Throughput holds”: missing from the file\'s grade');
    expect(shown.some((s) => s.startsWith('Score: '))).toBe(true);
    expect(shown.join('\n')).not.toContain('checks.errors-after-crash');
    expect(differences.map((d) => differenceText(d, fresh, 'de'))).toContain('“Fehler bleiben kurz”: the file says passed (10 points), re-grading says failed (0 points)');
  });

  it('a check the lesson does not have keeps the id the file gave it', () => {
    expect(differences.map((d) => differenceText(d, fresh, 'en'))).toContain('“bogus”: not a check of this lesson');
  });

  it('with the keys the host sends beside the English, every difference reads in Chinese (an instructor saw “the file says passed (1 points)”)', () => {
    const zhFresh = report([check('errors-after-crash', { en: 'Errors stay brief after a crash', 'zh-CN': '崩溃后错误很快消失' }, false), check('throughput', { en: 'Throughput holds', 'zh-CN': '吞吐量保持' }, true)]);
    const keyed = gradeDifferences(stored, zhFresh);
    expect(keyed.map((d) => d.en)).toEqual(compareGrades(stored, zhFresh));
    const shown = keyed.map((d) => differenceText(d.en, zhFresh, 'zh-CN', d.key));
    expect(shown).toEqual(['分数：文件中写的是 20/20，重新评分得到 10/20', '“崩溃后错误很快消失”：文件中写的是通过（10 分），重新评分为未通过（0 分）', '“吞吐量保持”：文件的成绩里没有这一项', '“bogus”：不是本课程的检查项']);
    // English from the keys: one point, several points.
    const one = gradeDifferences(report([{ ...check('a', { en: 'A' }, true), points: 1 }]), report([check('a', { en: 'A' }, false)]));
    expect(differenceText(one[1]!.en, report([check('a', { en: 'A' }, false)]), 'en', one[1]!.key)).toBe('“A”: the file says passed (1 point), re-grading says failed (0 points)');
  });
});
