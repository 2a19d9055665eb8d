// Runs one simulation in a worker thread and reports progress at most every 1% of the run.
import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from '../sim';
import type { WorkerMessage } from './simRunner';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  let lastReported = -1;
  const result = simulate(workerData.graph, workerData.scenario, {
    onProgress: (fraction) => {
      if (fraction - lastReported >= 0.01) {
        lastReported = fraction;
        post({ type: 'progress', fraction });
      }
    },
  });
  post({ type: 'done', result });
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
