/**
 * What a new student (and an instructor on the same machine) tripped over on a first walk through
 * lessons 1–3 and the studio: each test is one friction point, checked at the level the user sees.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { answerPredictions, dropKind, forgetStudentWork, node, openApp, startOwnHost } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const PACK = 'stateless-vs-stateful';
const nodes = (page: Page) => page.locator('.react-flow__node');
const lessonSelect = (page: Page) => page.getByRole('combobox', { name: 'Lesson', exact: true });
/** A data-folder file's text ('' while there is none), for polling. */
const textOf = (file: string) => () => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const workOnDisk = (lessonId: string) => textOf(path.join(E2E_DATA_DIR, 'lessons-work', PACK, `${lessonId}.statelab.json`));

test("the studio's canvas never replaces the lesson work the student had open; closing the studio brings that work back", async ({ page }) => {
  test.setTimeout(90_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio'), { recursive: true, force: true });
  await openApp(page);
  await lessonSelect(page).selectOption('build-it-yourself');
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 3: Build it yourself');
  await expect(nodes(page)).toHaveCount(1);
  await dropKind(page, 'service', 320, 200);
  await expect(nodes(page)).toHaveCount(2);
  await expect.poll(workOnDisk('build-it-yourself')).toContain('"service-1"');

  // The instructor (or a curious student) opens the studio on a copy of the course and shows
  // lesson 1's starter on the canvas.
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Walk copy');
  await start.getByTestId('new-pack-id').fill('walk-copy');
  await start.getByRole('combobox').selectOption(PACK);
  await start.getByRole('button', { name: 'Duplicate' }).click();
  const studio = page.getByTestId('studio-panel');
  await studio.getByRole('tab', { name: 'Designs' }).click();
  await studio.getByRole('button', { name: 'Show on canvas' }).first().click();
  await expect(nodes(page)).toHaveCount(6);
  // The design shown is fitted in view like an opened one, not left at the last design's zoom.
  await expect(async () => {
    const pane = (await page.locator('.react-flow').boundingBox())!;
    for (const box of await Promise.all((await nodes(page).all()).map((n) => n.boundingBox()))) {
      expect(box!.x).toBeGreaterThanOrEqual(pane.x);
      expect(box!.y).toBeGreaterThanOrEqual(pane.y);
      expect(box!.x + box!.width).toBeLessThanOrEqual(pane.x + pane.width);
      expect(box!.y + box!.height).toBeLessThanOrEqual(pane.y + pane.height);
    }
  }).toPass({ timeout: 5_000 });
  await page.screenshot({ path: `${SHOTS}/walk-studio-show-on-canvas.png` });
  // Well past the 0.8 s after which lesson work is saved: the student's work on disk is untouched.
  await page.waitForTimeout(2_500);
  expect(workOnDisk('build-it-yourself')()).toContain('"service-1"');
  expect(workOnDisk('build-it-yourself')()).not.toContain('"api-1"');

  await studio.getByRole('button', { name: 'Close studio' }).click();
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 3: Build it yourself');
  await expect(nodes(page)).toHaveCount(2);
  await expect(node(page, 'service-1')).toHaveCount(1);
  await page.screenshot({ path: `${SHOTS}/walk-studio-closed-lesson-back.png` });
});

test("switching lessons takes the last lesson's run off the bench and its live states off the new lesson's nodes", async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{12}$/);
  await expect(page.getByTestId('live-api-1')).toBeVisible();

  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 2: Stateless is not free');
  await expect(nodes(page)).toHaveCount(7);
  // Lesson 2 has api-1 too: nothing of lesson 1's run may sit on it, nor on the bench.
  await expect(page.getByTestId('trace-hash')).toHaveCount(0);
  await expect(page.getByTestId('live-api-1')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Pause' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Play' })).toHaveCount(0);
  await page.screenshot({ path: `${SHOTS}/walk-next-lesson-no-stale-run.png` });

  // Back in lesson 1, a run is one click away again.
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{12}$/, { timeout: 30_000 });
});

