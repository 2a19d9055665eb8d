import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_BRIDGE_KEY, E2E_DATA_DIR, E2E_PORT } from '../../playwright.config';
import { APP_LOCALES, type AppLocale } from '../../src/renderer/src/i18n/resources';

/** The app's address as the browser host prints it: the page needs the key to open the bridge. */
export const APP_PATH = `/?key=${E2E_BRIDGE_KEY}`;

export const node = (page: Page, id: string) => page.locator(`.react-flow__node[data-id="${id}"]`);

/** Deletes the lesson work and unsaved work in the shared host's data folder; true when there was some. */
function deleteStudentWork(): boolean {
  if (!existsSync(E2E_DATA_DIR)) return false;
  const lessonsWork = path.join(E2E_DATA_DIR, 'lessons-work');
  const autosaves = readdirSync(E2E_DATA_DIR).filter((f) => f.startsWith('autosave'));
  const hadWork = existsSync(lessonsWork) || autosaves.length > 0;
  try {
    // The host may be writing a late save into the folder while it goes (ENOTEMPTY): retried, and
    // if it still races, reported as work found so forgetStudentWork deletes again after a pause.
    rmSync(lessonsWork, { recursive: true, force: true, maxRetries: 5, retryDelay: 20 });
    for (const file of autosaves) rmSync(path.join(E2E_DATA_DIR, file), { force: true });
  } catch {
    return true;
  }
  return hadWork;
}

/**
 * How long the folder must stay free of student work before a test goes on. The page of the test
 * before saves its last edit as it closes (pagehide), and on a busy machine the host may write that
 * a moment after this test began: seen once as lesson 1 opening with the previous test's extra node.
 */
const QUIET_MS = 300;

/**
 * Forgets the lesson work and unsaved work earlier tests left in the shared host's data folder, so
 * every lesson opens at its starter and no restore offer is waiting: deleted, then deleted again
 * if a late save of the previous test's page lands within QUIET_MS.
 */
export async function forgetStudentWork(): Promise<void> {
  const testId = test.info().testId;
  // Most tests forget twice in a row (their beforeEach, then openApp): a folder this test already
  // saw free of work for QUIET_MS and that still holds none has had none since (nothing else
  // deletes in between, so a write would still be there), so it has been quiet long enough.
  if (!deleteStudentWork() && lastQuiet?.testId === testId) return;
  let quietSince = Date.now();
  while (Date.now() - quietSince < QUIET_MS) {
    await new Promise((resolve) => setTimeout(resolve, 50));
    if (deleteStudentWork()) quietSince = Date.now();
  }
  lastQuiet = { testId };
}

/** The test whose forgetStudentWork last saw the folder stay free of work for QUIET_MS. */
let lastQuiet: { testId: string } | undefined;

/** Opens the app and waits for the first lesson's canvas. */
export async function openApp(page: Page): Promise<void> {
  await forgetStudentWork();
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
}

/**
 * Answers every "predict before you run" question of the open lesson with its first choice, so
 * Run is enabled (lessons 3, 6 and 9 have predictions; elsewhere this does nothing).
 */
export async function answerPredictions(page: Page): Promise<void> {
  const predictions = page.locator('.sl-prediction');
  // Right after a lesson is picked its predictions may not be shown yet: answer until Run is free.
  await expect(async () => {
    for (let i = 0; i < (await predictions.count()); i++) await predictions.nth(i).getByRole('radio').first().check();
    await expect(page.getByTestId('run-gate')).toHaveCount(0, { timeout: 500 });
  }).toPass({ timeout: 15_000 });
}

/** Lesson 3's starter (it asks a prediction first), run and paused. */
export async function runLesson3Paused(page: Page): Promise<void> {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');
  // The lesson's predictions show once it has loaded (before that, the last lesson's Run is free).
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
}

/** Starts an empty design from the File bar. */
export async function newDesign(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'New', exact: true }).click();
  const confirm = page.getByRole('button', { name: 'Discard and start new' });
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
}

/** Drags a palette item onto the canvas at (x, y) inside the pane. */
export async function dropKind(page: Page, kind: string, x: number, y: number): Promise<void> {
  await page.locator(`.sl-palette-item[data-kind="${kind}"]`).dragTo(page.locator('.react-flow__pane'), { targetPosition: { x, y } });
}

/** Drags from a node's output handle to another node's input handle, as a student does. */
export async function connect(page: Page, source: string, target: string): Promise<void> {
  const from = await node(page, source).locator('.react-flow__handle.source').boundingBox();
  const to = await node(page, target).locator('.react-flow__handle.target').boundingBox();
  if (!from || !to) throw new Error(`handles of ${source} or ${target} not found`);
  await page.mouse.move(from.x + from.width / 2, from.y + from.height / 2);
  await page.mouse.down();
  await page.mouse.move((from.x + to.x) / 2, (from.y + to.y) / 2, { steps: 5 });
  await page.mouse.move(to.x + to.width / 2, to.y + to.height / 2, { steps: 5 });
  await page.mouse.up();
}

/** The design as saved in the browser host's data folder. */
export function savedDesign(name: string): unknown {
  return JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'designs', `${name}.statelab.json`), 'utf8'));
}

/** The edited document, as the Download button writes it. */
export async function downloadedDesign(page: Page): Promise<unknown> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download' }).click()]);
  return JSON.parse(readFileSync((await download.path())!, 'utf8'));
}

export async function saveAs(page: Page, name: string): Promise<void> {
  await page.getByRole('button', { name: 'Save as…' }).click();
  await page.getByLabel('Design name').fill(name);
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByTestId('file-name')).toHaveText(name);
}

