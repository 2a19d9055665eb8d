/**
 * The studio's live verification grades the lesson the instructor picks, a moment after the pick,
 * as it does after an edit: it stayed idle until the first edit, so an instructor who opened a
 * lesson to see how its designs grade saw nothing (and an e2e waiting for it passed or not with the
 * machine's timing).
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { forgetStudentWork, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

test('picking another lesson in the studio verifies it without an edit', async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'pick-course'), { recursive: true, force: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  await page.getByRole('dialog', { name: 'Lesson packs' }).getByTestId('edit-pack-stateless-vs-stateful').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Pick course');
  await start.getByRole('button', { name: 'Duplicate' }).click();
  const studio = page.getByTestId('studio-panel');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });
  const panel = page.getByTestId('verify-panel');
  // Lesson 1 is verified after the copy is made (an edit of the draft).
  await expect(panel.locator('tr[data-check="recovered-quickly"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  // Picking lesson 2 verifies lesson 2, with no edit.
  await studio.getByTestId('studio-lesson').selectOption({ index: 1 });
  await expect(panel.locator('tr[data-check="p99-target"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  await expect(panel.locator('tr[data-check="recovered-quickly"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/studio-pick-verify-1280x720.png' });
});
