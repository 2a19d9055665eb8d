// `npm test`'s first step: the type checks, lint and the build, as many at once as the machine has
// cores. Each is one single-threaded process, so on the 2-core CI machine two at a time take about
// half as long as one after the other (the same commands as `npm run typecheck`, `lint`, `build`).
// Each command's output is printed whole when it ends, not interleaved; any failure fails the step.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';

const COMMANDS = [
  // Longest first, so the short ones fill in beside it.
  ['tsc', '--noEmit', '-p', '.'],
  ['tsc', '--noEmit', '-p', 'tsconfig.web.json'],
  ['eslint', '.'],
  ['tsc', '--noEmit', '-p', 'tsconfig.node.json'],
  ['electron-vite', 'build'],
];

function run(args) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn('npx', args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (out += chunk));
    child.on('close', (code) => {
      process.stdout.write(`\n> ${args.join(' ')}  (${code === 0 ? 'ok' : `failed, exit ${code}`}, ${((Date.now() - started) / 1000).toFixed(1)} s)\n${out}`);
      resolve(code === 0);
    });
  });
}

const queue = [...COMMANDS];
let ok = true;
await Promise.all(
  Array.from({ length: Math.min(queue.length, Math.max(2, availableParallelism())) }, async () => {
    for (let next = queue.shift(); next; next = queue.shift()) ok = (await run(next)) && ok;
  }),
);
process.exit(ok ? 0 : 1);
