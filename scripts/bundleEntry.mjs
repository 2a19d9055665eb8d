// Bundles a TypeScript entry (a CLI or the bench) as the CLIs ship: esbuild writes <outdir>/<name>.cjs
// with the job workers beside it (workers/pool.ts looks for <name>.js next to the running bundle).
// Used by scripts/bundled.mjs (`npm run sim`, `npm run grade`, …) and by the tests that run a CLI
// in its own process (tests/support/bundledCli.ts), so both run the same bundle.
import path from 'node:path';
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // Playwright and Electron stay packages: the bench drives Chromium through Playwright.
  external: ['electron', 'playwright', 'playwright-core', '@playwright/test'],
};
const WORKERS = ['simJob', 'gradeJob', 'bulkGradeJob'];

/**
 * Writes the bundle of `entry` and its workers into `outdir` (both paths from `root`, the repository
 * root); resolves to the bundle's absolute path.
 */
export async function bundleEntry(entry, outdir, root = process.cwd()) {
  const outfile = path.resolve(root, outdir, `${path.basename(entry, path.extname(entry))}.cjs`);
  const options = { ...common, absWorkingDir: path.resolve(root) };
  await Promise.all([
    build({ ...options, entryPoints: [entry], outfile }),
    build({ ...options, entryPoints: Object.fromEntries(WORKERS.map((w) => [w, `src/main/workers/${w}.ts`])), outdir: path.resolve(root, outdir) }),
  ]);
  return outfile;
}
