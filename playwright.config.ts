import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

/**
 * Playwright workers, each with a browser host of its own (its own port and data folder), so no two
 * tests ever share a host's saved work, installed packs or run slots. Two by default: a test spends
 * much of its time waiting for the page, so two share the CI machine's two cores well.
 */
const WORKERS = Math.max(1, Number(process.env.STATELAB_E2E_WORKERS ?? 2));
const BASE_PORT = Number(process.env.STATELAB_E2E_PORT ?? 5199);
const DATA_ROOT = process.env.STATELAB_E2E_DATA_DIR ?? path.resolve(__dirname, 'test-results', 'e2e-data');
/** Worker i's host: port BASE_PORT + 10·i (a test's own hosts take the nine ports after it), its data folder. */
const portOf = (i: number) => BASE_PORT + 10 * i;
const dataDirOf = (i: number) => (i === 0 ? DATA_ROOT : `${DATA_ROOT}-${i}`);
/** Which worker this process is (Playwright sets it in each worker; the runner itself is 0). */
const WORKER = Number(process.env.TEST_PARALLEL_INDEX ?? 0);

/** This worker's browser host's port. */
export const E2E_PORT = portOf(WORKER);
/** This worker's host's data folder during tests (saved designs, autosave); scripts/e2e.mjs empties them first. */
export const E2E_DATA_DIR = dataDirOf(WORKER);
/** Every worker's host data folder. */
export const E2E_DATA_DIRS = Array.from({ length: WORKERS }, (_, i) => dataDirOf(i));
/** The browser hosts' bridge key for this run: minted once in the runner, inherited by the workers through the environment. */
export const E2E_BRIDGE_KEY = (process.env.STATELAB_E2E_BRIDGE_KEY ??= randomBytes(24).toString('base64url'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  // Files are shared out between the workers; the tests of one file run in order, on one worker.
  fullyParallel: false,
  workers: WORKERS,
  retries: 0,
  // Two workers share the machine's cores, so a test may take longer than it would alone.
  timeout: 90_000,
  // A web-first assertion waits up to 10 s (Playwright's default is 5 s): what a test waits for
  // after a click (a re-simulation, a lesson opening, a panel) has taken over 5 s on the 2-core CI
  // machine with two workers, and failed a test that was right. A passing assertion returns as
  // soon as it holds, so this costs nothing unless a test fails.
  expect: { timeout: 10_000 },
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${E2E_PORT}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      // scripts/e2e.mjs picks the machine's Chromium (the headless shell first) and passes it here.
      executablePath: process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium-headless-shell') ? '/usr/bin/chromium-headless-shell' : '/usr/bin/chromium'),
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: Array.from({ length: WORKERS }, (_, i) => ({
    command: `node out/main/web.js --port ${portOf(i)}`,
    url: `http://127.0.0.1:${portOf(i)}/`,
    reuseExistingServer: false,
    stdout: 'pipe' as const,
    env: { STATELAB_DATA_DIR: dataDirOf(i), STATELAB_BRIDGE_KEY: E2E_BRIDGE_KEY },
    timeout: 30_000,
  })),
});
