import { expect, test } from '@playwright/test';
import { APP_LOCALES, EN, LOCALE_NAMES, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { answerPredictions, APP_PATH, forgetStudentWork, node } from './helpers';

test.beforeEach(forgetStudentWork);

// "Every knob has a price": an instance that keeps no session at all no longer passes the
// sessions lesson by having nothing to lose; the check says why, in the student's language.
for (const locale of APP_LOCALES) {
  const t = (locale === 'en' ? EN : ZH_CN).lesson;
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    test(`lesson 16 with no sessions at all fails "users-identified" (${LOCALE_NAMES[locale]}, ${size.width}×${size.height})`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.setViewportSize(size);
      await page.goto(APP_PATH);
      await expect(page.getByTestId('lesson-title')).toContainText('1');
      await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
      await page.getByRole('combobox', { name: t.lesson, exact: true }).selectOption('sessions-choice');
      const sessions = page.locator('.sl-properties [data-field="sessions"] select');
      for (const id of ['api-1', 'api-2', 'api-3']) {
        // A click while the canvas is still fitting the lesson can miss the node: click until it is selected.
        await expect(async () => {
          await node(page, id).click();
          await expect(page.locator('.sl-properties')).toContainText(id, { timeout: 2000 });
        }).toPass({ timeout: 30_000 });
        await sessions.selectOption('none');
      }
      await answerPredictions(page);
      await page.getByRole('button', { name: t.checkMyWork }).click();
      await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
      const check = page.locator('.sl-check.is-failed[data-check="users-identified"]');
      await expect(check).toBeVisible();
      await expect(check.locator('.sl-check-feedback')).toContainText(locale === 'en' ? 'nobody is logged in' : '根本没人登录');
      await check.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `test-results/screenshots/knob-no-sessions-${locale}-${size.width}x${size.height}.png` });
    });
  }
}
