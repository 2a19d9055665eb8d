import { existsSync } from 'node:fs';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Graph } from '../../shared/graph';
import type { SimEventsResult } from '../../shared/ipc';
import type { Scenario } from '../../shared/scenario';
import type { RunResult } from '../sim';
import { ServiceError } from './dispatcher';

/** Messages the simulation worker sends back. */
export type WorkerMessage =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; result: RunResult }
  | { type: 'events'; result: SimEventsResult }
  | { type: 'error'; message: string };

export interface RunHandle {
  result: Promise<RunResult>;
  cancel(): void;
}

/**
 * Finds a worker script by name: next to the built main bundle (out/main/<name>.js), or the
 * TypeScript source beside this file when running from source (tests, CLI), loaded through tsx.
 */
export function resolveWorkerScript(name = 'simWorker', sourceDir = __dirname): { file: string; fromSource: boolean } {
  // The bundler may place this code in out/main/chunks/, one level below the worker.
  for (const dir of [__dirname, path.dirname(__dirname)]) {
    const built = path.join(dir, `${name}.js`);
    if (existsSync(built)) return { file: built, fromSource: false };
  }
  const source = path.join(sourceDir, `${name}.ts`);
  if (existsSync(source)) return { file: source, fromSource: true };
  throw new Error(`The worker "${name}" was not found next to ${__dirname}. Run "npm run build" first.`);
}

/** Starts a worker script (see resolveWorkerScript) with the given data. */
export function startWorker(name: string, workerData: unknown, sourceDir?: string): Worker {
  const { file, fromSource } = resolveWorkerScript(name, sourceDir);
  // From source, register tsx inside the worker itself: `--import tsx` in a worker's execArgv is
  // not honoured when the parent was not started through tsx (vitest, plain node).
  return fromSource
    ? new Worker(`require('tsx/cjs/api').register(); require(${JSON.stringify(file)});`, { eval: true, workerData })
    : new Worker(file, { workerData });
}

/**
 * Settles once from a worker's messages, error or exit, and then terminates it; cancel rejects
 * with a 'cancelled' error. `onMessage` resolves, rejects or just observes (progress).
 */
export function workerJob<T, M>(
  worker: Worker,
  what: string,
  onMessage: (message: M, resolve: (value: T) => void, reject: (error: Error) => void) => void,
): { result: Promise<T>; cancel(): void } {
  let settled = false;
  let cancel = () => {};
  const result = new Promise<T>((resolve, reject) => {
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      fn();
      void worker.terminate();
    };
    cancel = () => finish(() => reject(new ServiceError('cancelled', `The ${what} was cancelled.`)));
    worker.on('message', (message: M) =>
      onMessage(
        message,
        (value) => finish(() => resolve(value)),
        (error) => finish(() => reject(error)),
      ),
    );
    worker.on('error', (error) => finish(() => reject(error)));
    worker.on('exit', (code) => finish(() => reject(new Error(`The ${what} worker stopped unexpectedly (exit code ${code}).`))));
  });
  return { result, cancel: () => cancel() };
}

/**
 * Runs a simulation off the main event loop, so the window (or the browser host) stays
 * responsive however long the run. Progress is throttled by the worker; cancel terminates it.
 */
export function runInWorker(graph: Graph, scenario: Scenario, onProgress: (fraction: number) => void): RunHandle {
  return workerJob<RunResult, WorkerMessage>(startWorker('simWorker', { graph, scenario }), 'run', (message, resolve, reject) => {
    if (message.type === 'progress') onProgress(message.fraction);
    else if (message.type === 'done') resolve(message.result);
    else if (message.type === 'error') reject(new ServiceError('invalid-document', message.message));
  });
}

/**
 * sim:events in the simulation worker: re-runs (graph, scenario) traced and stops once `count`
 * events after `fromMs` are known (see simEvents.ts). Cancel terminates the worker.
 */
export function eventsInWorker(graph: Graph, scenario: Scenario, fromMs: number, count: number): { result: Promise<SimEventsResult>; cancel(): void } {
  return workerJob<SimEventsResult, WorkerMessage>(startWorker('simWorker', { graph, scenario, events: { fromMs, count } }), 'search for the next events', (message, resolve, reject) => {
    if (message.type === 'events') resolve(message.result);
    else if (message.type === 'error') reject(new ServiceError('invalid-document', message.message));
  });
}
