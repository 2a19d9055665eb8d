/**
 * The studio's problem list in the author's language: a draft broken in the Texts tab (raw HTML and
 * a glossary link to no term in a step) lists the validator's problems in 简体中文, each saying where
 * the studio shows it (the tab, then the step or check by its name; the file and JSON path in its
 * tooltip); switching to English lists the same problems in English, and picking a problem's place
 * opens its tab at the check it is about.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const DRAFT = 'problems-zh';
const LESSON_FILE = 'lessons/01-any-instance.lesson.json';

test('a broken draft lists its problems in Chinese, naming where the studio shows them, and in English after switching; a problem goes to its check', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', DRAFT), { recursive: true, force: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  const zh = ZH_CN.studio;

  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: zh.studio });
  await start.getByTestId('new-pack-title').fill('Problems');
  await start.getByTestId('new-pack-id').fill(DRAFT);
  await start.locator('select').selectOption('stateless-vs-stateful');
  await start.getByRole('button', { name: zh.duplicate, exact: true }).click();
  const studio = page.getByTestId('studio-panel');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText(zh.noProblems);

  // Break lesson 1's first step: raw HTML and a glossary link to a term the glossary lacks.
  await studio.getByTestId('text-steps-0').locator('[data-locale="en"]').fill('Crash one instance. <b>Watch</b> the [errors](glossary:no-such-term).');
  const count = studio.getByTestId('studio-problems-count');
  await expect(count).toHaveText(zh.problems_other.replace('{{count}}', '2'), { timeout: 20_000 });
  await count.click();
  const items = studio.getByTestId('studio-problem');
  await expect(items).toHaveCount(2);
  await expect(items.nth(0)).toHaveText('文字›第 1 步：Markdown 步骤中不允许使用原始 HTML');
  await expect(items.nth(0)).toHaveAttribute('title', `${LESSON_FILE} steps[0].en`);
  await expect(items.nth(1)).toContainText('文字›第 1 步：glossary: 链接中的术语“no-such-term”不在术语表中：应为 ');
  await expect(studio.getByTestId('studio-problems')).not.toContainText(LESSON_FILE);
  await expect(studio.getByTestId('studio-problems')).not.toContainText('raw HTML is not allowed');
  await expect(studio.getByTestId('studio-problems')).not.toContainText('unknown glossary term');
  await page.screenshot({ path: `${SHOTS}/studio-problems-zh-CN-1280x720.png` });

  // The same problems in English once the author switches language: worded again, not fetched again.
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText(EN.studio.problems_other.replace('{{count}}', '2'));
  await expect(items.nth(0)).toHaveText('Texts › Step 1: raw HTML is not allowed in Markdown steps');
  await expect(items.nth(1)).toContainText('unknown glossary term "no-such-term" in a glossary: link: expected one of ');
  await page.screenshot({ path: `${SHOTS}/studio-problems-en-1280x720.png` });

  // A check's window left empty (after a crash that lasts to the end): its problem names the check by
  // its title, and picking that place opens the Checks tab on that check, not the first one.
  await studio.getByRole('tab', { name: EN.studio.tabs.checks }).click();
  await studio.locator('button[data-check="small-blast"]').click();
  await studio.getByTestId('window-kind').selectOption('after');
  await studio.getByRole('tab', { name: EN.studio.tabs.texts }).click();
  const windowProblem = studio.locator(`[data-testid="studio-problem"][title="${LESSON_FILE} checks[1].window"]`);
  await expect(windowProblem).toContainText('the window is empty', { timeout: 20_000 });
  const place = windowProblem.getByTestId('studio-problem-place');
  await expect(place).toHaveText('Checks › “Few requests fail because of the crash”');
  await place.click();
  await expect(studio.getByRole('tab', { name: EN.studio.tabs.checks })).toHaveAttribute('aria-selected', 'true');
  await expect(studio.getByTestId('check-id')).toHaveValue('small-blast');
  // The checks are named by their titles in the author's language (the id in the tooltip), here and
  // in a wrong answer's "must fail" boxes, as the lesson panel names them.
  const checkButton = studio.locator('button[data-check="small-blast"]');
  await expect(checkButton).toHaveText('Few requests fail because of the crash');
  await expect(checkButton).toHaveAttribute('title', 'small-blast');
  await page.screenshot({ path: `${SHOTS}/studio-problem-place-en-1280x720.png` });
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  await expect(place).toHaveText('检查›检查项“崩溃只导致少量请求失败”');
  await expect(checkButton).toHaveText('崩溃只导致少量请求失败');
  await studio.getByRole('tab', { name: ZH_CN.studio.tabs.design }).click();
  await expect(studio.getByTestId('studio-wrong-answers').locator('label[title="small-blast"]').first()).toHaveText('崩溃只导致少量请求失败');
  await page.screenshot({ path: `${SHOTS}/studio-problem-place-zh-CN-1280x720.png` });
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');

  // The header stays one row at 1280 px.
  const header = await page.locator('.sl-header').boundingBox();
  expect(header!.height).toBeLessThan(60);
  rmSync(path.join(E2E_DATA_DIR, 'studio', DRAFT), { recursive: true, force: true });
});

test('a problem’s sentence names the field in the studio’s words (“Prediction 1 › Choice 2”), not its JSON path, which stays in the tooltip', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = await studioOnBuiltinCopy(page, 'Field words', 'field-words');
  await studio.getByRole('tab', { name: 'Checks' }).click();
  const predictions = studio.getByTestId('studio-predictions');
  const before = await predictions.getByTestId('prediction-add').evaluate((el) => el.closest('section')?.querySelectorAll('[data-testid^="prediction-question-"]').length ?? 0);
  await predictions.getByTestId('prediction-add').click();
  const i = before;
  const both = async (testId: string, en: string, zh?: string) => {
    const field = page.getByTestId(testId).first();
    await field.locator('[data-locale="en"]').fill(en);
    if (zh !== undefined) await field.locator('[data-locale="zh-CN"]').fill(zh);
  };
  await both(`prediction-question-${i}`, 'How many requests fail?', '有多少请求失败？');
  await both(`prediction-${i}-choice-text-0`, 'Almost none', '几乎没有');
  // The second choice in English only: the pack lists 简体中文 too.
  await both(`prediction-${i}-choice-text-1`, 'Many');
  const count = studio.getByTestId('studio-problems-count');
  await expect(count).toHaveText(EN.studio.problems_one.replace('{{count}}', '1'), { timeout: 20_000 });
  await count.click();
  const item = studio.getByTestId('studio-problem');
  await expect(item).toHaveText(`Checks › Prediction ${i + 1}: lesson "Any request, any instance": Prediction ${i + 1} › Choice 2 has no zh-CN text (the pack lists the locales en, zh-CN)`);
  await expect(item).toHaveAttribute('title', `${LESSON_FILE} predictions[${i}].choices[1].text.zh-CN`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-problem-words-en-${width}.png` });
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(item).toHaveText(`检查›预测 ${i + 1}：课程“任意请求，任意实例”：预测 ${i + 1} › 选项 2缺少 zh-CN 文本（课程包列出的语言为 en, zh-CN）`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await item.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-problem-words-zh-CN-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
});
