// Re-grading and bulk grading hold the lesson's frame too: the tampered lesson-1 submission
// (a second client with healthy traffic on its own database) gets the starter's grade back, with
// the note saying what was removed, whichever way it is re-graded.
import { describe, expect, it } from 'vitest';
import { gradeSubmissionText } from '../../../src/main/grading/bulk';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import { createSubmission, loadSubmission, regradeSubmission } from '../../../src/main/grading/submission';
import { lessonForStudent } from '../../../src/main/grading/variant';
import { loadPackFolder } from '../../../src/main/packs/folder';
import type { Graph } from '../../../src/shared/graph';
import { PACK_DIR } from '../lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
// Lesson 1 gives each student their own crash time and rate: Mallory's variant is what grading uses.
const { lesson, starter } = lessonForStudent(pack.lessons.find((l) => l.lesson.id === 'any-instance')!, 'Mallory');
const answers = { 'why-any': 'external' };
const NOTE = 'The lesson does not allow a second client; "client-2" was removed before grading, with its connections.';

const tampered: Graph = {
  ...starter,
  nodes: [
    ...starter.nodes,
    { ...starter.nodes.find((n) => n.id === 'users')!, id: 'client-2', props: { ...starter.nodes[0]!.props, rps: 10_000 } },
    { id: 'db-2', kind: 'database', label: 'Fast database', position: { x: 700, y: 400 }, props: { latencyMs: 1, capacityRps: 1_000_000 } },
  ],
  edges: [...starter.edges, { id: 'c2-db', source: 'client-2', target: 'db-2', kind: 'request', props: { latencyMs: 1, jitterMs: 0, lossRate: 0 } }],
};
const base = { packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson, answers };
const fair = gradeLesson({ ...base, graph: starter, starter }, simEngine).report;
// What the file claims: the tampered design graded without the frame (as a modified app would).
const claimed = gradeLesson({ ...base, graph: tampered }, simEngine).report;
const text = JSON.stringify(createSubmission({ ...base, graph: tampered, grade: claimed, student: 'Mallory', savedAt: new Date('2026-03-01T10:00:00Z') }));

describe('re-grading a submission with extra traffic', () => {
  it('would score more without the frame', () => {
    expect(claimed.score).toBeGreaterThan(fair.score);
  });

  it('gives the starter’s grade, says what was removed, and flags the claimed grade', () => {
    const regrade = regradeSubmission(loadSubmission(text, 'mallory.json'), pack, simEngine);
    expect(regrade.report.score).toBe(fair.score);
    expect(regrade.report.checks).toEqual(fair.checks);
    expect(regrade.report.notes).toEqual([NOTE]);
    expect(regrade.storedMatched).toBe(false);
    expect(regrade.differences[0]).toBe(`score: the file says ${claimed.score}/${fair.maxScore}, re-grading gives ${fair.score}/${fair.maxScore}`);
  });

  it('gives the same grade and note in a bulk-grading row', () => {
    const row = gradeSubmissionText('mallory.json', text, pack, simEngine);
    expect(row).toMatchObject({ student: 'Mallory', score: fair.score, maxScore: fair.maxScore, storedMatched: false, notes: [NOTE] });
  });
});
