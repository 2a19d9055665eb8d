// Runs a TypeScript entry (a CLI or the bench) as one bundle: esbuild writes out/cli/<name>.cjs
// (scripts/bundleEntry.mjs) and node runs it with the remaining arguments. Bundled, the simulator's
// imports are plain module-scope bindings (no CommonJS getter per read, as under tsx), so it runs
// as in the app.
//   node scripts/bundled.mjs src/cli/sim.ts --help
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { bundleEntry } from './bundleEntry.mjs';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node scripts/bundled.mjs <entry.ts> [args...]');
  process.exit(2);
}
const outfile = await bundleEntry(entry, path.join('out', 'cli'));
const run = spawnSync(process.execPath, ['--enable-source-maps', outfile, ...args], { stdio: 'inherit' });
process.exit(run.status ?? 1);
