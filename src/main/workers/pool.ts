/**
 * Starting job workers, bounding them and stopping them. Every worker gets resourceLimits; a
 * host's jobs go through one limiter (a few at once, the rest queued with their position); a job
 * ends on its answer, its wall-clock budget, cancel, or its caller's AbortSignal, and then its
 * thread is terminated.
 */
import { errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { DocumentError } from '../../shared/json';
import { ServiceError } from '../host/dispatcher';
import { JOB_BUDGETS, memoryMessage, wallClockMessage } from './budgets';
import { replyError, type JobReply } from './protocol';

/** The worker entries, each bundled as out/main/<name>.js (electron.vite.config.ts). */
export type JobEntry = 'simJob' | 'gradeJob' | 'bulkGradeJob' | 'studioVerifyJob';

/**
 * The built entry next to the bundle (out/main/<name>.js; this code may sit in out/main/chunks/),
 * or else the TypeScript source beside this file (tests, the CLIs under tsx).
 */
export function resolveWorkerScript(name: JobEntry): { file: string; fromSource: boolean } {
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const built = path.join(dir, `${name}.js`);
    if (existsSync(built)) return { file: built, fromSource: false };
  }
  const source = path.join(__dirname, `${name}.ts`);
  if (existsSync(source)) return { file: source, fromSource: true };
  throw new Error(`The worker "${name}" was not found next to ${__dirname}. Run "npm run build" first.`);
}

let live = 0;
/** Worker threads started and not yet exited, in this process (tests check that cancel stops them). */
export const liveWorkerCount = () => live;

/** Starts a worker entry with the given data, under JOB_BUDGETS.resourceLimits. */
export function startWorker(name: JobEntry, workerData: unknown): Worker {
  const { file, fromSource } = resolveWorkerScript(name);
  const options = { workerData, resourceLimits: JOB_BUDGETS.resourceLimits };
  // From source, register tsx inside the worker itself: `--import tsx` in a worker's execArgv is
  // not honoured when the parent was not started through tsx (vitest, plain node).
  const worker = fromSource
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { ...options, eval: true })
    : new Worker(file, options);
  live++;
  worker.once('exit', () => live--);
  return worker;
}

/** The error a worker's 'error' event stands for, in words a user can act on. */
export function workerFailure(error: Error & { code?: string }, what: ErrorMessage): Error {
  return error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? new ServiceError('invalid-document', memoryMessage(what)) : error;
}

export interface Limiter {
  /** Waits for a free slot; reports the queue position (from 1) while waiting. Resolves to release(). */
  acquire(signal: AbortSignal, onQueued: (position: number) => void): Promise<() => void>;
}

/** At most `max` jobs at once; the others wait first come, first served. */
export function createLimiter(max: number = JOB_BUDGETS.concurrentJobs): Limiter {
  let running = 0;
  const waiting: { start(): void; onQueued(position: number): void }[] = [];
  const report = () => waiting.forEach((w, i) => w.onQueued(i + 1));
  const release = () => {
    running--;
    const next = waiting.shift();
    if (next) {
      running++;
      next.start();
      report();
    }
  };
  return {
    acquire: (signal, onQueued) =>
      new Promise((resolve, reject) => {
        const grant = () => {
          let isReleased = false;
          resolve(() => {
            if (!isReleased) {
              isReleased = true;
              release();
            }
          });
        };
        if (signal.aborted) return reject(new ServiceError('cancelled', errorMessage('job.cancelledBeforeStart')));
        if (running < max) {
          running++;
          return grant();
        }
        const entry = {
          start: () => {
            signal.removeEventListener('abort', onAbort);
            grant();
          },
          onQueued,
        };
        const onAbort = () => {
          waiting.splice(waiting.indexOf(entry), 1);
          report();
          reject(new ServiceError('cancelled', errorMessage('job.cancelledInQueue')));
        };
        signal.addEventListener('abort', onAbort, { once: true });
        waiting.push(entry);
        onQueued(waiting.length);
      }),
  };
}

export interface JobOptions {
  entry: JobEntry;
  data: unknown;
  /** "run", "grading": names the job in messages. */
  /** What the job is called in messages: a noun of ERROR_TEXTS. */
  what: ErrorMessage;
  /** Wall-clock budget in ms, counted from the worker's start (not the wait in the queue). */
  wallClockMs: number;
  limiter?: Limiter;
  /** Aborted when the caller goes away: the job is cancelled. */
  signal?: AbortSignal;
  /** Progress 0..1, and the queue position (from 1) while the job waits for a slot. */
  onProgress?: (fraction: number, queuePosition?: number) => void;
}

/**
 * Runs one job in its own worker: settles once (answer, error, exit, wall clock, cancel), then
 * terminates the worker; its limiter slot is freed when the thread has exited.
 */
export function runJob<T>(options: JobOptions): { result: Promise<T>; cancel(): void } {
  const { what } = options;
  const abort = new AbortController();
  const onCallerGone = () => abort.abort();
  options.signal?.addEventListener('abort', onCallerGone, { once: true });
  if (options.signal?.aborted) abort.abort();
  const result = (async () => {
    let wasQueued = false;
    const release = options.limiter
      ? await options.limiter.acquire(abort.signal, (position) => {
          wasQueued = true;
          options.onProgress?.(0, position);
        })
      : () => {};
    if (wasQueued) options.onProgress?.(0);
    let worker: Worker;
    try {
      worker = startWorker(options.entry, options.data);
    } catch (error) {
      release();
      throw error;
    }
    worker.once('exit', release);
    return await new Promise<T>((resolve, reject) => {
      let isSettled = false;
      const finish = (fn: () => void) => {
        if (isSettled) return;
        isSettled = true;
        clearTimeout(timer);
        abort.signal.removeEventListener('abort', onCancel);
        fn();
        void worker.terminate();
      };
      const timer = setTimeout(() => finish(() => reject(new ServiceError('invalid-document', wallClockMessage(what, options.wallClockMs)))), options.wallClockMs);
      const onCancel = () => finish(() => reject(new ServiceError('cancelled', errorMessage('job.cancelled', { what }))));
      if (abort.signal.aborted) return onCancel();
      abort.signal.addEventListener('abort', onCancel, { once: true });
      worker.on('message', (reply: JobReply<T>) => {
        if (reply.type === 'progress') options.onProgress?.(reply.fraction);
        else if (reply.type === 'done') finish(() => resolve(reply.value));
        else finish(() => reject(replyError(reply)));
      });
      worker.on('error', (error) => finish(() => reject(workerFailure(error, what))));
      worker.on('exit', (code) => finish(() => reject(new DocumentError(errorMessage('job.stopped', { what, code: String(code) })))));
    });
  })().finally(() => options.signal?.removeEventListener('abort', onCallerGone));
  return { result, cancel: () => abort.abort() };
}
