/** The envelope every service call returns, across IPC and the browser bridge alike. */
import { englishError, type ErrorKey, type ErrorMessage, type ErrorParams } from './i18n/errorTexts';
import type { Issue } from './i18n/issues';

export type ErrorCode = 'invalid-payload' | 'invalid-document' | 'forbidden-sender' | 'unknown-channel' | 'cancelled' | 'internal';

export interface AppError {
  /** Machine-readable kind of failure. */
  code: ErrorCode;
  /** The English sentence, for the CLI and the log; names the JSON path where that helps. */
  message: string;
  /** The sentence's key in ERROR_TEXTS (src/shared/i18n/errorTexts.ts): what the renderer shows, in the student's language. */
  key?: ErrorKey;
  /** The key's parameters (numbers, names, nested messages). */
  params?: ErrorParams;
  /** The document's schema problems, one per line under the sentence, their paths as data. */
  issues?: readonly Issue[];
}

/** Something the student should know beside a call that worked: English for the log, a key for the UI. */
export interface Notice {
  message: string;
  key?: ErrorKey;
  params?: ErrorParams;
}

/** A notice from a message of ERROR_TEXTS. */
export const notice = (text: ErrorMessage): Notice => ({ message: englishError(text), key: text.key, ...(text.params ? { params: text.params } : {}) });

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

/** An error from a message of ERROR_TEXTS: the English `message` is made from it. */
export function appError(code: ErrorCode, text: ErrorMessage, issues: readonly Issue[] = []): AppError {
  return { code, message: englishError(text, issues), key: text.key, ...(text.params ? { params: text.params } : {}), ...(issues.length > 0 ? { issues } : {}) };
}

export const fail = (code: ErrorCode, text: ErrorMessage, issues?: readonly Issue[]): Result<never> => ({ ok: false, error: appError(code, text, issues) });
