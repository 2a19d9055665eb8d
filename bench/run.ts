/**
 * `npm run bench` (bundled: scripts/bundled.mjs): runs every benchmark file and prints its figures. Benchmarks print numbers;
 * nothing here asserts a time (that would be a flaky test). Add a bench as a module exporting a
 * run + print pair and list it below.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { CHROMIUM } from './browserBench';
import { runClassResultsBench } from './classResults';
import { runEditorBench } from './editor.bench';
import { runGradingBench } from './grading';
import { runLabBench } from './labbench';
import { printSimBench, runSimBench } from './sim';
import { runTraceBench } from './trace';

/** The UI benches need the built app; build it once if it is missing. */
function ensureBuilt(): boolean {
  if (existsSync('out/renderer/index.html') && existsSync('out/main/simJob.js')) return true;
  console.log('building the app for the browser benches…');
  return spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit' }).status === 0;
}

const benches: { name: string; run: () => void | Promise<void> }[] = [
  { name: 'simulator', run: () => printSimBench(runSimBench()) },
  { name: 'class results: 200 submissions graded through the host', run: () => runClassResultsBench() },
  { name: 'grading and stepping on the built-in pack', run: runGradingBench },
  { name: 'tracing one request in a 60 s lesson run', run: runTraceBench },
  { name: 'editor: 200 nodes, 300 edges, panning and dragging in Chromium', run: runEditorBench },
  { name: 'lab bench: a 100-node design playing at full speed in Chromium', run: runLabBench },
];

/** Benches that need no browser. */
const NODE_ONLY = new Set(['simulator', 'grading and stepping on the built-in pack', 'tracing one request in a 60 s lesson run']);

async function main(): Promise<void> {
  console.log(`StateLab benchmarks on Node ${process.version}, ${process.platform}/${process.arch}`);
  // `npm run bench -- simulator grading`: only the benches whose names start with these words.
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  for (const b of benches.filter((x) => only.length === 0 || only.some((w) => x.name.startsWith(w)))) {
    console.log(`\n== ${b.name}`);
    if (!NODE_ONLY.has(b.name) && (!CHROMIUM || !ensureBuilt())) {
      console.log('skipped: needs Chromium (apt-get install -y chromium) and a build');
      continue;
    }
    await b.run();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
