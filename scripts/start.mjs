// `npm start`: open StateLab. Where the Electron binary is installed, build and open the desktop
// window. Where it is not (it could not be downloaded), start the browser host on a free port,
// print its address and open the system browser, so the README's first command works everywhere.
//
//   node scripts/start.mjs [--browser] [--port N]
//   --browser (or STATELAB_BROWSER=1) uses the browser host even where Electron is installed;
//   --port N (or STATELAB_PORT) is the browser host's port; 0 takes a free one. By default the port is
//   the data folder's own (derived from its path, 20000–29999) when it is free, else a free one: the
//   page's address then stays the same from one start to the next, and with it what the browser keeps
//   for that address (the student's name, which picks their numbers, the language, the last lesson).
//   A port taken anew each start was a new origin each time, and the student's name was gone.
//   CI=1 or STATELAB_NO_OPEN=1: print the address, do not open a browser.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);

/** The Electron binary's path if it is on disk, found the way the `electron` package finds it, without its download. */
function electronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(createRequire(path.join(root, 'package.json')).resolve('electron/package.json'));
  } catch {
    return null;
  }
  const pathFile = path.join(packageDir, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const relative = readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH ?? path.join(packageDir, 'dist');
  const binary = path.join(dist, relative || 'electron');
  return existsSync(binary) ? binary : null;
}

/** The data folder's own port: the same folder (as web.ts resolves it) gives the same port on every start. */
function homePort(env = process.env) {
  const dataDir = env.STATELAB_DATA_DIR ? path.resolve(env.STATELAB_DATA_DIR) : path.join(homedir(), '.statelab');
  let hash = 0x811c9dc5; // FNV-1a over the path
  for (const ch of dataDir) hash = Math.imul(hash ^ ch.charCodeAt(0), 0x01000193) >>> 0;
  return 20000 + (hash % 10000);
}

/** Whether 127.0.0.1:port can be listened on right now. */
function isPortFree(port) {
  return new Promise((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });
}

async function portArgument() {
  const i = args.indexOf('--port');
  const raw = i >= 0 ? args[i + 1] : process.env.STATELAB_PORT;
  if (raw === undefined || raw === '') return (await isPortFree(homePort())) ? String(homePort()) : '0';
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    console.error(`StateLab: --port must be a whole number from 0 to 65535, not "${raw}".`);
    process.exit(2);
  }
  return String(port);
}

/** Newest modification time of any file under `dir` (0 if it does not exist). */
function newestMtime(dir) {
  if (!existsSync(dir)) return 0;
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (!entry.isFile()) continue;
    newest = Math.max(newest, statSync(path.join(entry.parentPath ?? entry.path, entry.name)).mtimeMs);
  }
  return newest;
}

/** True when out/ is missing or older than a source file or the build config. */
function isBuildStale() {
  const built = [path.join(root, 'out', 'main', 'web.js'), path.join(root, 'out', 'renderer', 'index.html')];
  if (!built.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  const sourcesAt = Math.max(newestMtime(path.join(root, 'src')), statSync(path.join(root, 'electron.vite.config.ts')).mtimeMs);
  return sourcesAt > builtAt;
}

function build() {
  console.log('StateLab: building the app (electron-vite build)…');
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'build'], { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] });
  if (result.status !== 0) {
    console.error('StateLab: the build failed (see above). Fix the error, then run "npm start" again.');
    process.exit(result.status ?? 1);
  }
}

/** A program on PATH, or null. */
function onPath(name) {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    if (dir && existsSync(path.join(dir, name))) return path.join(dir, name);
  }
  return null;
}

/** Opens `url` in the system browser if there is one; quietly does nothing otherwise. */
function openBrowser(url) {
  if (process.env.CI || process.env.STATELAB_NO_OPEN) return;
  let command;
  if (process.platform === 'darwin') command = ['open', [url]];
  // `start`'s first quoted argument is a window title, hence the empty one; cmd treats & as a separator.
  else if (process.platform === 'win32') command = ['cmd', ['/c', 'start', '', url.replace(/&/g, '^&')]];
  else if ((process.env.DISPLAY || process.env.WAYLAND_DISPLAY) && onPath('xdg-open')) command = ['xdg-open', [url]];
  if (!command) return;
  try {
    const child = spawn(command[0], command[1], { detached: true, stdio: 'ignore', windowsHide: true });
    child.on('error', () => {});
    child.unref();
  } catch {
    // No browser: the address is printed above.
  }
}

async function startBrowserHost() {
  if (isBuildStale()) build();
  const child = spawn(process.execPath, [path.join(root, 'out', 'main', 'web.js'), '--port', await portArgument()], {
    cwd: root,
    env: process.env,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  let pending = '';
  let opened = false;
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk) => {
    pending += chunk;
    let newline;
    while ((newline = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, newline);
      pending = pending.slice(newline + 1);
      console.log(line);
      const url = /https?:\/\/[^\s]+/.exec(line)?.[0];
      if (url && !opened) {
        opened = true;
        openBrowser(url);
      }
    }
  });
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

function startElectron() {
  const cli = path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
  const result = spawnSync(process.execPath, [cli, 'preview'], { cwd: root, stdio: 'inherit' });
  process.exit(result.status ?? 1);
}

const wantsBrowser = args.includes('--browser') || Boolean(process.env.STATELAB_BROWSER);
if (!wantsBrowser && electronBinary()) {
  startElectron();
} else {
  if (!wantsBrowser) {
    console.log(
      'StateLab: the Electron binary is not installed on this machine (it could not be downloaded), ' +
        'so StateLab opens in your browser instead. Same app, same lessons; your work is kept in ' +
        (process.env.STATELAB_DATA_DIR ?? '~/.statelab') +
        '.',
    );
  }
  void startBrowserHost();
}
