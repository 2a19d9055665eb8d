// Runs one simulation in a worker thread and reports progress at most every 1% of the run; or,
// for sim:events (workerData.events set), re-runs it traced up to the events asked for.
import { parentPort, workerData } from 'node:worker_threads';
import { simulate } from '../sim';
import { collectSimEvents } from './simEvents';
import type { WorkerMessage } from './simRunner';

const post = (message: WorkerMessage) => parentPort?.postMessage(message);

try {
  if (workerData.events) {
    post({ type: 'events', result: collectSimEvents(workerData.graph, workerData.scenario, workerData.events.fromMs, workerData.events.count) });
  } else {
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
  }
} catch (error) {
  post({ type: 'error', message: error instanceof Error ? error.message : String(error) });
}