/** Builds client → load balancer → three services → session store + database by dragging and connecting. */
export async function buildTier(page: Page): Promise<void> {
  await newDesign(page);
  await dropKind(page, 'client', 80, 300);
  await dropKind(page, 'load-balancer', 300, 300);
  await dropKind(page, 'service', 520, 160);
  await dropKind(page, 'service', 520, 300);
  await dropKind(page, 'service', 520, 440);
  await dropKind(page, 'session-store', 760, 200);
  await dropKind(page, 'database', 760, 400);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await connect(page, 'client-1', 'load-balancer-1');
  for (const s of ['service-1', 'service-2', 'service-3']) await connect(page, 'load-balancer-1', s);
  for (const s of ['service-1', 'service-2', 'service-3']) {
    await connect(page, s, 'session-store-1');
    await connect(page, s, 'database-1');
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(10);
  await node(page, 'load-balancer-1').click();
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('sticky');
}

/**
 * A browser host of the test's own (for restarts, or a data folder set up to fail), on its worker's
 * host's port + `offset` (1..9), serving the built app with `dataDir` as its data folder.
 */
export async function startOwnHost(dataDir: string, offset: number): Promise<{ url: string; stop(): Promise<void> }> {
  const port = E2E_PORT + offset;
  const child = spawn(process.execPath, ['out/main/web.js', '--port', String(port)], { env: { ...process.env, STATELAB_DATA_DIR: dataDir }, stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += String(chunk);
      const match = /running at (http:\/\/\S+)/.exec(out);
      if (match) resolve(match[1]!);
    });
    child.stderr.on('data', (chunk) => (out += String(chunk)));
    child.once('exit', (code) => reject(new Error(`host exited (${code}): ${out}`)));
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  return {
    url,
    // A kill, not a polite stop: whatever is not on disk yet is lost, as in a crash.
    stop: async () => {
      child.kill('SIGKILL');
      await exited;
    },
  };
}

export type Box = { x: number; y: number; width: number; height: number };
/** Whether box `a` lies wholly inside box `b` (half a pixel of rounding allowed). */
export const inside = (a: Box, b: Box) => a.x >= b.x - 0.5 && a.y >= b.y - 0.5 && a.x + a.width <= b.x + b.width + 0.5 && a.y + a.height <= b.y + b.height + 0.5;

/** Runs the open design (answering any predictions first) and pauses once the nodes show live state. */
export async function runAndPause(page: Page): Promise<void> {
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  await pause.click();
  await expect(page.locator('.sl-node-live').first()).toBeVisible();
}

/** Waits until the canvas has settled after a layout change (its fit is animation-free, one frame later). */
export async function settled(page: Page): Promise<void> {
  let last = '';
  await expect
    .poll(async () => {
      const now = await page.locator('.react-flow__viewport').getAttribute('style');
      const same = now === last;
      last = now ?? '';
      return same;
    }, { intervals: [150, 150, 150, 300] })
    .toBe(true);
}

/**
 * Opens the app and the lesson studio on a new copy of the built-in pack, titled `title` under the
 * draft id `draftId` (an earlier copy of that id forgotten first); the studio panel, once the copy
 * validates clean.
 */
export async function studioOnBuiltinCopy(page: Page, title: string, draftId: string): Promise<Locator> {
  rmSync(path.join(E2E_DATA_DIR, 'studio', draftId), { recursive: true, force: true });
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  await page.getByRole('dialog', { name: 'Lesson packs' }).getByTestId('edit-pack-stateless-vs-stateful').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill(title);
  await start.getByTestId('new-pack-id').fill(draftId);
  await start.getByRole('button', { name: 'Duplicate' }).click();
  const studio = page.getByTestId('studio-panel');
  // The copy takes the host seconds on a busy machine (the button says "Duplicating…" meanwhile);
  // a refusal shows in the dialog, and its words are the failure's.
  const refused = start.getByRole('alert');
  await expect(studio.getByTestId('studio-problems-count').or(refused)).toBeVisible({ timeout: 90_000 });
  expect(await refused.allTextContents(), 'Duplicate was refused').toEqual([]);
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });
  return studio;
}

/** The two window sizes the screens are checked at: the smallest supported and a common laptop. */
export const WINDOW_SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Picks the app's language in the header (its label is in the language shown) and waits for `<html lang>`. */
export async function pickLanguage(page: Page, locale: AppLocale): Promise<void> {
  await page.locator('select').filter({ has: page.locator('option[value="zh-CN"]') }).first().selectOption(locale);
  await expect(page.locator('html')).toHaveAttribute('lang', locale);
}

/**
 * The screen as it is now, in each language and at each window size in turn: `check` asserts what
 * that language and size show and takes its screenshot (`tag` is "1280x720"). One walk to a screen
 * then serves every language and size, where a test per language and size walked it four times.
 * Ends in the last language, at the first size.
 */
export async function atEachLanguageAndSize(page: Page, check: (locale: AppLocale, tag: string) => Promise<void>): Promise<void> {
  for (const locale of APP_LOCALES) {
    await pickLanguage(page, locale);
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await check(locale, `${size.width}x${size.height}`);
    }
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}

/** Fills a studio text field's English box and, when given, its 简体中文 box. */
export async function fillBothLanguages(page: Page, testId: string, english: string, chinese?: string): Promise<void> {
  const field = page.getByTestId(testId).first();
  await field.locator('[data-locale="en"]').fill(english);
  if (chinese !== undefined) await field.locator('[data-locale="zh-CN"]').fill(chinese);
}

/** Screenshots `test-results/screenshots/<name>-<size>.png` at each window size, then goes back to the first. */
export async function shootAtEachSize(page: Page, name: string): Promise<void> {
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}
