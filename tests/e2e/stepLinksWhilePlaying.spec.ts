import { expect, test } from '@playwright/test';
import { EN } from '../../src/renderer/src/i18n/resources';
import { answerPredictions, APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

test('a chart link in a lesson step stays put and answers a click while the run plays', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('connections');
  const link = page.locator('.sl-steps .sl-metric-link', { hasText: 'Dropped connections' });
  await expect(link).toBeVisible({ timeout: 10_000 });
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).first().click();
  // The run plays at 1x (16 s): the lesson panel re-renders every frame meanwhile.
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  const before = await link.elementHandle();
  await page.waitForTimeout(500);
  // The same button, not one drawn anew each frame (a click between two frames would miss it).
  expect(await before!.evaluate((e) => e.isConnected)).toBe(true);
  // A click lands while the run still plays and brings the chart at once.
  await link.click({ timeout: 3_000 });
  await expect(page.locator('.sl-chart[data-chart="metric-connectionsDropped"]')).toBeVisible({ timeout: 5_000 });
  await expect(pause).toBeVisible();
});