test('quiz answers and predictions survive a reload and a restart of the host, so Run stays open and an export carries them', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-answers-'));
  let host = await startOwnHost(dataDir, 11);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    const why = page.getByLabel('Everything a request needs lives in the database, not in the instance');
    await why.check();

    await lessonSelect(page).selectOption('session-state');
    await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
    await answerPredictions(page);
    await expect(page.getByTestId('run-gate')).toHaveCount(0);

    // A reload of the page keeps them…
    await page.reload();
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 4: Where does the session live?');
    await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
    await expect(page.getByTestId('run-gate')).toHaveCount(0);

    // …and so does a restart on another port (another origin: the page's own storage is gone).
    await host.stop();
    host = await startOwnHost(dataDir, 12);
    await page.goto(host.url);
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(why).toBeChecked();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export submission' }).click();
    const exported = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { answers: Record<string, string> };
    expect(Object.keys(exported.answers)).toEqual(['why-any']);
    await lessonSelect(page).selectOption('session-state');
    await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
    await expect(page.locator('.sl-prediction input[type="radio"]:checked')).toHaveCount(await page.locator('.sl-prediction').count());
    await expect(page.getByTestId('run-gate')).toHaveCount(0);
    await expect(page.getByRole('button', { name: /Run/ }).first()).toBeEnabled();
    await page.screenshot({ path: `${SHOTS}/walk-predictions-kept-after-restart.png` });
  } finally {
    await host.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
});

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`Check my work brings its results into view (${size.width}x${size.height})`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.setViewportSize(size);
    await openApp(page);
    await page.getByRole('button', { name: 'Check my work' }).click();
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results.getByTestId('grade-score')).toBeVisible({ timeout: 30_000 });
    // The score and the first check are on screen, not below the steps and the question.
    await expect(results.getByTestId('grade-score')).toBeInViewport({ ratio: 1 });
    await expect(results.locator('[data-check]').first()).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `${SHOTS}/walk-check-results-in-view-${size.width}x${size.height}.png` });
  });
}

test("class results show lesson 1's observation (0 points) as one, not as failed by every student", async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  // Two students' submissions of lesson 1's starter: it fails the crash checks, and spreads load evenly.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export submission' }).click();
  const submission = JSON.parse(readFileSync((await (await download).path())!, 'utf8')) as { student?: string };
  // A download shows nothing in the app: the lesson panel says what was written.
  await expect(page.getByTestId('submission-exported')).toHaveText(`Exported ${(await download).suggestedFilename()} to your downloads.`);
  await expect(page.getByTestId('submission-exported')).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: `${SHOTS}/walk-submission-exported.png` });
  const folder = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-class-'));
  mkdirSync(path.join(folder, 'class'));
  for (const student of ['Ana', 'Bo']) writeFileSync(path.join(folder, 'class', `${student}.json`), JSON.stringify({ ...submission, student }));

  await page.getByRole('button', { name: 'Class results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Class results' });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(folder, 'class'));
  await expect(dialog.getByTestId('class-summary')).toHaveText(/^2 submissions · 2 graded/, { timeout: 60_000 });
  await expect(dialog.getByTestId('pass-rate-recovered-quickly')).toHaveText('0/2 (0%)');
  await expect(dialog.getByTestId('pass-rate-even-spread')).toHaveText('Observation (no points)');
  // The table marks it as not graded rather than ✗ for both students.
  const column = (await dialog.locator('.sl-class-table thead th').allTextContents()).indexOf('3');
  expect(column).toBeGreaterThan(0);
  for (const row of await dialog.locator('.sl-class-table tbody tr').all()) await expect(row.locator('td').nth(column)).toHaveText('·');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/walk-class-results-observation-${width}.png` });
  }
  await page.locator('select').filter({ has: page.locator('option[value="zh-CN"]') }).first().selectOption('zh-CN');
  await expect(page.getByTestId('pass-rate-even-spread')).toHaveText('观察项（不计分）');
  await page.screenshot({ path: `${SHOTS}/walk-class-results-observation-zh.png` });
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('submission-exported')).toContainText('已导出');
  await page.screenshot({ path: `${SHOTS}/walk-submission-exported-zh.png` });
  rmSync(folder, { recursive: true, force: true });
});

test('after an edit the bench says its run is of the design before; Run again (or Undo) clears it, moving a node does not raise it', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  const stale = page.getByTestId('run-stale');
  await expect(stale).toHaveCount(0);

  // Moving a node changes nothing a run depends on.
  const box = (await node(page, 'db').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2 + 60, { steps: 5 });
  await page.mouse.up();
  await expect(stale).toHaveCount(0);

  await node(page, 'lb').click();
  await page.locator('.sl-properties [data-field="healthCheck.intervalMs"] input').fill('500');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await expect(stale).toHaveText('You changed the design after this run: the charts and numbers are still those of the design before. Press Run to see your change.');
  await page.screenshot({ path: `${SHOTS}/walk-run-stale.png` });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.locator('select').filter({ has: page.locator('option[value="zh-CN"]') }).first().selectOption('zh-CN');
  await expect(stale).toContainText('这次运行之后你改了设计');
  await page.screenshot({ path: `${SHOTS}/walk-run-stale-zh-1280.png` });
  await page.locator('select').filter({ has: page.locator('option[value="zh-CN"]') }).first().selectOption('en');
  await page.keyboard.press('Control+z');
  await expect(stale).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(stale).toBeVisible();
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(stale).toHaveCount(0, { timeout: 30_000 });
});
