import type { GradeReport } from '../../../shared/gradeReport';
import { DocumentError } from '../../../shared/json';
import type { Regrade } from '../../grading/submission';
import { startWorker } from '../simRunner';
import type { GradeJob, GradeJobReply } from './gradeWorker';

function runJob(job: GradeJob): Promise<unknown> {
  const worker = startWorker('gradeWorker', job, __dirname);
  return new Promise((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    worker.on('message', (reply: GradeJobReply) =>
      finish(() => (reply.type === 'done' ? resolve(reply.value) : reject(reply.isDocumentError ? new DocumentError(reply.message) : new Error(reply.message)))),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The grading worker stopped unexpectedly (exit code ${code}).`))));
  });
}

/** Grades a lesson off the main thread. */
export const gradeInWorker = (input: Extract<GradeJob, { kind: 'grade' }>['input']) => runJob({ kind: 'grade', input }) as Promise<GradeReport>;

/** Re-grades a submission off the main thread. */
export const regradeInWorker = (job: Omit<Extract<GradeJob, { kind: 'regrade' }>, 'kind'>) => runJob({ kind: 'regrade', ...job }) as Promise<Regrade>;
