// No import circles anywhere in src: a circle makes module initialisation order-dependent and
// usually means two concepts that should be one (or a table that should move to src/shared).
// Type-only imports are erased before the check (dpdm's transform): they run no code, and two
// declarations naming each other's types (a contract and its proxy) are no circle at run time.
import path from 'node:path';
import { parseCircular, parseDependencyTree } from 'dpdm';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

describe('import graph', () => {
  it('has no circles between the modules of src', async () => {
    const tree = await parseDependencyTree(['src/**/*.ts', 'src/**/*.tsx'], {
      cwd: ROOT,
      context: ROOT,
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      exclude: /node_modules/,
      transform: true,
      skipDynamicImports: false,
    });
    // Every module was read (a wrong option makes dpdm skip them all and find nothing).
    expect(Object.values(tree).filter((deps) => deps !== null).length).toBeGreaterThan(100);
    expect(parseCircular(tree).map((circle) => circle.join(' → '))).toEqual([]);
  }, 60_000);
});
