// A student's last check results survive a reload and a restart of the host (kept beside the
// lesson's work), marked as an earlier check's, and Show me on them still runs the graded design.
// The test starts its own browser host (its own data folder) so it can restart it.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, startOwnHost } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const showMeOf = (page: Page) => page.locator('.sl-check.is-failed').getByRole('button', { name: /Show me/ }).first();
const earlier = (page: Page) => page.getByTestId('results-earlier');

test('Check my work, reload, restart: the last results are still there, said to be from the last check, and Show me works', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const dataDir = mkdtempSync(path.join(tmpdir(), 'statelab-e2e-results-'));
  let host = await startOwnHost(dataDir, 5);
  try {
    await page.goto(host.url);
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    // No results before the first check, after a reload either.
    await expect(page.getByTestId('grade-score')).toHaveCount(0);
    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect(showMeOf(page)).toBeVisible({ timeout: 120_000 });
    const score = (await page.getByTestId('grade-score').textContent())!;
    const showMeText = (await showMeOf(page).textContent())!;
    const failed = await page.locator('.sl-check.is-failed').count();
    expect(failed).toBeGreaterThan(0);
    // Fresh results are not called earlier ones.
    await expect(earlier(page)).toHaveCount(0);

    await page.reload();
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(page.getByTestId('grade-score')).toHaveText(score);
    await expect(page.locator('.sl-check.is-failed')).toHaveCount(failed);
    await expect(earlier(page)).toHaveText(/^Results of your last check \(.+\)\. Your design may have changed since/);

    // Show me on the kept report runs the graded design and stops where the check first failed.
    const atS = Number(showMeText.match(/\(([\d.]+) s\)/)![1]);
    await showMeOf(page).click();
    await expect(page.locator('.sl-timeline-time')).toHaveText(new RegExp(`^${atS.toFixed(1).replace('.', '\\.')} s /`), { timeout: 60_000 });

    await host.stop(); // killed: the report must already be on disk
    host = await startOwnHost(dataDir, 6);
    await page.goto(host.url); // another origin: the page remembers nothing of its own
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
    await expect(page.getByTestId('grade-score')).toHaveText(score);
    await expect(earlier(page)).toBeVisible();
    // Another lesson has no results of its own.
    await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');
    await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 4: Where does the session live?');
    await expect(page.getByTestId('grade-score')).toHaveCount(0);
    await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('any-instance');
    await expect(page.getByTestId('grade-score')).toHaveText(score);

    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await earlier(page).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/last-results-en-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await expect(earlier(page)).toContainText(ZH_CN.lesson.earlierResults.split('（')[0]!);
    await earlier(page).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/last-results-zh-CN-1280.png` });

    // Checking again gives fresh results: the note goes.
    await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect(earlier(page)).toHaveCount(0, { timeout: 120_000 });
    await expect(page.getByTestId('grade-score')).toHaveText(score);
  } finally {
    await host.stop();
  }
});

test('the last results show only to the name they were checked under: after a rename, in the session and after a reload, a note says whose they were', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const name = page.getByTestId('variant-student');
  const otherName = page.getByTestId('results-other-name');
  await name.fill('Ana');
  await name.press('Enter');
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 120_000 });
  const score = (await page.getByTestId('grade-score').textContent())!;
  await page.reload();
  await expect(page.getByTestId('grade-score')).toHaveText(score);
  await expect(earlier(page)).toBeVisible();

  // Renamed: Ana's numbers are not Bo's, so (once the student takes Bo's numbers, asked since Ana
  // checked with hers) Ana's results go, with a note saying whose they were.
  await name.fill('Bo');
  await name.press('Enter');
  await page.getByRole('dialog', { name: 'Your name gives you other numbers' }).getByRole('button', { name: 'Use the new numbers' }).click();
  await expect(page.getByTestId('grade-score')).toHaveCount(0);
  await expect(otherName).toHaveText(/^Your last check on this lesson \(.+\) was made under the name “Ana”, which gives other numbers than yours/);
  // After a reload the host keeps them back too.
  await page.reload();
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
  await expect(name).toHaveValue('Bo');
  await expect(otherName).toContainText('“Ana”');
  await expect(page.getByTestId('grade-score')).toHaveCount(0);
  await expect(earlier(page)).toHaveCount(0);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await otherName.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/last-results-other-name-en-${width}.png` });
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(otherName).toContainText('“Ana”');
  await expect(otherName).toContainText(ZH_CN.lesson.otherNameResults.split('（')[0]!);
  await otherName.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/last-results-other-name-zh-CN-1440.png` });
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');

  // Back to Ana: they are hers, and show again.
  await name.fill('Ana');
  await name.press('Enter');
  await expect(page.getByTestId('grade-score')).toHaveText(score);
  await expect(otherName).toHaveCount(0);
});
