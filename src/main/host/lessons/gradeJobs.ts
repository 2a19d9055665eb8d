import type { GradeReport } from '../../../shared/gradeReport';
import { DocumentError } from '../../../shared/json';
import type { Regrade } from '../../grading/submission';
import { startWorker, workerJob } from '../simRunner';
import type { GradeJob, GradeJobReply } from './gradeWorker';

function runJob(job: GradeJob): Promise<unknown> {
  return workerJob<unknown, GradeJobReply>(startWorker('gradeWorker', job, __dirname), 'grading', (reply, resolve, reject) =>
    reply.type === 'done' ? resolve(reply.value) : reject(reply.isDocumentError ? new DocumentError(reply.message) : new Error(reply.message)),
  ).result;
}

/** Grades a lesson off the main thread. */
export const gradeInWorker = (input: Extract<GradeJob, { kind: 'grade' }>['input']) => runJob({ kind: 'grade', input }) as Promise<GradeReport>;

/** Re-grades a submission off the main thread. */
export const regradeInWorker = (job: Omit<Extract<GradeJob, { kind: 'regrade' }>, 'kind'>) => runJob({ kind: 'regrade', ...job }) as Promise<Regrade>;
