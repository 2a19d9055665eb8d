/**
 * A common wrong answer's name goes in the field of the language it was typed in. An instructor
 * working in 简体中文 named one “缓存没接上”: it was stored as its English name, the English box
 * holding Chinese and the 简体中文 box empty and marked “缺少翻译”, as if they had written nothing in
 * Chinese. Now it lands in 简体中文 (English left to translate), as a new pack's title typed in Chinese
 * does; typed in English it stays English.
 */
import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, pickLanguage, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

test('a wrong answer named in 简体中文 keeps its name in the 简体中文 field, one named in English in the English field', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await openApp(page);
  await pickLanguage(page, 'zh-CN');
  const zh = ZH_CN.studio;
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: zh.studio });
  await start.getByTestId('new-pack-title').fill('第六周');
  await start.getByTestId('new-pack-id').fill(`wrong-name-${test.info().workerIndex}-${Date.now()}`);
  await start.getByRole('button', { name: zh.createPack }).click();
  const studio = page.getByTestId('studio-panel');
  // Lesson 1's starter on the canvas becomes the new lesson's; a wrong answer needs a graded check to fail.
  await studio.getByRole('button', { name: zh.addLesson }).click();
  await studio.getByRole('tab', { name: zh.tabs.checks }).click();
  await studio.getByRole('button', { name: zh.add.metric }).click();
  await studio.getByRole('tab', { name: zh.tabs.design }).click();
  const wrongs = studio.getByTestId('studio-wrong-answers');

  for (const [locale, name, id] of [
    ['zh-CN', '缓存没接上', 'wrong'],
    ['en', 'Cache not wired', 'cache-not-wired'],
  ] as const) {
    await pickLanguage(page, locale);
    await wrongs.getByTestId('wrong-name').fill(name);
    await wrongs.getByTestId('use-as-wrong').click();
    const field = wrongs.getByTestId(`wrong-name-${id}`);
    const other = locale === 'en' ? 'zh-CN' : 'en';
    await expect(field.locator(`[data-locale="${locale}"]`)).toHaveValue(name);
    await expect(field.locator(`[data-locale="${other}"]`)).toHaveValue('');
    // The live verification names it by the name as typed, in the language it was typed in.
    await expect(page.getByTestId('verify-panel')).toContainText(name, { timeout: 60_000 });
    await field.scrollIntoViewIfNeeded();
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await expect(field.locator(`[data-locale="${locale}"]`)).toBeInViewport();
      await page.screenshot({ path: `test-results/screenshots/studio-wrong-name-${locale}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(WINDOW_SIZES[0]);
  }
  // Read in English, the Chinese-named answer says its English is what is left to write.
  await expect(wrongs.getByTestId('wrong-name-wrong')).toContainText(EN.studio.missingTranslation);
});
