import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { strToU8, zipSync } from 'fflate';

const BUILTIN = path.resolve(__dirname, '../../lessons/stateless-vs-stateful');

/** The built-in pack as a zip, under another id and title, as an instructor would hand it out. */
function coursePackZip(id: string, title: string): Buffer {
  const files: Record<string, Uint8Array> = {};
  const walk = (dir: string, prefix: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full, `${prefix}${name}/`);
      else files[`${prefix}${name}`] = new Uint8Array(readFileSync(full));
    }
  };
  walk(BUILTIN, '');
  const manifest = JSON.parse(Buffer.from(files['pack.json']!).toString('utf8'));
  files['pack.json'] = strToU8(JSON.stringify({ ...manifest, id, title: { en: title, 'zh-CN': title } }));
  return Buffer.from(zipSync(files));
}

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
