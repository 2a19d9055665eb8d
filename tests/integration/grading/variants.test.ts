// Per-student variants end to end in grading (issue 13 item 5): two students of lesson 1 get
// different crash times, each submission re-grades to the grade stored in it, a file whose numbers
// were edited is graded with the student's own, and the reference passes / the starter fails on
// 20 sampled students' variants (what `pack:validate --run` proves).
import { packProblemText } from '../../../src/shared/i18n/errorTexts';
import { describe, expect, it } from 'vitest';
import { gradeSubmissionText } from '../../../src/main/grading/bulk';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { createSubmission, loadSubmission, regradeSubmission } from '../../../src/main/grading/submission';
import { lessonForStudent } from '../../../src/main/grading/variant';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { checkSolutions, VARIANT_SAMPLES } from '../../../src/main/packs/solutions';
import { PACK_DIR } from '../lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
const lesson1 = pack.lessons.find((l) => l.lesson.id === 'any-instance')!;
const answers = { 'why-any': 'external' };

function submit(student: string) {
  const own = lessonForStudent(lesson1, student);
  const grade = gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: own.lesson, graph: own.starter, answers, starter: own.starter }, simEngine).report;
  const submission = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: lesson1.lesson, graph: own.starter, answers, student, grade, savedAt: new Date('2026-03-01T10:00:00Z') });
  return { own, grade, text: JSON.stringify(submission) };
}

describe('per-student variants of lesson 1', () => {
  const ada = submit('Ada Lovelace');
  const grace = submit('Grace Hopper');

  it('gives two students different crash times, and the graded run crashes at each one’s time', () => {
    const [a, g] = [ada.own.variant!, grace.own.variant!];
    expect(a.values.crashAtMs).not.toBe(g.values.crashAtMs);
    // "Errors stop soon after the crash" reads from 2 s after the student's own crash.
    for (const { own, grade } of [ada, grace]) {
      const check = grade.checks.find((c) => c.id === 'recovered-quickly')!;
      expect(check.window?.fromMs).toBe(own.variant!.values.crashAtMs! + 2000);
      expect(grade.seed).toBe(own.variant!.seed);
    }
    expect(ada.grade.traceHash).not.toBe(grace.grade.traceHash);
  });

  it('records the variant in each submission, and each re-grades to its stored result', () => {
    for (const { own, text, grade } of [ada, grace]) {
      const submission = loadSubmission(text);
      expect(submission.variant).toEqual(own.variant);
      expect(submission.seed).toBe(own.variant!.seed);
      const regrade = regradeSubmission(submission, pack, simEngine);
      expect(regrade.storedMatched).toBe(true);
      expect(regrade.report.traceHash).toBe(grade.traceHash);
      expect(regrade.notes).toEqual([]);
      // Bulk grading (npm run grade, class results) takes the same path: the row matches the stored grade.
      expect(gradeSubmissionText('x.json', text, pack, simEngine)).toMatchObject({ score: grade.score, maxScore: grade.maxScore, storedMatched: true, notes: [] });
    }
  });

  it('grades an edited variant with the numbers the name gives, and says so', () => {
    const submission = loadSubmission(ada.text);
    const easier = { ...submission, variant: { seed: submission.seed, values: { ...submission.variant!.values, rps: 450 } } };
    const regrade = regradeSubmission(easier, pack, simEngine);
    expect(regrade.report.traceHash).toBe(ada.grade.traceHash);
    expect(regrade.notes.join(' ')).toMatch(/records the variant .*Request rate of the users: 450 req\/s.*the student's name gives .*which was graded/);
  });

  it(`passes the reference and fails the starter on ${VARIANT_SAMPLES} sampled students' variants`, () => {
    const only = { manifest: pack.manifest, lessons: [lesson1] };
    expect(checkSolutions(only, simEngine)).toEqual([]);
  }, 120_000);

  it('names the student whose variant breaks the reference', () => {
    // A range the reference cannot take: ten times the rate makes "few requests fail" fail.
    const variants = { parameters: lesson1.lesson.variants!.parameters.map((p) => (p.id === 'rps' ? { ...p, min: 6000, max: 6000 } : p)) };
    const broken = { manifest: pack.manifest, lessons: [{ ...lesson1, lesson: { ...lesson1.lesson, variants } }] };
    const problems = checkSolutions(broken, simEngine, 2);
    // Named by the lesson's labels with their units, as the app words a variant (the CLI's English), not "crashAtMs 11500, rps 6000".
    const failing = problems.find((p) => p.path === 'checks[1]' && p.message.includes('(variant of "student-1"'));
    expect(failing?.message).toMatch(/reference solution fails check "small-blast" \(variant of "student-1": API 2 crashes at: \d+(\.\d)? s, Request rate of the users: 6,000 req\/s, seed \d+\) \(measured [\d.]+, expected /);
    // Where it is read in Chinese, the sentence around the values is ours too.
    expect(packProblemText(failing!, 'zh-CN')).toMatch(/^参考答案未通过检查项“small-blast”（学生“student-1”的变体：.*）（测得 [\d.]+，要求 /);
  }, 120_000);
});
