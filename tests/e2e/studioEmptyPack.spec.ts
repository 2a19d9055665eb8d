/**
 * A new, empty pack's one problem says what it lacks and how to add it. It read “文字›课程包：条目过少：
 * 至少 1 个” (“too few items: at least 1”): nothing said the items were lessons, nor that “添加课程”
 * adds one. Now it says the pack has no lesson yet and names the button as it reads, in 简体中文 and
 * English; Add lesson then clears it.
 */
import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, pickLanguage, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

test('a new pack’s one problem says it has no lesson yet and how to add one, in 简体中文 and English', async ({ page }) => {
  await page.setViewportSize(WINDOW_SIZES[0]);
  await openApp(page);
  await pickLanguage(page, 'zh-CN');
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: ZH_CN.studio.studio });
  await start.getByTestId('new-pack-title').fill('第六周');
  await start.getByTestId('new-pack-id').fill(`empty-${test.info().workerIndex}-${Date.now()}`);
  await start.getByRole('button', { name: ZH_CN.studio.createPack }).click();
  const studio = page.getByTestId('studio-panel');
  const count = studio.getByTestId('studio-problems-count');
  await expect(count).toHaveText(ZH_CN.studio.problems_other.replace('{{count}}', '1'));
  await count.click();
  const problem = studio.getByTestId('studio-problem');
  for (const [locale, words, lacks] of [
    ['zh-CN', ZH_CN.studio, '课程包还没有课程'],
    ['en', EN.studio, 'the pack has no lesson yet'],
  ] as const) {
    await pickLanguage(page, locale);
    await expect(problem).toHaveCount(1);
    await expect(problem).toContainText(lacks);
    await expect(problem).toContainText(`“${words.addLesson}”`);
    await expect(problem).not.toContainText(locale === 'en' ? 'at least 1' : '至少 1 个');
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await expect(problem).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `test-results/screenshots/studio-empty-pack-${locale}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(WINDOW_SIZES[0]);
  }
  await studio.getByRole('button', { name: EN.studio.addLesson }).click();
  await expect(count).toHaveText(EN.studio.noProblems);
});
