// A pack titled only in Chinese took the id "pack" (its title has no Latin letters to make one
// from), and a second one was refused as a pack that exists already: the instructor had to find
// and fill the id field. The id field now suggests the next free id, and creating uses it.
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, shootAtEachSize } from './helpers';

test.beforeEach(forgetStudentWork);

const zh = ZH_CN.studio;

test('two packs titled only in 简体中文 are both created, the second under the next free id', async ({ page }) => {
  test.setTimeout(120_000);
  for (const id of ['pack', 'pack-2']) rmSync(path.join(E2E_DATA_DIR, 'studio', id), { recursive: true, force: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');

  for (const [title, id] of [['第五周', 'pack'], ['第六周', 'pack-2']] as const) {
    await page.getByTestId('studio-button').click();
    const start = page.getByRole('dialog', { name: zh.studio });
    await start.getByTestId('new-pack-title').fill(title);
    await expect(start.getByTestId('new-pack-id')).toHaveAttribute('placeholder', id);
    if (id === 'pack-2') await shootAtEachSize(page, 'studio-pack-id-suggested-zh-CN');
    await start.getByRole('button', { name: zh.createPack }).click();
    await expect(start).toHaveCount(0);
    const studio = page.getByTestId('studio-panel');
    await expect(studio.locator('.sl-studio-pack')).toHaveText(title);
    await studio.getByRole('button', { name: zh.closeStudio }).click();
    await expect(studio).toHaveCount(0);
  }
  // Both drafts are listed under their ids.
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: zh.studio });
  await expect(start.locator('[data-draft="pack"]')).toContainText('第五周');
  await expect(start.locator('[data-draft="pack-2"]')).toContainText('第六周');
});
