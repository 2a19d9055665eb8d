/**
 * The one protocol every job worker speaks (simJob, gradeJob, bulkGradeJob). A worker gets its
 * job as workerData (bulkGradeJob: one `file` message per submission) and answers with replies.
 * Cancel is the parent terminating the thread: a run never has to poll for it.
 */
import { errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import type { Issue } from '../../shared/i18n/issues';
import { DocumentError } from '../../shared/json';
import { EventBudgetError } from '../sim/engine';

/** What a worker sends its parent. */
export type JobReply<T = unknown> =
  | { type: 'progress'; fraction: number }
  | { type: 'done'; value: T }
  /** isDocumentError: the input is at fault (a bad document, a design over its budget), not the app. */
  | { type: 'error'; message: string; isDocumentError: boolean; text?: ErrorMessage; issues?: readonly Issue[] };

/** What a parent may send a long-lived worker (bulk grading) after its workerData: a file to read, or (with `text`) one already read. */
export type JobRequest = { type: 'file'; index: number; file: string; text?: string };

/** What a parent sends a stepping session (simJob with `session`): one answer per request, in order. */
export type StepRequest = { type: 'events'; fromMs: number; count: number };

/** The error reply for anything a job threw; a budget error is the design's fault, like a bad document. */
export function errorReply(error: unknown, isDocumentError = error instanceof DocumentError || error instanceof EventBudgetError): JobReply<never> {
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof DocumentError) return { type: 'error', message, isDocumentError, text: error.text, issues: error.issues };
  if (error instanceof EventBudgetError) return { type: 'error', message, isDocumentError, text: errorMessage('sim.eventBudget', { max: error.maxEvents.toLocaleString('en-US') }) };
  return { type: 'error', message, isDocumentError };
}

/** The error a worker's error reply stands for in the parent: a DocumentError when the input was at fault. */
export function replyError(reply: Extract<JobReply, { type: 'error' }>): Error {
  if (!reply.isDocumentError) return new Error(reply.message);
  return new DocumentError(reply.text ?? errorMessage('call.failed', { channel: 'worker', detail: reply.message }), reply.issues);
}
