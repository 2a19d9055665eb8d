/**
 * How large a request is once encoded for the host, and the one message a student reads when a
 * picked file is too large. A file under its own limit can still be too large to send: JSON
 * escaping turns every `"` and `\` of a submission into two bytes.
 */
import { errorMessage, type ErrorMessage } from './i18n/errorTexts';
import { MAX_PAYLOAD_BYTES } from './ipc';

/** The payload's JSON in UTF-8 bytes, as the bridge sends it; Infinity when it cannot be encoded. */
export function encodedBytes(payload: unknown): number {
  let json: string | undefined;
  try {
    json = JSON.stringify(payload);
  } catch {
    return Number.POSITIVE_INFINITY;
  }
  return json === undefined ? 0 : new TextEncoder().encode(json).length;
}

/** Sizes in MB with one decimal, rounded away from the limit so "N" never reads as equal to "M". */
const mbUp = (bytes: number) => String(Math.ceil(bytes / 100_000) / 10);
const mbDown = (bytes: number) => String(Math.floor(bytes / 100_000) / 10);

/** "This file is too large (N MB, at most M MB)." (a message of ERROR_TEXTS) */
export function tooLargeMessage(bytes: number, limitBytes: number): ErrorMessage {
  return errorMessage('size.tooLarge', { size: mbUp(bytes), limit: mbDown(limitBytes) });
}

/**
 * The message for a request too large to send to the host, or null when it fits. Given the size of
 * the file it carries, says why a file under its own limit can be too large.
 */
export function payloadTooLarge(payload: unknown, fileBytes?: number): ErrorMessage | null {
  const bytes = encodedBytes(payload);
  if (bytes <= MAX_PAYLOAD_BYTES) return null;
  if (fileBytes !== undefined && fileBytes < bytes) return errorMessage('size.tooLargeEscaped', { size: mbUp(bytes), limit: mbDown(MAX_PAYLOAD_BYTES), fileSize: mbUp(fileBytes) });
  return tooLargeMessage(bytes, MAX_PAYLOAD_BYTES);
}
