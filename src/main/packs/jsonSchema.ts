/**
 * JSON Schemas generated from the zod schemas, committed under lessons/schema/ so a pack author's
 * editor autocompletes and checks files that start with a "$schema" line. A test keeps the
 * committed files equal to what this generates.
 */
import { z } from 'zod';
import { GraphSchema } from '../../shared/graph';
import { LessonSchema, PackManifestSchema } from '../../shared/lesson';
import { SubmissionSchema } from '../../shared/submission';

/** File name under lessons/schema → the schema it describes. */
const SCHEMAS = {
  'pack.schema.json': { schema: PackManifestSchema, title: 'StateLab lesson pack manifest (pack.json)' },
  'lesson.schema.json': { schema: LessonSchema, title: 'StateLab lesson' },
  'graph.schema.json': { schema: GraphSchema, title: 'StateLab graph' },
  'submission.schema.json': { schema: SubmissionSchema, title: 'StateLab submission' },
} as const;

/** The base the "$schema" lines of built-in packs use, relative to a pack folder inside lessons/. */
export const SCHEMA_DIR = 'lessons/schema';

/** Every schema file's text, by file name; stable output so the committed copies diff cleanly. */
export function generateJsonSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMAS)) {
    // io "input": fields with defaults are optional to write, as they are to the loader.
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    out[file] = `${JSON.stringify({ ...json, $id: `https://statelab.local/schema/${file}`, title }, null, 2)}\n`;
  }
  return out;
}
