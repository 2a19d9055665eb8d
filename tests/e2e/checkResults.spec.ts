// What a student reads after Check my work: a question left blank says so (not "wrong"), feedback
// is Markdown (emphasis, not raw asterisks), and a check worth no points is labelled an observation.
import { expect, test } from '@playwright/test';
import { APP_LOCALES, EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { APP_PATH, forgetStudentWork, pickLanguage } from './helpers';

test.beforeEach(forgetStudentWork);

// One walk for both languages (it was one test per language, the same two checks twice): each
// result is read in English, then in 简体中文.
test(`check results in English and 简体中文: not answered, Markdown feedback, observations`, async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  /** Each language in turn, English first; the walk goes on in 简体中文. */
  const inEachLanguage = async (check: (locale: (typeof APP_LOCALES)[number], t: (typeof EN | typeof ZH_CN)['lesson']) => Promise<void>) => {
    for (const locale of APP_LOCALES) {
      await pickLanguage(page, locale);
      await check(locale, (locale === 'en' ? EN : ZH_CN).lesson);
    }
  };

  // Lesson 9, its question left blank: the result says it was not answered.
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('split-brain');
  await page.getByRole('button', { name: EN.lesson.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 120_000 });
  const quiz = page.locator('.sl-check[data-check="what-fencing-does"]');
  await inEachLanguage(async (locale, t) => {
    await expect(page.getByRole('combobox', { name: t.lesson, exact: true })).toHaveValue('split-brain');
    await expect(quiz.getByTestId('not-answered-what-fencing-does')).toHaveText(t.notAnswered);
    await expect(quiz.locator('.sl-check-feedback')).toHaveCount(1);
    // back-to-normal passes for every design: it is an observation, worth no points.
    await expect(page.locator('.sl-check[data-check="back-to-normal"] .sl-check-points')).toHaveText(t.observation);
    await quiz.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/check-results-unanswered-${locale}.png` });
  });

  // A wrong answer shows the feedback as Markdown: *fenced writes* is emphasis, not asterisks.
  await page.locator('[data-quiz="what-fencing-does"] input[value="prevent"]').check();
  await page.getByRole('button', { name: ZH_CN.lesson.checkMyWork }).click();
  await expect(quiz.getByTestId('not-answered-what-fencing-does')).toHaveCount(0, { timeout: 120_000 });
  await page.setViewportSize({ width: 1440, height: 900 });
  await inEachLanguage(async (locale) => {
    const feedback = quiz.locator('.sl-check-feedback');
    await expect(feedback.locator('em').first()).toBeVisible();
    expect(await feedback.textContent(), locale).not.toContain('*');
    await quiz.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/check-results-feedback-${locale}.png` });
  });
});
