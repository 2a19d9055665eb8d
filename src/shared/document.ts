import type { z } from 'zod';
import { DocumentError, formatZodError } from './json';

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
  /** What to call the document in messages ("graph", "lesson pack"). */
  noun: string;
}

/**
 * parse (already done by the caller) → check format → refuse newer → migrate → validate.
 * Throws DocumentError with a message naming the problem and where it is.
 */
export function loadDocument<T>(raw: unknown, spec: DocumentSpec<T>): T {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DocumentError(`This is not a StateLab ${spec.noun}: expected a JSON object at the top level.`);
  }
  let doc = raw as Record<string, unknown>;
  if (doc.format !== spec.format) {
    const found = typeof doc.format === 'string' ? `"${doc.format}"` : 'no "format" field';
    throw new DocumentError(`This is not a StateLab ${spec.noun}: format: expected "${spec.format}", found ${found}.`);
  }
  const version = doc.version;
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) {
    throw new DocumentError(`version: expected a whole number of at least 1.`);
  }
  if (version > spec.version) {
    throw new DocumentError(
      `This ${spec.noun} was written by a newer StateLab (version ${version}; this app reads up to ${spec.version}). Update StateLab to open it.`,
    );
  }
  for (let v = version; v < spec.version; v++) {
    const migration = spec.migrations.find((m) => m.from === v);
    if (!migration) throw new DocumentError(`No migration from ${spec.noun} version ${v}.`);
    doc = { ...migration.up(doc), version: v + 1 };
  }
  const parsed = spec.schema.safeParse(doc);
  if (!parsed.success) throw new DocumentError(`The ${spec.noun} has problems:\n${formatZodError(parsed.error)}`);
  return parsed.data;
}
