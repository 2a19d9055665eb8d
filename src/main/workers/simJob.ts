// The simulation worker: one run (progress at most every 1% of it), or, for sim:events
// (`session` set), a stepping session that stays alive and answers `events` requests from one
// live simulation (host/simEvents.ts), or, for sim:trace (`trace` set), a re-run tracing the chosen
// requests (sim/trace/run.ts). Any failure is the design's.
import { parentPort, workerData } from 'node:worker_threads';
import type { Graph } from '../../shared/graph';
import type { Scenario } from '../../shared/scenario';
import type { TraceSelector } from '../../shared/requestTrace';
import { StepSession } from '../host/simEvents';
import { simulate } from '../sim';
import { traceRequests } from '../sim/trace/run';
import { errorReply, type JobReply, type StepRequest } from './protocol';

export interface SimJob {
  graph: Graph;
  scenario: Scenario;
  maxEvents: number;
  /** A stepping session: answers `events` requests until terminated. */
  session?: boolean;
  /** Trace these requests (a re-run per traced set) instead of answering the run. */
  trace?: TraceSelector;
}

const post = (reply: JobReply) => parentPort?.postMessage(reply);
const job = workerData as SimJob;

if (job.session) {
  let session: StepSession | undefined;
  parentPort?.on('message', (request: StepRequest) => {
    if (request.type !== 'events') return;
    try {
      session ??= new StepSession(job.graph, job.scenario, job.maxEvents);
      post({ type: 'done', value: session.events(request.fromMs, request.count) });
    } catch (error) {
      session = undefined;
      post(errorReply(error, true));
    }
  });
} else if (job.trace !== undefined) {
  try {
    post({ type: 'done', value: traceRequests(job.graph, job.scenario, job.trace, { maxEvents: job.maxEvents }) });
  } catch (error) {
    post(errorReply(error, true));
  }
} else {
  try {
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
  } catch (error) {
    post(errorReply(error, true));
  }
}
