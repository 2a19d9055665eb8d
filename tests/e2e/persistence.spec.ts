// Issue 10, item 6: students' work is never lost. Each test starts its own browser host (its own
// data folder), because these are about what a restart, a reload or a broken data folder do.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { dropKind, newDesign, node, startOwnHost } from './helpers';

const SHOTS = 'test-results/screenshots';
const PACK = 'stateless-vs-stateful';
const nodes = (page: Page) => page.locator('.react-flow__node');
const lessonSelect = (page: Page) => page.getByRole('combobox', { name: 'Lesson', exact: true });
const sessionsOf = (page: Page) => page.locator('.sl-properties [data-field="sessions"] select');
/** A file's text ('' while there is none), for polling. */
const textOf = (file: string) => () => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
/** The lesson's work as the host keeps it on disk. */
const workOnDisk = (dataDir: string, lessonId: string) => textOf(path.join(dataDir, 'lessons-work', PACK, `${lessonId}.statelab.json`));

test('edits in lesson 1 and lesson 3 survive a restart of the host; Start over (back to the starter) can be undone', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-restart-'));
  let host = await startOwnHost(dataDir, 1);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(nodes(page)).toHaveCount(6);
    await dropKind(page, 'service', 300, 520);
    await expect(nodes(page)).toHaveCount(7);

    await lessonSelect(page).selectOption('session-state');
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 4: Where does the session live?');
    await node(page, 'api-1').click();
    await sessionsOf(page).selectOption('signed-token');
    await expect.poll(workOnDisk(dataDir, 'any-instance')).toContain('"service-1"');
    await expect.poll(workOnDisk(dataDir, 'session-state')).toContain('signed-token');

    await host.stop(); // killed: nothing gets a chance to save on the way out
    host = await startOwnHost(dataDir, 2);
    await page.goto(host.url); // another origin: the page does not even remember the last lesson
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(nodes(page)).toHaveCount(7);
    await expect(node(page, 'service-1')).toHaveCount(1);
    await expect(page.getByRole('alert', { name: 'Unsaved work found' })).toHaveCount(0);

    await lessonSelect(page).selectOption('session-state');
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 4: Where does the session live?');
    await node(page, 'api-1').click();
    await expect(sessionsOf(page)).toHaveValue('signed-token');

    // Start over puts the starter back as one step to undo: the work comes back with Ctrl+Z.
    await lessonSelect(page).selectOption('any-instance');
    await expect(node(page, 'service-1')).toHaveCount(1);
    await page.getByRole('button', { name: 'Start over', exact: true }).click();
    await expect(nodes(page)).toHaveCount(6);
    await expect(page.getByTestId('editor-notice')).toContainText('back at its starter');
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Start over', exact: true }).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/reset-to-starter-${width}.png` });
    }
    await page.keyboard.press('Control+z');
    await expect(nodes(page)).toHaveCount(7);
    await expect(node(page, 'service-1')).toHaveCount(1);

    // Leaving the lesson for a design of one's own and coming back brings the latest work back.
    await page.setViewportSize({ width: 1400, height: 900 });
    await dropKind(page, 'service', 520, 560);
    await expect(nodes(page)).toHaveCount(8);
    await newDesign(page);
    await page.getByRole('button', { name: 'Lesson packs' }).click();
    await page.getByRole('dialog', { name: 'Lesson packs' }).getByRole('button', { name: 'Lesson 1' }).click();
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(nodes(page)).toHaveCount(8);
    await expect.poll(workOnDisk(dataDir, 'any-instance')).toContain('"service-2"');
  } finally {
    await host.stop();
  }
});

test('editing while the restore offer is up loses neither the offered work nor the newer edits; Restore can be undone', async ({ page }) => {
  test.setTimeout(90_000);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-race-'));
  const host = await startOwnHost(dataDir, 3);
  try {
    await page.goto(host.url);
    await expect(nodes(page)).toHaveCount(6);
    // Unsaved work of one's own, then the page dies.
    await newDesign(page);
    await dropKind(page, 'database', 200, 150);
    await expect(nodes(page)).toHaveCount(1);
    await expect.poll(textOf(path.join(dataDir, 'autosave.json'))).toContain('database-1');
    await page.reload();
    const banner = page.getByRole('alert', { name: 'Unsaved work found' });
    await expect(banner).toContainText('1 node, 0 connections');

    // The race: the student keeps working on the lesson while the offer is up, long enough for
    // every autosave to fire, and even reloads once more without answering.
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await dropKind(page, 'service', 300, 520);
    await expect(nodes(page)).toHaveCount(7);
    await expect.poll(workOnDisk(dataDir, 'any-instance')).toContain('"service-1"');
    await page.waitForTimeout(1500);
    await page.reload();
    await expect(banner).toContainText('1 node, 0 connections'); // the offered work was not overwritten
    await expect(nodes(page)).toHaveCount(7); // and the newer work is still there
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.screenshot({ path: `${SHOTS}/restore-offer-1280.png` });

    await banner.getByRole('button', { name: 'Restore' }).click();
    await expect(nodes(page)).toHaveCount(1);
    await expect(node(page, 'database-1')).toHaveCount(1);
    await expect(page.getByTestId('editor-notice')).toContainText('Undo (Ctrl+Z) brings back what was on the canvas');
    await page.screenshot({ path: `${SHOTS}/restore-done-1280.png` });
    await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo' }).click();
    await expect(nodes(page)).toHaveCount(7);
    await expect(node(page, 'service-1')).toHaveCount(1);
    await page.keyboard.press('Control+Shift+z');
    await expect(nodes(page)).toHaveCount(1);

    // Answered: the offer does not come back at the next start.
    await page.reload();
    await expect(page.getByTestId('lesson-title')).toBeVisible();
    await expect(nodes(page).first()).toBeVisible();
    await expect(banner).toHaveCount(0);
  } finally {
    await host.stop();
  }
});

test('with a data folder that cannot be written, the lesson still opens and grades, and the student is told what was not kept', async ({ page }) => {
  test.setTimeout(90_000);
  // Root can write anywhere, so block the files themselves: a folder where each file should go.
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-readonly-'));
  for (const file of ['progress.json', 'autosave.json', 'recent.json']) {
    mkdirSync(path.join(dataDir, file));
    writeFileSync(path.join(dataDir, file, 'blocker'), '');
  }
  writeFileSync(path.join(dataDir, 'lessons-work'), '');
  const host = await startOwnHost(dataDir, 4);
  try {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(host.url);
    await expect(nodes(page)).toHaveCount(6);
    await dropKind(page, 'service', 300, 520);
    const notice = page.getByTestId('editor-notice');
    await expect(notice).toContainText('Your work on this lesson could not be saved');
    await page.screenshot({ path: `${SHOTS}/readonly-warning-1440.png` });

    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
    await expect(notice).toContainText('Your grade could not be recorded');
    await expect(notice).toContainText('It counts for this session only');
  } finally {
    await host.stop();
  }
});
