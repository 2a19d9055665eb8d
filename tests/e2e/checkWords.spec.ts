// The same number and the same word everywhere a student reads a check: the measured line, the
// bound beside it and the feedback sentence, in the app's language (a student walk found "5.5 %"
// above "5.518%", and "(needed <= 3000 ms)").
import { expect, test } from '@playwright/test';
import { APP_LOCALES, EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { APP_PATH, answerPredictions, forgetStudentWork, pickLanguage } from './helpers';

test.beforeEach(forgetStudentWork);

// One check for both languages (it was one test per language, the same check twice): the failed
// checks are read in English, then in 简体中文.
test(`lesson 2's failed checks read one number and a bound in words (en and zh-CN)`, async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('remote-state');
  await answerPredictions(page);
  await page.getByRole('button', { name: EN.lesson.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 90_000 });
  for (const locale of APP_LOCALES) {
    const t = (locale === 'en' ? EN : ZH_CN).lesson;
    await page.setViewportSize({ width: 1280, height: 720 });
    await pickLanguage(page, locale);
    await expect(page.getByRole('combobox', { name: t.lesson, exact: true })).toHaveValue('remote-state');
    await expect(page.getByRole('button', { name: t.checkMyWork })).toBeVisible();
    const failed = page.locator('.sl-check.is-failed');
    expect(await failed.count()).toBeGreaterThan(0);
    let compared = 0;
    for (let i = 0; i < (await failed.count()); i++) {
      const row = failed.nth(i);
      const id = (await row.getAttribute('data-check'))!;
      const bound = page.getByTestId(`bound-${id}`);
      if ((await bound.count()) === 0) continue;
      // A bound in words, never "<=" or "==".
      await expect(bound).not.toHaveText(/[<>=]/);
      const measured = (await page.getByTestId(`measured-${id}`).textContent())!;
      const feedback = row.locator('.sl-check-feedback');
      if ((await feedback.count()) === 0 || !/\d/.test(measured)) continue;
      // The feedback names the very number and bound the line above shows.
      await expect(feedback).toContainText(measured);
      const text = (await feedback.textContent())!;
      if (/needed|target|要求|目标/.test(text)) await expect(feedback).toContainText((await bound.textContent())!);
      compared++;
    }
    expect(compared, locale).toBeGreaterThan(0);
    await failed.first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/check-words-${locale}-1280x720.png` });
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.screenshot({ path: `test-results/screenshots/check-words-${locale}-1440x900.png` });
  }
});

// A student walk found "signed-token", "local-memory" in the English dropdowns and a "Non owner" label.
test('the English properties panel shows settings\' choices as words, the id in their tooltip', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.locator('.react-flow__node[data-id="api-1"]').click();
  const sessions = page.locator('[data-field="sessions"] select');
  await expect(sessions.locator('option[value="signed-token"]')).toHaveText('Signed token');
  await expect(sessions.locator('option[value="signed-token"]')).toHaveAttribute('title', 'signed-token');
  await expect(sessions.locator('option[value="local-memory"]')).toHaveText('Local memory');
  await page.screenshot({ path: 'test-results/screenshots/properties-options-en-1280x720.png' });
});
