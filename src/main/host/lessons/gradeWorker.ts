// Grades in a worker thread: a grading run is a full simulation, which must never stall the window.
import { parentPort, workerData } from 'node:worker_threads';
import { gradeLesson, type GradeInput } from '../../grading/grade';
import { simEngine } from '../../grading/simEngine';
import { regradeSubmission, type PackForGrading } from '../../grading/submission';
import type { Submission } from '../../../shared/submission';
import { DocumentError } from '../../../shared/json';

export type GradeJob = { kind: 'grade'; input: GradeInput } | { kind: 'regrade'; submission: Submission; pack: PackForGrading };
export type GradeJobReply = { type: 'done'; value: unknown } | { type: 'error'; message: string; isDocumentError: boolean };

const job = workerData as GradeJob;
try {
  const value = job.kind === 'grade' ? gradeLesson(job.input, simEngine).report : regradeSubmission(job.submission, job.pack, simEngine);
  parentPort?.postMessage({ type: 'done', value } satisfies GradeJobReply);
} catch (error) {
  parentPort?.postMessage({
    type: 'error',
    message: error instanceof Error ? error.message : String(error),
    isDocumentError: error instanceof DocumentError,
  } satisfies GradeJobReply);
}
