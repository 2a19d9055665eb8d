/**
 * Bulk grading over files: expands folders, re-grades every submission on a pool of worker
 * threads (one per core, at most two by default: the machine is shared), and returns rows in
 * file order whatever order the workers finish in. Each file keeps to the event budget (in the
 * simulator) and a wall-clock budget (here): a hostile file becomes an error row, quickly.
 */
import { englishError, errorMessage } from '../../shared/i18n/errorTexts';
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SUBMISSION_LIMITS } from '../../shared/submission';
import { errorRow, gradeSubmissionText, type GradeRow } from '../grading/bulk';
import type { SimEngine } from '../grading/engine';
import { DocumentError } from '../../shared/json';
import { JOB_BUDGETS, wallClockMessage } from '../workers/budgets';
import type { BulkGradeDone } from '../workers/bulkGradeJob';
import { ServiceError } from '../host/dispatcher';
import { startWorker, workerFailure, type Limiter } from '../workers/pool';
import type { JobReply, JobRequest } from '../workers/protocol';
import type { LoadedPack } from './validate';

/** More files than any class hands in; a typo pointing at "/" stops here instead of walking the disk. */
export const SUBMISSION_FILES_MAX = 10_000;

/** Submission files: files as given, folders searched (recursively) for *.json; sorted, de-duplicated. */
export async function collectSubmissionFiles(paths: readonly string[]): Promise<string[]> {
  const out = new Set<string>();
  const walk = async (dir: string, depth: number) => {
    if (depth > 8) return;
    for (const entry of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) await walk(full, depth + 1);
      else if (entry.isFile() && entry.name.toLowerCase().endsWith('.json')) out.add(full);
      if (out.size > SUBMISSION_FILES_MAX) throw new DocumentError(errorMessage('submission.tooMany', { max: SUBMISSION_FILES_MAX, dir }));
    }
  };
  for (const p of paths) {
    const info = await stat(p).catch(() => undefined);
    if (info?.isDirectory()) await walk(p, 0);
    else out.add(p); // a missing file becomes an error row, not a crash
  }
  return [...out].sort();
}

/** Reads one submission file (bounded) and grades it; every failure becomes the row's error. */
export async function gradeFile(file: string, pack: LoadedPack, engine: SimEngine): Promise<GradeRow> {
  try {
    const info = await stat(file);
    if (info.size > SUBMISSION_LIMITS.bytes) throw new DocumentError(errorMessage('size.documentBytes', { what: errorMessage('noun.file'), bytes: info.size, limit: SUBMISSION_LIMITS.bytes }));
    return gradeSubmissionText(file, await readFile(file, 'utf8'), pack, engine);
  } catch (error) {
    const isMissing = (error as { code?: string }).code === 'ENOENT';
    return errorRow(file, isMissing ? 'no such file' : error);
  }
}

/** A submission to grade: a file path (read by the worker), or a file's name and text (picked in the app). */
export type SubmissionSource = string | { name: string; text: string };
const nameOf = (source: SubmissionSource) => (typeof source === 'string' ? source : source.name);

export interface BulkOptions {
  /** Folder or .zip the workers load the pack from (the pack is passed as data, so any source works). */
  pack: LoadedPack;
  /** Submission files, already collected, or texts. */
  files: readonly SubmissionSource[];
  /** Worker threads; defaults to the cores available, at most 2. */
  workers?: number;
  /** Wall-clock budget per file, in ms (default JOB_BUDGETS.wallClockMs.bulkFile). */
  fileBudgetMs?: number;
  /** Called after each file with (done, total). */
  onProgress?: (done: number, total: number) => void;
  /** The host's cap on worker jobs: each grading thread takes a slot (and waits in the queue for one). */
  limiter?: Limiter;
  /** Called with the queue position (from 1) while a grading thread waits for a slot. */
  onQueued?: (position: number) => void;
  /** Aborting stops every grading thread; bulkGrade then rejects with a "cancelled" ServiceError. */
  signal?: AbortSignal;
}

export async function bulkGrade(options: BulkOptions): Promise<GradeRow[]> {
  const { files, pack } = options;
  if (files.length === 0) return [];
  const count = Math.max(1, Math.min(options.workers ?? Math.min(2, availableParallelism()), files.length));
  const rows: GradeRow[] = new Array(files.length);
  let next = 0;
  let done = 0;
  let replacements = 0;
  const fileBudgetMs = options.fileBudgetMs ?? JOB_BUDGETS.wallClockMs.bulkFile;
  const signal = options.signal ?? new AbortController().signal;
  const record = (index: number, row: GradeRow) => {
    if (signal.aborted) return;
    rows[index] = row;
    options.onProgress?.(++done, files.length);
  };
  // One worker's life: it grades files until none are left. If it dies on a file (a crash, memory),
  // that file gets an error row and a fresh worker carries on, so one bad file never stops the rest.
  const runWorker = async (): Promise<void> => {
    let release = () => {};
    if (options.limiter) {
      try {
        release = await options.limiter.acquire(signal, (position) => options.onQueued?.(position));
      } catch {
        return; // cancelled while waiting for a slot
      }
    }
    if (next >= files.length || signal.aborted) return release();
    return gradeOnWorker(release);
  };
  const gradeOnWorker = (release: () => void): Promise<void> =>
    new Promise<void>((resolve) => {
      let worker: ReturnType<typeof startWorker>;
      try {
        worker = startWorker('bulkGradeJob', { pack });
      } catch (error) {
        release();
        throw error;
      }
      worker.once('exit', release);
      const onAbort = () => died('cancelled');
      signal.addEventListener('abort', onAbort, { once: true });
      let current: number | undefined;
      let isFinished = false;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        clearTimeout(timer);
        if (next >= files.length) {
          isFinished = true;
          signal.removeEventListener('abort', onAbort);
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        const source = files[current] as SubmissionSource;
        const request: JobRequest = typeof source === 'string' ? { type: 'file', index: current, file: source } : { type: 'file', index: current, file: source.name, text: source.text };
        worker.postMessage(request);
        timer = setTimeout(() => died(englishError(wallClockMessage(errorMessage('noun.gradingFile'), fileBudgetMs)), true), fileBudgetMs);
      };
      /** The worker stopped (or was stopped) on the current file: that file's row says why. */
      const died = (reason: string, isOverBudget = false) => {
        if (isFinished) return;
        isFinished = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        void worker.terminate();
        if (signal.aborted) return resolve();
        if (current !== undefined) record(current, errorRow(nameOf(files[current] as SubmissionSource), isOverBudget ? reason : `the grading worker stopped on this file (${reason})`));
        // Workers that die without a file to blame cannot start at all: stop replacing them.
        if (++replacements > files.length) {
          for (let i = next; i < files.length; i++) record(i, errorRow(nameOf(files[i] as SubmissionSource), `no grading worker could run (${reason})`));
          next = files.length;
        }
        resolve(next < files.length ? runWorker() : undefined);
      };
      worker.on('message', (reply: JobReply<BulkGradeDone>) => {
        if (reply.type !== 'done') return;
        current = undefined;
        record(reply.value.index, reply.value.row);
        feed();
      });
      worker.on('error', (error: Error & { code?: string }) => died(workerFailure(error, errorMessage('noun.gradingFile')).message, error.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => died(`exit code ${code}`));
      worker.on('online', feed);
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  if (signal.aborted) throw new ServiceError('cancelled', errorMessage('job.cancelled', { what: errorMessage('noun.grading') }));
  return rows;
}
