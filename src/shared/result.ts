/** The envelope every service call returns, across IPC and the browser bridge alike. */
export type ErrorCode = 'invalid-payload' | 'invalid-document' | 'forbidden-sender' | 'unknown-channel' | 'cancelled' | 'internal';

export interface AppError {
  /** Machine-readable kind of failure. */
  code: ErrorCode;
  /** One sentence a person can act on; names the JSON path where that helps. */
  message: string;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (code: ErrorCode, message: string): Result<never> => ({ ok: false, error: { code, message } });
