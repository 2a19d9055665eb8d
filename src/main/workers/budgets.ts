import type { ResourceLimits } from 'node:worker_threads';
import { errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import { EVENTS_MAX_DEFAULT } from '../sim/engine';

/**
 * The limits every job runs under, in one table. Events are the deterministic budget (the
 * simulator counts them); wall-clock time and memory are the host's safety net for whatever
 * the event count does not catch (a slow machine, a design whose events are expensive).
 */
export const JOB_BUDGETS = {
  /** Events one simulation may process (sim/engine.ts). */
  maxEvents: EVENTS_MAX_DEFAULT,
  /** Wall-clock time per job kind, then the worker is terminated. */
  wallClockMs: { run: 60_000, events: 60_000, grade: 120_000, bulkFile: 60_000, verify: 300_000 },
  /** Jobs running at once per host; the rest wait in a queue. Two suits the 2-core class machines. */
  concurrentJobs: 2,
  /** Each worker thread's heap: a run that needs more dies with a message, not the app. */
  resourceLimits: { maxOldGenerationSizeMb: 512, maxYoungGenerationSizeMb: 64, stackSizeMb: 4 } satisfies ResourceLimits,
} as const;

export type JobKind = keyof typeof JOB_BUDGETS.wallClockMs;

/** "60", "1.5" (seconds). */
const seconds = (ms: number) => Number((ms / 1000).toFixed(1));

/** `what`: a noun of ERROR_TEXTS ("run", "grading"). */
export const wallClockMessage = (what: ErrorMessage, ms: number) => errorMessage('job.wallClock', { what, seconds: seconds(ms) });

export const memoryMessage = (what: ErrorMessage) => errorMessage('job.memory', { what, mb: JOB_BUDGETS.resourceLimits.maxOldGenerationSizeMb });
