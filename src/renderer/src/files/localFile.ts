/** Opening from and saving to the student's own computer through the browser (file picker, download). */
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { loadDocument } from '../../../shared/document';
import { GRAPH_LIMITS, graphSpec, type Graph } from '../../../shared/graph';
import { DocumentError, parseUntrustedJson } from '../../../shared/json';
import { tooLargeMessage } from '../../../shared/payloadSize';

/** Reads a picked file as an untrusted graph: bounded size, no prototype keys, validated. Throws DocumentError. */
export async function readGraphFile(file: File): Promise<Graph> {
  if (file.size > GRAPH_LIMITS.bytes) {
    throw new DocumentError(tooLargeMessage(file.size, GRAPH_LIMITS.bytes));
  }
  return loadDocument(parseUntrustedJson(await file.text(), GRAPH_LIMITS.bytes, errorMessage('noun.file')), graphSpec);
}

export function downloadUrl(fileName: string, url: string): void {
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.rel = 'noopener';
  a.click();
}

export function downloadText(fileName: string, text: string, mime = 'application/json'): void {
  const url = URL.createObjectURL(new Blob([text], { type: mime }));
  downloadUrl(fileName, url);
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
