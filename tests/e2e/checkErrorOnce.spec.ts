import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { answerPredictions, forgetStudentWork, openApp, pickLanguage, settled } from './helpers';

test.beforeEach(forgetStudentWork);

// A fault of the lesson that the design never meets (lesson 1's crash of API 2, its connections
// deleted) fails every run-based check for one reason: it is said once above the checks, and each
// row points to it, instead of the same paragraph in every row.
// One check for both languages (it was one test per language, the same check twice): the results
// are read in English, then in 简体中文.
test(`one reason shared by the failed checks is said once above them (en and zh-CN, 1280×720)`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  for (const id of ['lb-api-2', 'api-2-db']) {
    // A selection opens the properties panel and the design refits: click where the edge is once it is still.
    await settled(page);
    await page.locator(`.react-flow__edge[data-id="${id}"]`).click({ force: true });
    await expect(page.locator(`.react-flow__edge[data-id="${id}"].selected`)).toHaveCount(1);
    await page.keyboard.press('Delete');
    await expect(page.locator(`.react-flow__edge[data-id="${id}"]`)).toHaveCount(0);
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(5);
  await answerPredictions(page);
  await page.getByRole('button', { name: EN.lesson.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  for (const locale of ['en', 'zh-CN'] as const) {
    const t = (locale === 'en' ? EN : ZH_CN).lesson;
    await pickLanguage(page, locale);
    await expect(page.getByRole('button', { name: t.checkMyWork })).toBeVisible();
    const shared = page.getByTestId('shared-check-error');
    await expect(shared).toHaveCount(1);
    await expect(shared).toContainText(locale === 'en' ? /\d+ checks could not be evaluated/ : /\d+ 项检查无法评估/);
    await expect(shared).toContainText(locale === 'en' ? "none of the users' requests reach it" : '用户的请求到达不了它');
    // The rows point to it and do not repeat it.
    const rows = page.locator('.sl-check.is-failed .sl-error');
    expect(await rows.count()).toBeGreaterThanOrEqual(2);
    for (const text of await rows.allTextContents()) expect(text).toBe(t.couldNotEvaluateAbove);
    await shared.scrollIntoViewIfNeeded();
    await expect(shared).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/check-error-once-${locale}-1280x720.png` });
  }
});
