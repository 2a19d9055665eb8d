// What the browser benches share: the real app served by the browser host in Chromium, and
// frame-interval measurement with requestAnimationFrame.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium, type Page } from '@playwright/test';
import { createHost } from '../src/main/host/services';
import { startWebHost } from '../src/main/host/web/server';
import { BUILTIN_PACK_ID } from '../src/shared/lesson';

/** The repository (npm runs the bench from there; bundled, __dirname is out/cli). */
const ROOT = process.cwd();
export const CHROMIUM = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => p && existsSync(p));

/** Serves the built renderer (out/renderer) with a fresh data folder and opens it in Chromium. */
export async function withAppInBrowser(name: string, fn: (page: Page) => Promise<void>): Promise<void> {
  if (!CHROMIUM) throw new Error('no Chromium found (apt-get install -y chromium, or set CHROMIUM_PATH)');
  const host = createHost({ host: 'web', builtinPackDirs: [path.join(ROOT, 'lessons', BUILTIN_PACK_ID)], dataDir: mkdtempSync(path.join(tmpdir(), `statelab-${name}-`)) });
  const web = await startWebHost({ dispatch: host.dispatch, rendererDir: path.join(ROOT, 'out', 'renderer'), port: 0 });
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    await page.goto(web.url);
    await page.locator('.react-flow__node').first().waitFor();
    await fn(page);
  } finally {
    await browser.close();
    host.dispose();
    await web.close();
  }
}

/**
 * Intervals between animation frames while `action` runs, in ms. With `changed` (a page-side
 * expression, e.g. the viewport's transform), only frames in which its value changed count: the
 * frames that painted movement, not idle frames the browser ran in between.
 */
export async function frameIntervals(page: Page, action: () => Promise<void>, changed?: string): Promise<number[]> {
  // Plain strings: tsx's name-keeping helpers do not exist in the page.
  await page.evaluate(`(() => {
    window.frames_ = [];
    window.stop_ = false;
    let last;
    const sig = ${changed === undefined ? 'undefined' : `() => (${changed})`};
    const loop = (t) => {
      if (sig === undefined) window.frames_.push(t);
      else {
        const now = sig();
        if (now !== last) { last = now; window.frames_.push(t); }
      }
      if (!window.stop_) requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })()`);
  await action();
  const stamps = (await page.evaluate('(() => { window.stop_ = true; return window.frames_; })()')) as number[];
  return stamps.slice(1).map((t, i) => t - stamps[i]!);
}

export const quantile = (xs: readonly number[], q: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

/** Prints median and p95 frame times; returns the median frame rate. */
export function reportFrames(name: string, intervals: readonly number[]): number {
  const median = quantile(intervals, 0.5);
  console.log(`${name.padEnd(9)} frames ${String(intervals.length).padStart(4)}  median ${median.toFixed(1)} ms (${(1000 / median).toFixed(1)} fps)  p95 ${quantile(intervals, 0.95).toFixed(1)} ms  max ${Math.max(...intervals).toFixed(1)} ms`);
  return 1000 / median;
}

export const verdict = (fps: number, target = 55) => `${fps >= target ? 'PASS' : 'BELOW TARGET'}: median ${fps.toFixed(1)} fps (target ≥ ${target})`;
