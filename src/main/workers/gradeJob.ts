// The grading worker: grades a lesson or re-grades a submission (a full simulation each), so the
// window never stalls; every simulation keeps to the event budget.
import { parentPort, workerData } from 'node:worker_threads';
import type { Submission } from '../../shared/submission';
import { gradeLesson, type GradeInput } from '../grading/grade';
import { simEngine } from '../grading/simEngine';
import { regradeSubmission, type PackForGrading } from '../grading/submission';
import { errorReply, type JobReply } from './protocol';

export type GradeJob = { kind: 'grade'; input: GradeInput } | { kind: 'regrade'; submission: Submission; pack: PackForGrading };

const job = workerData as GradeJob;
try {
  let value;
  if (job.kind === 'grade') {
    const { report, graded } = gradeLesson(job.input, simEngine);
    value = { report, graded };
  } else value = regradeSubmission(job.submission, job.pack, simEngine);
  parentPort?.postMessage({ type: 'done', value } satisfies JobReply);
} catch (error) {
  parentPort?.postMessage(errorReply(error));
}
