// Test files share their worker's modules with the files run after them (vitest.config.mts), so a
// file that replaces a module or a global for the whole file must run isolated: listed in
// tests/support/isolatedFiles.mts. A mock left in a shared worker would answer for the real module in
// whichever file that worker runs next (the real node:fs/promises replaced by atomicWrite's mock).
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ISOLATED_FILES, REPLACES_MODULE_OR_GLOBAL } from '../../support/isolatedFiles.mjs';

const ROOT = path.resolve(__dirname, '../../..');

function testFiles(dir: string): string[] {
  return readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.test.ts'))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)).replaceAll('\\', '/'));
}

describe('test isolation', () => {
  it('runs isolated every test file that mocks a module or stubs a global, and only those', () => {
    const files = [...testFiles('tests/unit'), ...testFiles('tests/integration'), ...testFiles('src')];
    expect(files.length).toBeGreaterThan(150);
    const replacing = files.filter((f) => REPLACES_MODULE_OR_GLOBAL.test(readFileSync(path.join(ROOT, f), 'utf8'))).sort();
    expect(replacing).toEqual([...ISOLATED_FILES].sort());
    for (const f of ISOLATED_FILES) expect(existsSync(path.join(ROOT, f)), f).toBe(true);
  });
});
