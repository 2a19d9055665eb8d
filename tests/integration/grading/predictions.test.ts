// "Predict before you run" in grading: an answer earns its points whatever it is; the report says
// what the graded run measured and whether the answer's range holds it.
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { PACK_DIR } from '../lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
const failover = pack.lessons.find((l) => l.lesson.id === 'failover')!;
const grade = (graph: typeof failover.starter, answers: Record<string, string>) =>
  gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: failover.lesson, graph, answers, starter: failover.starter }, simEngine).report;

describe('predictions in the grade report', () => {
  it('gives the points for any answer, none without one, and compares the answer with the run', () => {
    const unanswered = grade(failover.starter, {});
    const right = grade(failover.starter, { 'predict-lost': 'some' });
    const wrong = grade(failover.starter, { 'predict-lost': 'none' });
    expect(unanswered.predictions).toEqual([expect.objectContaining({ id: 'predict-lost', answer: null, points: 0, maxPoints: 1, isBorneOut: null })]);
    expect(right.score - unanswered.score).toBe(1);
    expect(wrong.score).toBe(right.score);
    expect(right.maxScore).toBe(unanswered.maxScore);
    // The starter replicates asynchronously: the crash loses acknowledged writes.
    expect(right.predictions![0]).toMatchObject({ answer: 'some', points: 1, isBorneOut: true });
    expect(right.predictions![0]!.measured).toBeGreaterThan(0);
    expect(wrong.predictions![0]).toMatchObject({ answer: 'none', points: 1, isBorneOut: false });
    // The reference loses nothing: "none" is borne out there.
    expect(grade(failover.reference!, { 'predict-lost': 'none' }).predictions![0]).toMatchObject({ measured: 0, isBorneOut: true });
  });
});
