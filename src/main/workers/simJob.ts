// The simulation worker: one run (progress at most every 1% of it), or for sim:events
// (`events` set) a traced re-run up to the events asked for. Any failure is the design's.
import { parentPort, workerData } from 'node:worker_threads';
import type { Graph } from '../../shared/graph';
import type { Scenario } from '../../shared/scenario';
import { collectSimEvents } from '../host/simEvents';
import { simulate } from '../sim';
import { errorReply, type JobReply } from './protocol';

export interface SimJob {
  graph: Graph;
  scenario: Scenario;
  maxEvents: number;
  events?: { fromMs: number; count: number };
}

const post = (reply: JobReply) => parentPort?.postMessage(reply);
const job = workerData as SimJob;

try {
  if (job.events) {
    post({ type: 'done', value: collectSimEvents(job.graph, job.scenario, job.events.fromMs, job.events.count, job.maxEvents) });
  } else {
    let lastReported = -1;
    const result = simulate(job.graph, job.scenario, {
      maxEvents: job.maxEvents,
      onProgress: (fraction) => {
        if (fraction - lastReported >= 0.01) {
          lastReported = fraction;
          post({ type: 'progress', fraction });
        }
      },
    });
    post({ type: 'done', value: result });
  }
} catch (error) {
  post(errorReply(error, true));
}
