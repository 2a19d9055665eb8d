/**
 * The studio's live verification grades the lesson the instructor picks, a moment after the pick,
 * as it does after an edit: it stayed idle until the first edit, so an instructor who opened a
 * lesson to see how its designs grade saw nothing (and an e2e waiting for it passed or not with the
 * machine's timing).
 */
import { expect, test } from '@playwright/test';
import { forgetStudentWork, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

test('picking another lesson in the studio verifies it without an edit', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = await studioOnBuiltinCopy(page, 'Pick course', 'pick-course');
  const panel = page.getByTestId('verify-panel');
  // Lesson 1 is verified after the copy is made (an edit of the draft).
  await expect(panel.locator('tr[data-check="recovered-quickly"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  // Picking lesson 2 verifies lesson 2, with no edit.
  await studio.getByTestId('studio-lesson').selectOption({ index: 1 });
  await expect(panel.locator('tr[data-check="p99-target"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  await expect(panel.locator('tr[data-check="recovered-quickly"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/studio-pick-verify-1280x720.png' });
});
