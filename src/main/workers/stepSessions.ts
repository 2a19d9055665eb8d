/**
 * Stepping sessions for sim:events: each caller (a window or a browser socket, told apart by
 * its CallContext signal) has at most one worker holding a live simulation of the run it steps
 * through (host/simEvents.ts StepSession). A request for the same (graph, scenario) goes to that
 * worker, which runs forward from where it stopped; another run replaces it. A session ends when
 * its caller goes away, after IDLE_MS without a request, on error or wall clock, or on dispose.
 * Each request holds a slot of the host's limiter while the worker computes.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { createHash } from 'node:crypto';
import type { Worker } from 'node:worker_threads';
import type { Graph } from '../../shared/graph';
import type { SimEventsResult } from '../../shared/ipc';
import { DocumentError } from '../../shared/json';
import type { Scenario } from '../../shared/scenario';
import { ServiceError } from '../host/dispatcher';
import { JOB_BUDGETS, wallClockMessage } from './budgets';
import { startWorker, workerFailure, type Limiter } from './pool';
import { replyError, type JobReply, type StepRequest } from './protocol';
import type { SimJob } from './simJob';

/** What a stepping session's work is called in messages. */
const SEARCH = errorMessage('noun.eventSearch');

/** A session no one has stepped in this long is closed (its worker's memory returned). */
export const STEP_SESSION_IDLE_MS = 120_000;

interface Session {
  runKey: string;
  worker: Worker;
  /** The request in progress settles through this. */
  pending: ((reply: JobReply<SimEventsResult> | Error) => void) | undefined;
  /** Requests of one session run one after another. */
  queue: Promise<unknown>;
  idle: ReturnType<typeof setTimeout> | undefined;
  close(): void;
}

export interface StepSessionOptions {
  limiter?: Limiter;
  maxEvents?: number;
  wallClockMs?: number;
  idleMs?: number;
}

const runKeyOf = (graph: Graph, scenario: Scenario) => createHash('sha256').update(JSON.stringify([graph, scenario])).digest('hex');
/** Calls without a signal (tests, a CLI) share one session. */
const NO_CALLER = {};

export function createStepSessions(options: StepSessionOptions = {}) {
  const sessions = new Map<object, Session>();
  const idleMs = options.idleMs ?? STEP_SESSION_IDLE_MS;
  const wallClockMs = options.wallClockMs ?? JOB_BUDGETS.wallClockMs.events;

  function open(caller: object, runKey: string, graph: Graph, scenario: Scenario, signal: AbortSignal | undefined): Session {
    const job: SimJob = { graph, scenario, maxEvents: options.maxEvents ?? JOB_BUDGETS.maxEvents, session: true };
    const worker = startWorker('simJob', job);
    const onGone = () => session.close();
    const session: Session = {
      runKey,
      worker,
      pending: undefined,
      queue: Promise.resolve(),
      idle: undefined,
      close: () => {
        if (sessions.get(caller) === session) sessions.delete(caller);
        clearTimeout(session.idle);
        signal?.removeEventListener('abort', onGone);
        session.pending?.(new ServiceError('cancelled', errorMessage('job.cancelled', { what: SEARCH })));
        void worker.terminate();
      },
    };
    signal?.addEventListener('abort', onGone, { once: true });
    worker.on('message', (reply: JobReply<SimEventsResult>) => session.pending?.(reply));
    worker.on('error', (error) => {
      session.pending?.(workerFailure(error, SEARCH));
      session.close();
    });
    worker.on('exit', (code) => {
      session.pending?.(new DocumentError(errorMessage('job.stopped', { what: SEARCH, code: String(code) })));
      if (sessions.get(caller) === session) sessions.delete(caller);
    });
    sessions.set(caller, session);
    return session;
  }

  async function ask(session: Session, request: StepRequest, signal: AbortSignal | undefined): Promise<SimEventsResult> {
    const abort = new AbortController();
    const onGone = () => abort.abort();
    signal?.addEventListener('abort', onGone, { once: true });
    const release = options.limiter ? await options.limiter.acquire(abort.signal, () => {}) : () => {};
    try {
      const reply = await new Promise<JobReply<SimEventsResult> | Error>((resolve) => {
        const timer = setTimeout(() => resolve(new ServiceError('invalid-document', wallClockMessage(SEARCH, wallClockMs))), wallClockMs);
        session.pending = (r) => {
          clearTimeout(timer);
          session.pending = undefined;
          resolve(r);
        };
        session.worker.postMessage(request);
      });
      if (reply instanceof Error) {
        session.close();
        throw reply;
      }
      if (reply.type === 'done') return reply.value;
      if (reply.type === 'error') {
        session.close();
        throw replyError(reply);
      }
      throw new Error('unexpected progress reply from a stepping session');
    } finally {
      release();
      signal?.removeEventListener('abort', onGone);
    }
  }

  return {
    /** The next `count` events after `fromMs` of the run of (graph, scenario), from the caller's session. */
    events(graph: Graph, scenario: Scenario, fromMs: number, count: number, signal?: AbortSignal): Promise<SimEventsResult> {
      if (signal?.aborted) return Promise.reject(new ServiceError('cancelled', errorMessage('job.cancelledBeforeStart')));
      const caller = signal ?? NO_CALLER;
      const runKey = runKeyOf(graph, scenario);
      let session = sessions.get(caller);
      if (session !== undefined && session.runKey !== runKey) {
        session.close();
        session = undefined;
      }
      const s = session ?? open(caller, runKey, graph, scenario, signal);
      clearTimeout(s.idle);
      const result = s.queue.then(() => ask(s, { type: 'events', fromMs, count }, signal));
      s.queue = result.catch(() => {});
      void s.queue.then(() => {
        if (sessions.get(caller) !== s) return;
        clearTimeout(s.idle);
        s.idle = setTimeout(() => s.close(), idleMs);
        s.idle.unref?.();
      });
      return result;
    },
    /** Live sessions (tests check that they are released). */
    get size(): number {
      return sessions.size;
    },
    dispose(): void {
      for (const s of [...sessions.values()]) s.close();
    },
  };
}
