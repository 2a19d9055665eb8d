import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { APP_PATH, forgetStudentWork, node, WINDOW_SIZES } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

// One walk for both window sizes (it was one test per size, the same checks twice): the stale note
// is seen and shot at each size, in English and in 简体中文.
test(`check results say when the design changed after the check (1280x720 and 1440x900)`, async ({ page }) => {
  test.setTimeout(180_000);
  const t = EN.lesson;
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: t.lesson, exact: true }).selectOption('sessions-choice');
  await expect(page.getByTestId('lesson-title')).toContainText('Sessions: store or token?');
  await expect(node(page, 'sessions')).toBeVisible();
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  const stale = page.getByTestId('results-stale');
  await expect(stale).toHaveCount(0);

  // Tokens instead of the store on one instance: the results still describe the store design.
  await node(page, 'api-1').click();
  await page.locator('.sl-properties [data-field="sessions"] select').selectOption('signed-token');
  await expect(stale).toHaveText(t.staleResults);
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await stale.scrollIntoViewIfNeeded();
    await expect(stale).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/stale-results-${size.width}x${size.height}.png` });
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(stale).toHaveText(ZH_CN.lesson.staleResults);
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await stale.scrollIntoViewIfNeeded();
    await expect(stale).toBeInViewport();
    await page.screenshot({ path: `${SHOTS}/stale-results-zh-CN-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');

  // Undo back to the graded design: the results are its own again.
  await page.getByRole('button', { name: EN.editor.undo, exact: true }).click();
  await expect(stale).toHaveCount(0);
  // Moving a node is no change to what is graded.
  await node(page, 'api-1').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 120, y: 60 } });
  await expect(stale).toHaveCount(0);
  // A change, then a new check: the new results are of the design on the canvas.
  await node(page, 'api-2').click();
  await page.locator('.sl-properties [data-field="sessions"] select').selectOption('signed-token');
  await expect(stale).toBeVisible();
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(stale).toHaveCount(0, { timeout: 60_000 });
  await expect(page.getByTestId('grade-score')).toBeVisible();
});
