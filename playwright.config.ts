import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

const port = Number(process.env.STATELAB_E2E_PORT ?? 5199);
/** The browser host's data folder during tests (saved designs, autosave); scripts/e2e.mjs empties it first. */
export const E2E_DATA_DIR = process.env.STATELAB_E2E_DATA_DIR ?? path.resolve(__dirname, 'test-results', 'e2e-data');
/** The browser host's bridge key for this run: minted once in the runner, inherited by the workers through the environment. */
export const E2E_BRIDGE_KEY = (process.env.STATELAB_E2E_BRIDGE_KEY ??= randomBytes(24).toString('base64url'));

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results/playwright',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}/`,
    viewport: { width: 1400, height: 900 },
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: `node out/main/web.js --port ${port}`,
    url: `http://127.0.0.1:${port}/`,
    reuseExistingServer: false,
    stdout: 'pipe',
    env: { STATELAB_DATA_DIR: E2E_DATA_DIR, STATELAB_BRIDGE_KEY: E2E_BRIDGE_KEY },
    timeout: 30_000,
  },
});
