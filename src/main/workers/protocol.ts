/**
 * The one protocol every job worker speaks (simJob, gradeJob, bulkGradeJob). A worker gets its
 * job as workerData (bulkGradeJob: one `file` message per submission) and answers with replies.
 * Cancel is the parent terminating the thread: a run never has to poll for it.
 */
import { DocumentError } from '../../shared/json';
import { EventBudgetError } from '../sim/engine';

/** What a worker sends its parent. */
export type JobReply<T = unknown> =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; value: T }
  /** isDocumentError: the input is at fault (a bad document, a design over its budget), not the app. */
  | { type: 'error'; message: string; isDocumentError: boolean };

/** What a parent may send a long-lived worker (bulk grading) after its workerData: a file to read, or (with `text`) one already read. */
export type JobRequest = { type: 'file'; index: number; file: string; text?: string };

/** What a parent sends a stepping session (simJob with `session`): one answer per request, in order. */
export type StepRequest = { type: 'events'; fromMs: number; count: number };

/** The error reply for anything a job threw; a budget error is the design's fault, like a bad document. */
export function errorReply(error: unknown, isDocumentError = error instanceof DocumentError || error instanceof EventBudgetError): JobReply<never> {
  return { type: 'error', message: error instanceof Error ? error.message : String(error), isDocumentError };
}
