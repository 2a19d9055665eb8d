import { expect, test } from '@playwright/test';
import { EN } from '../../src/renderer/src/i18n/resources';
import { answerPredictions, APP_PATH, forgetStudentWork, WINDOW_SIZES } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

// One run for both window sizes (it was one test per size, the same run twice): the links are
// clicked, and what they bring into view checked, at each size.
test(`a chart a lesson step names is one click away, in English and Chinese (1280x720 and 1440x900)`, async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('connections');
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  // Lesson 18 says "Read *Dropped connections*": a chart no lesson bench shows until it is added.
  const dropped = page.locator('.sl-steps .sl-metric-link', { hasText: 'Dropped connections' });
  await expect(dropped).toHaveAttribute('data-metric', 'connectionsDropped');
  await expect(page.locator('.sl-steps .sl-metric-link', { hasText: 'Connection errors' })).toHaveCount(1);
  // Italics that name no metric stay words.
  await expect(page.locator('.sl-steps em', { hasText: 'immediately' }).locator('xpath=ancestor::button')).toHaveCount(0);
  // Asked for before any run, the chart is there once the run is.
  await dropped.click();
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).first().click();
  const chart = page.locator('.sl-chart[data-chart="metric-connectionsDropped"]');
  await expect(chart).toBeVisible({ timeout: 60_000 });
  await expect(chart).toHaveCount(1);
  // The run plays on its own; the lesson's steps are drawn anew at every frame of it, so a click on
  // a link waits until it ends (it used to wait out the 16 s at 1×). Played at the top speed, it ends
  // in about a second, and the links are clicked on the finished run as before.
  await page.getByRole('combobox', { name: EN.lab.speed }).selectOption('20');
  await expect(page.getByRole('button', { name: EN.lab.pause, exact: true })).toHaveCount(0, { timeout: 30_000 });
  // The lesson starts with charts of what its checks grade; the links add to those, never twice.
  const pickedCount = await page.locator('.sl-chart[data-chart^="metric-"]').count();
  const errors = page.locator('.sl-chart[data-chart="metric-connectionErrors"]');
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    // Asked for again from further down, it is brought into view, not added twice.
    await page.locator('.sl-labbench-charts').evaluate((e) => e.scrollTo(0, 0));
    await page.locator('.sl-steps .sl-metric-link', { hasText: 'Connection errors' }).click();
    await expect(errors).toBeInViewport();
    await dropped.click();
    await expect(chart).toBeInViewport();
    await expect(errors).toHaveCount(1);
    await expect(chart).toHaveCount(1);
    expect(await page.locator('.sl-chart[data-chart^="metric-"]').count()).toBeLessThanOrEqual(pickedCount + 1);
    await page.screenshot({ path: `${SHOTS}/metric-links-lesson18-${size.width}x${size.height}.png` });
  }

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhLink = page.locator('.sl-steps .sl-metric-link', { hasText: '断开的连接' });
  await expect(zhLink).toHaveAttribute('data-metric', 'connectionsDropped');
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await zhLink.scrollIntoViewIfNeeded();
    await expect(zhLink).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/metric-links-lesson18-zh-CN-${size.width}x${size.height}.png` });
  }
});

test('lesson 16 names the charts to watch as the picker does, and lesson 15 reads each group of users apart', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  const lessons = page.getByRole('combobox', { name: EN.lesson.lesson, exact: true });
  await lessons.selectOption('sessions-choice');
  await expect(page.locator('.sl-steps .sl-metric-link[data-metric="requestsAcceptedAfterRevoke"]')).toHaveText('Accepted after revoke');
  await expect(page.locator('.sl-steps .sl-metric-link[data-metric="remoteCallsPerRequest"]')).toHaveText('Remote calls per request');

  await lessons.selectOption('partition');
  await expect(page.locator('.sl-steps .sl-metric-link[data-metric="conflictingWrites"]')).toBeVisible();
  await page.getByRole('button', { name: /Run/ }).first().click();
  await page.getByRole('combobox', { name: EN.lab.bench.addChart }).selectOption('errorRate');
  const perClient = page.locator('.sl-chart[data-chart="metric-errorRate"] figcaption');
  await expect(perClient).toContainText(EN.lab.series.allUsers, { timeout: 60_000 });
  await expect(perClient).toContainText('Users (west)');
  await expect(perClient).toContainText('Users (east)');
  // The whole run played: both lines drawn through the split (at the top speed: the 24 s run in about a second).
  await page.getByRole('combobox', { name: EN.lab.speed }).selectOption('20');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toHaveCount(0, { timeout: 90_000 });
  await page.locator('.sl-chart[data-chart="metric-errorRate"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/per-client-error-rate-lesson15-1280x720.png` });
});
