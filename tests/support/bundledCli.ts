// A CLI run in its own process, as `npm run sim|grade|pack:validate` runs it: bundled with its job
// workers (scripts/bundleEntry.mjs, as scripts/bundled.mjs does), then `node <bundle>`. Bundled once
// per test file and per entry, into a temporary folder (test files run in parallel: out/cli is
// scripts/bundled.mjs's); each run then starts in about a quarter of a second where `node --import
// tsx` compiled the sources again in every process (and in every worker thread it started): ~1.2 s.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { bundleEntry } from '../../scripts/bundleEntry.mjs';

const root = path.resolve(import.meta.dirname, '../..');
const bundles = new Map<string, Promise<string>>();

/**
 * The node arguments that run `entry` (a path from the repository root, e.g. 'src/cli/sim.ts')
 * bundled, followed by `args`: `spawn(process.execPath, await cliArgs(...))`.
 */
export async function cliArgs(entry: string, ...args: string[]): Promise<string[]> {
  let bundle = bundles.get(entry);
  if (bundle === undefined) {
    bundle = bundleEntry(entry, mkdtempSync(path.join(tmpdir(), 'statelab-cli-')), root);
    bundles.set(entry, bundle);
  }
  return ['--enable-source-maps', await bundle, ...args];
}
