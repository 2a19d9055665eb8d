import { readFile, stat } from 'node:fs/promises';
import { errorMessage, type ErrorMessage } from '../../../shared/i18n/errorTexts';
import { loadDocument } from '../../../shared/document';
import { GRAPH_LIMITS, graphSpec, type Graph } from '../../../shared/graph';
import { DocumentError, parseUntrustedJson } from '../../../shared/json';

/**
 * Reads a graph file as untrusted input: size checked before reading, then parsed without
 * prototype keys, migrated and validated. Every failure is a DocumentError naming `what`.
 */
export async function readGraphFile(file: string, what: ErrorMessage, missing: ErrorMessage): Promise<Graph> {
  let text: string;
  try {
    const info = await stat(file);
    if (info.size > GRAPH_LIMITS.bytes) throw new DocumentError(errorMessage('size.documentBytes', { what, bytes: info.size, limit: GRAPH_LIMITS.bytes }));
    text = await readFile(file, 'utf8');
  } catch (error) {
    if (error instanceof DocumentError) throw error;
    throw new DocumentError(missing);
  }
  return loadDocument(parseUntrustedJson(text, GRAPH_LIMITS.bytes, what), graphSpec);
}
