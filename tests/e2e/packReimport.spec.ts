import { expect, test } from '@playwright/test';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../support/packZip';
import { APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const zipOf = (packVersion: string) => zipPackFolder(BUILTIN_PACK_DIR, { id: 'week-5', packVersion, title: { en: 'Week 5 practice', 'zh-CN': 'Week 5 practice' } });

test('re-importing a pack id that is installed says which version it replaced', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lesson packs' });

  await dialog.getByTestId('pack-picker').setInputFiles({ name: 'week-5.zip', mimeType: 'application/zip', buffer: zipOf('0.9.0') });
  await expect(dialog.getByTestId('pack-notice')).toHaveText('Imported "Week 5 practice" 0.9.0.');
  await dialog.getByTestId('pack-picker').setInputFiles({ name: 'week-5-v1.zip', mimeType: 'application/zip', buffer: zipOf('1.0.0') });
  await expect(dialog.getByTestId('pack-notice')).toHaveText('Replaced "Week 5 practice" 0.9.0 with 1.0.0.');
  await expect(dialog.locator('[data-pack="week-5"]')).toContainText('1.0.0');
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/packs-replaced-${width}.png` });
  }

  await dialog.locator('[data-pack="week-5"]').getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.getByTestId('pack-notice')).toHaveCount(0);
});
