// The bulk-grading worker: gets the loaded pack once, then grades one file per `file` request
// and answers each with { index, row }. The parent bounds each file's wall-clock time.
import { parentPort, workerData } from 'node:worker_threads';
import { gradeSubmissionText, type GradeRow } from '../grading/bulk';
import { simEngine } from '../grading/simEngine';
import { gradeFile } from '../packs/bulkGrade';
import type { LoadedPack } from '../packs/validate';
import type { JobReply, JobRequest } from './protocol';

export type BulkGradeDone = { index: number; row: GradeRow };

const pack = (workerData as { pack: LoadedPack }).pack;
// A text picked in the app is graded as it came (loadSubmission bounds its size); a path is read first.
const grade = async (request: JobRequest) =>
  request.text !== undefined ? gradeSubmissionText(request.file, request.text, pack, simEngine) : gradeFile(request.file, pack, simEngine);
parentPort?.on('message', (request: JobRequest) => {
  void grade(request).then((row) => parentPort?.postMessage({ type: 'done', value: { index: request.index, row } } satisfies JobReply<BulkGradeDone>));
});
