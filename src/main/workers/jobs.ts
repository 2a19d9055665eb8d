/**
 * The jobs the host runs in workers, each under JOB_BUDGETS: a run, a lesson grade and a
 * submission re-grade (sim:events has its own long-lived workers: stepSessions.ts). Give them
 * the host's limiter and the caller's AbortSignal; cancel() (or the signal) terminates the worker.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import type { GradedRun, GradeReport } from '../../shared/gradeReport';
import type { Graph } from '../../shared/graph';
import type { Scenario } from '../../shared/scenario';
import type { TraceAnswer, TraceSelector } from '../../shared/requestTrace';
import type { Regrade } from '../grading/submission';
import type { RunResult } from '../sim';
import { JOB_BUDGETS, type JobKind } from './budgets';
import type { GradeJob } from './gradeJob';
import { runJob, type Limiter } from './pool';
import type { SimJob } from './simJob';
import type { VerifyInput } from '../packs/studioVerify';
import type { VerifyResult } from '../../shared/studio';

export interface JobContext {
  limiter?: Limiter;
  signal?: AbortSignal;
  /** Overrides for tests: a smaller event budget or wall clock. */
  maxEvents?: number;
  wallClockMs?: number;
}

export type JobHandle<T> = { result: Promise<T>; cancel(): void };

const simJob = (job: Omit<SimJob, 'maxEvents'>, ctx: JobContext) => ({ ...job, maxEvents: ctx.maxEvents ?? JOB_BUDGETS.maxEvents });
const common = (ctx: JobContext, kind: JobKind) => ({
  wallClockMs: ctx.wallClockMs ?? JOB_BUDGETS.wallClockMs[kind],
  ...(ctx.limiter ? { limiter: ctx.limiter } : {}),
  ...(ctx.signal ? { signal: ctx.signal } : {}),
});

/** A simulation, off the main event loop; progress 0..1, or a queue position while it waits. */
export function runInWorker(graph: Graph, scenario: Scenario, ctx: JobContext, onProgress: (fraction: number, queuePosition?: number) => void): JobHandle<RunResult> {
  return runJob<RunResult>({ entry: 'simJob', data: simJob({ graph, scenario }, ctx), what: errorMessage('noun.run'), onProgress, ...common(ctx, 'run') });
}

/** Traces chosen requests in a re-run (or two, for a chooser) off the main thread, under a run's budgets. */
export function traceInWorker(graph: Graph, scenario: Scenario, trace: TraceSelector, ctx: JobContext): JobHandle<TraceAnswer> {
  return runJob<TraceAnswer>({ entry: 'simJob', data: simJob({ graph, scenario, trace }, ctx), what: errorMessage('noun.trace'), ...common(ctx, 'run') });
}

const grade = <T>(job: GradeJob, ctx: JobContext) => runJob<T>({ entry: 'gradeJob', data: job, what: errorMessage('noun.grading'), ...common(ctx, 'grade') }).result;

/** Grades a lesson off the main thread. */
/** Grades a lesson off the main thread: the report, and what it ran (to show that run again). */
export const gradeInWorker = (input: Extract<GradeJob, { kind: 'grade' }>['input'], ctx: JobContext = {}) => grade<{ report: GradeReport; graded: GradedRun }>({ kind: 'grade', input }, ctx);

/** Re-grades a submission off the main thread. */
export const regradeInWorker = (job: Omit<Extract<GradeJob, { kind: 'regrade' }>, 'kind'>, ctx: JobContext = {}) => grade<Regrade>({ kind: 'regrade', ...job }, ctx);

/** The studio's live verification of a draft lesson (starter and reference on several seeds), with progress. */
export function verifyInWorker(input: VerifyInput, ctx: JobContext, onProgress: (fraction: number, queuePosition?: number) => void): JobHandle<VerifyResult> {
  return runJob<VerifyResult>({ entry: 'studioVerifyJob', data: input, what: errorMessage('noun.verification'), onProgress, ...common(ctx, 'verify') });
}
