import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateJsonSchemas, SCHEMA_DIR } from '../../../src/main/packs/jsonSchema';
import { folderSource } from '../../../src/main/packs/source';
import { validatePack } from '../../../src/main/packs/validate';
import { goodLesson, goodPack, writePack } from './fixtures';

describe('generated JSON Schemas', () => {
  it('are committed and current (regenerate with: npm run pack:validate -- --write-schemas)', () => {
    for (const [file, text] of Object.entries(generateJsonSchemas())) {
      expect(readFileSync(path.join(SCHEMA_DIR, file), 'utf8'), file).toBe(text);
    }
  });

  it('offer the metric names and check types to an editor', () => {
    const lesson = generateJsonSchemas()['lesson.schema.json']!;
    for (const word of ['"sessionsLost"', '"latencyP99"', '"quiz"', '"structure"', 'fault:<fault id>']) expect(lesson).toContain(word);
  });

  it('can be referenced from a pack file by a "$schema" line', async () => {
    const lesson = { $schema: '../../schema/lesson.schema.json', ...goodLesson() };
    const files: Record<string, unknown> = { ...goodPack(), 'lessons/session-state.lesson.json': lesson };
    (files['pack.json'] as Record<string, unknown>).$schema = '../schema/pack.schema.json';
    expect((await validatePack(folderSource(writePack(files)))).problems).toEqual([]);
  });
});
