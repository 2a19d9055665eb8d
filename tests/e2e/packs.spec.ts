import { expect, test } from '@playwright/test';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../support/packZip';

/** The built-in pack as a zip, under another id and title, as an instructor would hand it out. */
const coursePackZip = (id: string, title: string) => zipPackFolder(BUILTIN_PACK_DIR, { id, title: { en: title, 'zh-CN': title } });

test('an instructor imports a pack zip, opens its first lesson, and removes it; a bad zip is refused with a reason', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lesson packs' });
  await expect(dialog.locator('[data-pack]')).toHaveCount(1);

  await dialog.getByTestId('pack-picker').setInputFiles({ name: 'week-3.zip', mimeType: 'application/zip', buffer: Buffer.from('PK not really a zip') });
  await expect(dialog.getByTestId('pack-error')).toContainText('week-3');
  await expect(dialog.locator('[data-pack]')).toHaveCount(1);

  await dialog.getByTestId('pack-picker').setInputFiles({ name: 'week-3.zip', mimeType: 'application/zip', buffer: coursePackZip('week-3', 'Week 3 practice') });
  await expect(dialog.locator('[data-pack="week-3"]')).toContainText('Week 3 practice');
  await page.screenshot({ path: 'test-results/screenshots/packs-dialog.png' });

  await dialog.locator('[data-pack="week-3"]').getByRole('button', { name: 'Lesson 1' }).click();
  await expect(page.locator('.sl-pack-title')).toHaveText('Week 3 practice');
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 1');

  await page.getByRole('button', { name: 'Lesson packs' }).click();
  await dialog.locator('[data-pack="week-3"]').getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.locator('[data-pack]')).toHaveCount(1);
  await expect(dialog.locator('[data-pack="stateless-vs-stateful"]').getByRole('button', { name: 'Remove' })).toHaveCount(0);
});
