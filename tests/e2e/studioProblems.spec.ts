/**
 * The studio's problem list in the author's language: a draft broken in the Texts tab (raw HTML and
 * a glossary link to no term in a step) lists the validator's problems in 简体中文, each naming the
 * lesson file and the JSON path; switching to English lists the same problems in English.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const DRAFT = 'problems-zh';
const LESSON_FILE = 'lessons/01-any-instance.lesson.json';

test('a broken draft lists its problems in Chinese, naming file and path, and in English after switching', async ({ page }) => {
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
  await expect(items.nth(0)).toHaveText(`${LESSON_FILE} steps[0].en：Markdown 步骤中不允许使用原始 HTML`);
  await expect(items.nth(1)).toContainText(`${LESSON_FILE} steps[0].en：glossary: 链接中的术语“no-such-term”不在术语表中：应为 `);
  await expect(studio.getByTestId('studio-problems')).not.toContainText('raw HTML is not allowed');
  await expect(studio.getByTestId('studio-problems')).not.toContainText('unknown glossary term');
  await page.screenshot({ path: `${SHOTS}/studio-problems-zh-CN-1280x720.png` });

  // The same problems in English once the author switches language: worded again, not fetched again.
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText(EN.studio.problems_other.replace('{{count}}', '2'));
  await expect(items.nth(0)).toHaveText(`${LESSON_FILE} steps[0].en: raw HTML is not allowed in Markdown steps`);
  await expect(items.nth(1)).toContainText('unknown glossary term "no-such-term" in a glossary: link: expected one of ');
  await page.screenshot({ path: `${SHOTS}/studio-problems-en-1280x720.png` });

  // The header stays one row at 1280 px.
  const header = await page.locator('.sl-header').boundingBox();
  expect(header!.height).toBeLessThan(60);
  rmSync(path.join(E2E_DATA_DIR, 'studio', DRAFT), { recursive: true, force: true });
});
