// `npm start`: build and open the desktop app. Where the Electron binary cannot be downloaded,
// say so plainly and point to the browser host instead of failing with a stack trace.
import { spawnSync } from 'node:child_process';

const probe = spawnSync(process.execPath, ['-e', "process.stdout.write(require('electron'))"], {
  encoding: 'utf8',
  stdio: ['ignore', 'pipe', 'pipe'],
});

if (probe.status !== 0) {
  console.error(
    '\nStateLab could not start its desktop window: the Electron binary is not installed and could not be ' +
      'downloaded on this machine (no route to its release downloads). Everything else is installed, and the ' +
      'same app runs in your browser: type "npm run web" and open the address it prints ' +
      '(http://127.0.0.1:5183 by default).\n',
  );
  process.exit(1);
}

const result = spawnSync('npx', ['electron-vite', 'preview'], { stdio: 'inherit', shell: process.platform === 'win32' });
process.exit(result.status ?? 1);
