import type { z } from 'zod';
import { errorMessage, type ErrorKey } from './i18n/errorTexts';
import { DocumentError, zodIssues } from './json';

/** A migration takes the document at `from` and returns it at `from + 1`. Shipped migrations are never edited. */
export interface Migration {
  /** The version this migration upgrades from. */
  from: number;
  /** What changed, for the changelog and the tests. */
  description: string;
  up(doc: Record<string, unknown>): Record<string, unknown>;
}

export interface DocumentSpec<T> {
  /** The value of the document's `format` field. */
  format: string;
  /** The version this app writes. */
  version: number;
  /** Gap-free, ordered by `from`. */
  migrations: readonly Migration[];
  schema: z.ZodType<T>;
  /** What to call the document in messages: a `noun.*` key of ERROR_TEXTS ("graph", "lesson pack manifest"). */
  noun: Extract<ErrorKey, `noun.${string}`>;
}

/**
 * parse (already done by the caller) → check format → refuse newer → migrate → validate.
 * Throws DocumentError with a message naming the problem and where it is.
 */
export function loadDocument<T>(raw: unknown, spec: DocumentSpec<T>): T {
  const noun = errorMessage(spec.noun);
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DocumentError(errorMessage('document.notObject', { noun }));
  }
  let doc = raw as Record<string, unknown>;
  if (doc.format !== spec.format) {
    const found = typeof doc.format === 'string' ? `"${doc.format}"` : errorMessage('document.noFormat');
    throw new DocumentError(errorMessage('document.wrongFormat', { noun, format: spec.format, found }));
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DocumentError(errorMessage('document.badVersion'));
  }
  if (version > spec.version) {
    throw new DocumentError(errorMessage('document.newer', { noun, version, supported: spec.version }));
  }
  for (let v = version; v < spec.version; v++) {
    const migration = spec.migrations.find((m) => m.from === v);
    if (!migration) throw new DocumentError(errorMessage('document.noMigration', { noun, version: v }));
    doc = { ...migration.up(doc), version: v + 1 };
  }
  const parsed = spec.schema.safeParse(doc);
  if (!parsed.success) throw new DocumentError(errorMessage('document.problems', { noun }), zodIssues(parsed.error));
  return parsed.data;
}
