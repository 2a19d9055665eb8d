// A bulk-grading worker: gets the loaded pack once, then grades one file per message.
import { parentPort, workerData } from 'node:worker_threads';
import { simEngine } from '../grading/simEngine';
import { gradeFile } from './bulkGrade';
import type { LoadedPack } from './validate';

const pack = (workerData as { pack: LoadedPack }).pack;
parentPort?.on('message', (message: { index: number; file: string }) => {
  void gradeFile(message.file, pack, simEngine).then((row) => parentPort?.postMessage({ index: message.index, row }));
});
