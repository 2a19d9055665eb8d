// The studio's verification worker: grades a draft lesson's starter and reference on several seeds
// (packs/studioVerify.ts), reporting progress after each grade.
import { parentPort, workerData } from 'node:worker_threads';
import { simEngine } from '../grading/simEngine';
import { verifyLesson, type VerifyInput } from '../packs/studioVerify';
import { errorReply, type JobReply } from './protocol';

try {
  const value = verifyLesson(workerData as VerifyInput, simEngine, (fraction) => parentPort?.postMessage({ type: 'progress', fraction } satisfies JobReply));
  parentPort?.postMessage({ type: 'done', value } satisfies JobReply);
} catch (error) {
  parentPort?.postMessage(errorReply(error));
}
