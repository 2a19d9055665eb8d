/**
 * Bulk grading over files: expands folders, re-grades every submission on a pool of worker
 * threads (one per core, at most two by default: the machine is shared), and returns rows in
 * file order whatever order the workers finish in. Each file keeps to the event budget (in the
 * simulator) and a wall-clock budget (here): a hostile file becomes an error row, quickly.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { SUBMISSION_LIMITS } from '../../shared/submission';
import { errorRow, gradeSubmissionText, type GradeRow } from '../grading/bulk';
import type { SimEngine } from '../grading/engine';
import { DocumentError } from '../../shared/json';
import { JOB_BUDGETS, wallClockMessage } from '../workers/budgets';
import type { BulkGradeDone } from '../workers/bulkGradeJob';
import { startWorker, workerFailure } from '../workers/pool';
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
      if (out.size > SUBMISSION_FILES_MAX) throw new DocumentError(`More than ${SUBMISSION_FILES_MAX} submission files under ${dir}.`);
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
    if (info.size > SUBMISSION_LIMITS.bytes) throw new DocumentError(`The file is too large (${info.size} bytes; the limit is ${SUBMISSION_LIMITS.bytes}).`);
    return gradeSubmissionText(file, await readFile(file, 'utf8'), pack, engine);
  } catch (error) {
    const isMissing = (error as { code?: string }).code === 'ENOENT';
    return errorRow(file, isMissing ? 'no such file' : error);
  }
}

export interface BulkOptions {
  /** Folder or .zip the workers load the pack from (the pack is passed as data, so any source works). */
  pack: LoadedPack;
  /** Submission files, already collected. */
  files: readonly string[];
  /** Worker threads; defaults to the cores available, at most 2. */
  workers?: number;
  /** Wall-clock budget per file, in ms (default JOB_BUDGETS.wallClockMs.bulkFile). */
  fileBudgetMs?: number;
  /** Called after each file with (done, total). */
  onProgress?: (done: number, total: number) => void;
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
  const record = (index: number, row: GradeRow) => {
    rows[index] = row;
    options.onProgress?.(++done, files.length);
  };
  // One worker's life: it grades files until none are left. If it dies on a file (a crash, memory),
  // that file gets an error row and a fresh worker carries on, so one bad file never stops the rest.
  const runWorker = (): Promise<void> =>
    new Promise<void>((resolve) => {
      const worker = startWorker('bulkGradeJob', { pack });
      let current: number | undefined;
      let isFinished = false;
      let timer: NodeJS.Timeout | undefined;
      const feed = () => {
        clearTimeout(timer);
        if (next >= files.length) {
          isFinished = true;
          void worker.terminate().then(() => resolve());
          return;
        }
        current = next++;
        worker.postMessage({ type: 'file', index: current, file: files[current] as string } satisfies JobRequest);
        timer = setTimeout(() => died(wallClockMessage('grading of this file', fileBudgetMs), true), fileBudgetMs);
      };
      /** The worker stopped (or was stopped) on the current file: that file's row says why. */
      const died = (reason: string, isOverBudget = false) => {
        if (isFinished) return;
        isFinished = true;
        clearTimeout(timer);
        void worker.terminate();
        if (current !== undefined) record(current, errorRow(files[current] as string, isOverBudget ? reason : `the grading worker stopped on this file (${reason})`));
        // Workers that die without a file to blame cannot start at all: stop replacing them.
        if (++replacements > files.length) {
          for (let i = next; i < files.length; i++) record(i, errorRow(files[i] as string, `no grading worker could run (${reason})`));
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
      worker.on('error', (error: Error & { code?: string }) => died(workerFailure(error, 'grading of this file').message, error.code === 'ERR_WORKER_OUT_OF_MEMORY'));
      worker.on('exit', (code) => died(`exit code ${code}`));
      worker.on('online', feed);
    });
  await Promise.all(Array.from({ length: count }, runWorker));
  return rows;
}
