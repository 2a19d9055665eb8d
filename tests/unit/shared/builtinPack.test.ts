import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { CHECK_TYPES } from '../../../src/shared/checks';
import { CheckResultSchema } from '../../../src/shared/gradeReport';
import { BUILTIN_PACK_ID } from '../../../src/shared/lesson';

describe('names declared once', () => {
  it('the built-in pack id is its folder under lessons/ and the id in its pack.json', () => {
    const manifest = JSON.parse(readFileSync(path.resolve(__dirname, '../../../lessons', BUILTIN_PACK_ID, 'pack.json'), 'utf8'));
    expect(manifest.id).toBe(BUILTIN_PACK_ID);
  });

  it('a grade report accepts exactly the check families checks.ts defines', () => {
    expect(CHECK_TYPES).toEqual(['metric', 'structure', 'quiz']);
    expect(CheckResultSchema.shape.type.options).toEqual(CHECK_TYPES);
  });
});
