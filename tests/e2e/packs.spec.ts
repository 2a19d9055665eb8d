import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILTIN_PACK_DIR, zipPackFolder } from '../support/packZip';
import { APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

/** The built-in pack as a zip, under another id and title, as an instructor would hand it out. */
const coursePackZip = (id: string, title: string) => zipPackFolder(BUILTIN_PACK_DIR, { id, title: { en: title, 'zh-CN': title } });

test('an instructor imports a pack zip, opens its first lesson, and removes it; a bad zip is refused with a reason', async ({ page }) => {
  await page.goto(APP_PATH);
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

test('a pack folder can be imported too, and its problems are named by file', async ({ page }) => {
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-folder-')), 'unit-4');
  cpSync(BUILTIN_PACK_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'pack.json'), 'utf8'));
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ ...manifest, id: 'unit-4', title: { en: 'Unit 4', 'zh-CN': '第四单元' } }));

  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lesson packs' });
  await dialog.getByTestId('pack-folder-picker').setInputFiles(dir);
  await expect(dialog.locator('[data-pack="unit-4"]')).toContainText('Unit 4');

  // A broken lesson in a folder is refused with the file and JSON path, and nothing is installed.
  const broken = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-folder-')), 'unit-5');
  cpSync(dir, broken, { recursive: true });
  writeFileSync(path.join(broken, 'pack.json'), JSON.stringify({ ...manifest, id: 'unit-5', lessons: [...manifest.lessons, 'lessons/missing.lesson.json'] }));
  await dialog.getByTestId('pack-folder-picker').setInputFiles(broken);
  await expect(dialog.getByTestId('pack-error')).toContainText('missing.lesson.json');
  await expect(dialog.locator('[data-pack="unit-5"]')).toHaveCount(0);
});
