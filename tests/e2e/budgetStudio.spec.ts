import { expect, test } from '@playwright/test';
import { forgetStudentWork, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

// An instructor reads in the studio what a budget does: lesson 7's cost check is a budget, and its
// error check is one capacity can buy, scored only within it (grade.ts holdToBudget); a check of
// lost sessions says neither. In English and 简体中文, at 1280×720 and 1440×900.
test('the studio says which checks a budget holds: the cost check and what capacity buys', async ({ page }) => {
  test.setTimeout(120_000);
  const studio = await studioOnBuiltinCopy(page, 'Budget course', 'budget-course');
  const lessonPicker = studio.getByTestId('studio-lesson');
  await lessonPicker.selectOption((await lessonPicker.locator('option[title="deploying"]').getAttribute('value'))!);
  await studio.getByRole('tab', { name: 'Checks' }).click();
  const note = studio.getByTestId('metric-budget');
  await studio.locator('[data-check="within-budget"]').click();
  await expect(note).toHaveText(/^A budget: worth points, it makes the checks of what capacity buys \(errors, latency, throughput, users hurt, false alarms\) score only while the design keeps within it\.$/);
  await studio.locator('[data-check="no-lost-sessions"]').click();
  await expect(studio.getByTestId('metric-about')).toBeVisible();
  await expect(note).toHaveCount(0);
  await studio.locator('[data-check="zero-failed"]').click();
  await expect(note).toHaveText('Capacity can buy this: in a lesson with a budget (a cost check worth points), it scores only while the design keeps within the budget.');
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale === 'zh-CN') {
      await page.getByLabel('Language').selectOption(locale);
      await expect(note).toHaveText('这一项容量买得到：在有预算的课程里（有一项计分的成本检查），只有设计不超出预算时它才得分。');
    }
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await note.scrollIntoViewIfNeeded();
      await expect(note).toBeInViewport();
      await page.screenshot({ path: `test-results/screenshots/budget-studio-${locale}-${width}.png` });
    }
  }
  await studio.locator('[data-check="within-budget"]').click();
  await expect(note).toHaveText('这是预算：只要它计分，容量买得到的那些检查（错误、延迟、吞吐量、受影响的用户、误判）就只在设计不超预算时才得分。');
  await page.getByLabel('语言').selectOption('en');
});
