/**
 * What a student met walking lesson 12 ("A network partition of the stateful tier") at 1280×720:
 * an owner's "纪元 1" (epoch 1) broke after 纪元 on its card, and "Next fault" past the lesson's
 * last fault stayed enabled and did nothing when pressed. Screenshots: test-results/screenshots/lab-walk-*.
 */
import { expect, test, type Page } from '@playwright/test';
import { answerPredictions, forgetStudentWork, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const cursorMs = async (page: Page) => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'));

/** Lesson 12's starter run at 1280×720, paused. */
async function runPartitionLesson(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('partition');
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 12');
  await answerPredictions(page);
  await page.locator('.sl-runbar .sl-primary').click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  await pause.click();
}

/** Each figure on the canvas cards ("纪元 1", "4 个分区", "0 个处理中") that is broken over two lines. */
async function brokenFigures(page: Page): Promise<string[]> {
  return page.locator('.sl-node-live').evaluateAll((cards) =>
    cards.flatMap((card) => {
      const broken: string[] = [];
      const walker = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
      for (let text = walker.nextNode(); text; text = walker.nextNode()) {
        for (const m of (text.textContent ?? '').matchAll(/纪元 \d+|\d+ 个分区|\d+ 个处理中|epoch \d+|\d+ partitions?|\d+ in flight/g)) {
          const range = document.createRange();
          range.setStart(text, m.index!);
          range.setEnd(text, m.index! + m[0].length);
          const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (tops.size > 1) broken.push(`${card.getAttribute('data-testid')}: "${m[0]}"`);
        }
      }
      return broken;
    }),
  );
}

test('lesson 12 at 1280×720: an owner’s figures (纪元 1, 4 个分区) each stay on one line of its card, in 简体中文 and in English', async ({ page }) => {
  test.setTimeout(90_000);
  await runPartitionLesson(page);
  await page.getByLabel('Timeline').fill('4000');
  // The owners own partitions under an epoch by now.
  await expect(page.getByTestId('live-own-2')).toContainText('epoch');
  for (const locale of ['zh-CN', 'en'] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    else await page.getByRole('combobox', { name: '语言' }).selectOption('en');
    if (locale === 'zh-CN') await expect(page.getByTestId('live-own-2')).toContainText('纪元');
    const owners = await page.locator('.sl-node-live').count();
    expect(owners).toBeGreaterThan(5);
    expect(await brokenFigures(page), locale).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/lab-walk-cards-${locale}-1280x720.png` });
  }
});

test('lesson 12: past the last fault "Next fault" is disabled (it did nothing when pressed), and from the start it goes to the partition at 8 s', async ({ page }) => {
  test.setTimeout(90_000);
  await runPartitionLesson(page);
  const nextFault = page.getByRole('button', { name: 'Next fault', exact: true });
  await page.getByRole('button', { name: 'To start', exact: true }).click();
  await expect(nextFault).toBeEnabled();
  await nextFault.click();
  expect(await cursorMs(page)).toBe(8000);
  // After the lesson's only fault nothing is left to jump to: the button says so by being disabled, as Next logged event does at the end.
  await expect(nextFault).toBeDisabled();
  await page.getByLabel('Timeline').fill('20000');
  await expect(nextFault).toBeDisabled();
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: '下一个故障', exact: true })).toBeDisabled();
  await page.screenshot({ path: 'test-results/screenshots/lab-walk-next-fault-zh-CN-1280x720.png' });
  await page.getByRole('button', { name: '回到开头', exact: true }).click();
  await expect(page.getByRole('button', { name: '下一个故障', exact: true })).toBeEnabled();
});
