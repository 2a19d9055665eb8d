import type { Channel, EventName, Events } from '../../shared/api';
import { channels, isChannel, MAX_PAYLOAD_BYTES, type ParsedRequestOf, type ResponseOf } from '../../shared/ipc';
import { englishError, errorMessage, type ErrorMessage } from '../../shared/i18n/errorTexts';
import { DocumentError, zodIssues } from '../../shared/json';
import { fail, ok, type Result } from '../../shared/result';
import { hostFolders, internalErrorText, type HiddenFolder } from './errorText';

/** Lets a handler push `onDid…` events back to the caller that started the work. */
export interface CallContext {
  emit<E extends EventName>(event: E, payload: Events[E]): void;
  /** Aborted when the caller goes away (socket closed, window destroyed). */
  readonly signal?: AbortSignal;
}

export type Handlers = {
  [C in Channel]: (request: ParsedRequestOf<C>, ctx: CallContext) => Promise<ResponseOf<C>> | ResponseOf<C>;
};

/**
 * Thrown by handlers for an expected failure the user should read (cancelled run, unknown lesson):
 * a key of ERROR_TEXTS with its parameters, so it reads in the student's language.
 */
export class ServiceError extends Error {
  constructor(
    readonly code: 'invalid-document' | 'cancelled' | 'invalid-payload',
    readonly text: ErrorMessage,
  ) {
    super(englishError(text));
  }

  /** The same failure, said of a file: "x.json: …". */
  inFile(file: string): ServiceError {
    return new ServiceError(this.code, errorMessage('at.file', { file, detail: this.text }));
  }
}

export type Dispatch = (channel: unknown, payload: unknown, ctx: CallContext) => Promise<Result<unknown>>;

/**
 * The one entry point for every call from a renderer, whatever the transport: it checks the
 * channel, bounds and validates the payload, runs the handler and wraps the outcome, so a bad
 * payload gets a readable error back instead of crashing the process.
 */
export function createDispatcher(handlers: Handlers, log: (message: string) => void = () => {}, folders: readonly HiddenFolder[] = hostFolders()): Dispatch {
  return async (channel, payload, ctx) => {
    if (!isChannel(channel)) return fail('unknown-channel', errorMessage('call.unknownChannel', { channel: JSON.stringify(String(channel)).slice(0, 80) }));
    const size = approximateSize(payload);
    if (size > MAX_PAYLOAD_BYTES) return fail('invalid-payload', errorMessage('call.tooLarge', { channel, bytes: size }));
    const parsed = channels[channel].request.safeParse(payload);
    if (!parsed.success) return fail('invalid-payload', errorMessage('call.invalid', { channel }), zodIssues(parsed.error));
    try {
      const handler = handlers[channel] as (request: unknown, ctx: CallContext) => unknown;
      return ok(await handler(parsed.data, ctx));
    } catch (error) {
      if (error instanceof ServiceError) return fail(error.code, error.text);
      if (error instanceof DocumentError) return fail('invalid-document', error.text, error.issues);
      log(`${channel} failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      // The log keeps the full error; the user gets a sentence without the host's paths.
      return fail('internal', internalErrorText(channel, error, folders));
    }
  };
}

function approximateSize(payload: unknown): number {
  try {
    return JSON.stringify(payload)?.length ?? 0;
  } catch {
    return Number.POSITIVE_INFINITY;
  }
}
