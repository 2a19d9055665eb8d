// Runs a TypeScript entry (a CLI or the bench) as one bundle: esbuild writes out/cli/<name>.cjs
// and node runs it with the remaining arguments. Bundled, the simulator's imports are plain
// module-scope bindings (no CommonJS getter per read, as under tsx), so it runs as in the app.
//   node scripts/bundled.mjs src/cli/sim.ts --help
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { build } from 'esbuild';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outdir = path.join('out', 'cli');
const outfile = path.join(outdir, `${path.basename(entry, path.extname(entry))}.cjs`);
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
// The job workers beside it (workers/pool.ts looks for <name>.js next to the running bundle).
const WORKERS = ['simJob', 'gradeJob', 'bulkGradeJob'];
await Promise.all([
  build({ ...common, entryPoints: [entry], outfile }),
  build({ ...common, entryPoints: Object.fromEntries(WORKERS.map((w) => [w, `src/main/workers/${w}.ts`])), outdir }),
]);
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
