// "Show me" and re-grading take two runs with the same trace hash for the same run. So every lesson's
// starter, reference and declared wrong answers, graded under the lesson's scenario (its own seed),
// must hash apart wherever their grade reports differ: split-brain's and partition's fenced and
// unfenced designs used to share one hash (same event times, different answers).
import { describe, expect, it } from 'vitest';
import { gradeLesson } from '../../../src/main/grading/grade';
import { simEngine } from '../../../src/main/grading/simEngine';
import type { GradeReport } from '../../../src/shared/gradeReport';
import type { Graph } from '../../../src/shared/graph';
import { applyGraphEdit } from '../../../src/shared/graphEdit';
import { predictionAnswers } from '../../support/predictions';
import { EXPECTATIONS } from './expectations';
import { lessonRows, pack } from './gradeBuiltIn';

type Entry = (typeof lessonRows)[number][1];

function graded(entry: Entry, graph: Graph): GradeReport {
  const answers = { ...predictionAnswers(entry.lesson), ...(EXPECTATIONS[entry.lesson.id]?.answers ?? {}) };
  return gradeLesson({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: entry.lesson, graph, starter: entry.starter, answers }, simEngine).report;
}

/** What a student is shown of a grade: every check's and prediction's outcome, the score and the notes (not the hash). */
const outcome = (r: GradeReport) => JSON.stringify({ checks: r.checks, predictions: r.predictions, score: r.score, notes: r.notes });

function designs(entry: Entry): [string, Graph][] {
  const out: [string, Graph][] = [['starter', entry.starter]];
  if (entry.reference !== undefined) out.push(['reference', entry.reference]);
  for (const w of entry.lesson.wrongAnswers) out.push([`wrong answer "${w.name.en}"`, applyGraphEdit(entry.starter, w.edit)]);
  return out;
}

describe('trace hashes of the built-in lessons', () => {
  it.each(lessonRows)('%s: designs whose grades differ have different hashes', (_id, entry) => {
    const reports = designs(entry).map(([name, graph]) => ({ name, report: graded(entry, graph) }));
    const collisions: string[] = [];
    for (let i = 0; i < reports.length; i++) {
      for (let j = i + 1; j < reports.length; j++) {
        const a = reports[i]!;
        const b = reports[j]!;
        if (a.report.traceHash === b.report.traceHash && outcome(a.report) !== outcome(b.report)) collisions.push(`${a.name} and ${b.name}: ${a.report.traceHash}`);
      }
    }
    expect(collisions).toEqual([]);
  });

  it.each(['split-brain', 'partition'])('%s: the unfenced starter and the fenced reference hash apart, each the same when graded again', (id) => {
    const entry = lessonRows.find(([lessonId]) => lessonId === id)![1];
    const starter = graded(entry, entry.starter);
    const reference = graded(entry, entry.reference!);
    expect(outcome(starter)).not.toBe(outcome(reference));
    expect(starter.traceHash).not.toBe(reference.traceHash);
    expect(graded(entry, entry.starter).traceHash).toBe(starter.traceHash);
    expect(graded(entry, entry.reference!).traceHash).toBe(reference.traceHash);
  });
});
