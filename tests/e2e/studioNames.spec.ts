/**
 * The studio names what the author wrote, not the ids the files hold: a lesson in the picker by its
 * title (id in the tooltip), a check window's fault as the event log says it ("Crash on API 2"), a
 * quiz named by its question rendered as Markdown; and it warns, without refusing, of a lesson with
 * no checks or no reference design, which validates and exports but would mislead a student.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { forgetStudentWork, openApp, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const DRAFT = 'names-course';

test('the studio names lessons, window faults and quiz checks as the author wrote them, and warns of a lesson with no checks or no reference', async ({ page }) => {
  test.setTimeout(180_000);
  const builtin = JSON.parse(readFileSync('lessons/stateless-vs-stateful/pack.json', 'utf8')) as { lessons: string[] };
  const first = JSON.parse(readFileSync(path.join('lessons/stateless-vs-stateful', builtin.lessons[0]!), 'utf8')) as {
    id: string;
    title: { en: string; 'zh-CN': string };
    nodeNames: Record<string, { en: string; 'zh-CN': string }>;
  };
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = await studioOnBuiltinCopy(page, 'Names course', DRAFT);
  // Every built-in lesson has checks and a reference: nothing to warn of.
  await expect(studio.getByTestId('studio-gaps')).toHaveCount(0);

  // 1. The lesson picker: titles, the id in the tooltip.
  const picker = studio.getByTestId('studio-lesson');
  const option = picker.locator('option').first();
  await expect(option).toHaveText(`1. ${first.title.en}`);
  await expect(option).toHaveAttribute('title', first.id);
  // The picker is narrow: its own tooltip says the whole title, and the id.
  await expect(picker).toHaveAttribute('title', `${first.title.en} · ${first.id}`);

  // 2. A window's fault by its action and node: the range's anchor and the before/during/after picker.
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await studio.locator('[data-check="recovered-quickly"]').click();
  const from = studio.getByTestId('window-from').getByRole('combobox');
  await expect(from.locator('option:checked')).toHaveText('when Crash on API 2 happens');
  await expect(from.locator('option:checked')).toHaveAttribute('title', 'fault:crash');
  await studio.locator('[data-check="even-spread"]').click();
  const faultPicker = studio.getByTestId('window-fault');
  await expect(faultPicker.locator('option:checked')).toHaveText('Crash on API 2');
  await expect(faultPicker).toHaveAttribute('title', 'crash');

  // 3. A quiz named by its question: its button renders the Markdown (code, not backticks).
  await studio.getByRole('button', { name: 'Add quiz' }).click();
  await studio.getByTestId('quiz-question').locator('[data-locale="en"]').fill('Why did `api-2` **lose** its users?');
  await studio.getByTestId('quiz-question').locator('[data-locale="zh-CN"]').fill('为什么 `api-2` **失去**了它的用户？');
  const quiz = studio.locator('[data-check="quiz-check"]');
  await expect(quiz).toHaveText('Why did api-2 lose its users?');
  await expect(quiz.locator('code')).toHaveText('api-2');
  await expect(quiz.locator('strong')).toHaveText('lose');
  await studio.locator('[data-check="even-spread"]').click();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await faultPicker.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-names-en-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });

  // 4. A new lesson has no checks: a warning (the pack still validates), going to its Checks tab.
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  const gaps = studio.getByTestId('studio-gaps');
  await expect(gaps.locator('[data-gap="noChecks"]')).toContainText('this lesson has no checks. A student who presses “Check my work” scores 0/0 and reads “Every check passes. Well done!”, whatever they build.');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/studio-gaps-no-checks-en-1280.png` });
  await gaps.getByRole('button', { name: /Checks › The checks/ }).click();
  await expect(studio.getByRole('tab', { name: 'Checks' })).toHaveAttribute('aria-selected', 'true');
  await studio.getByRole('button', { name: 'Add metric check' }).click();
  // With a check but no reference design: the other warning, going to the Designs tab.
  await expect(gaps.locator('[data-gap="noChecks"]')).toHaveCount(0);
  await expect(gaps.locator('[data-gap="noReference"]')).toContainText('this lesson has no reference design. Nothing shows its checks can be passed');
  await expect(gaps.locator('[data-gap="noReference"]')).toContainText('press “Use the canvas as reference”');
  await page.screenshot({ path: `${SHOTS}/studio-gaps-no-reference-en-1280.png` });

  // The same in Chinese.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(gaps.locator('[data-gap="noReference"]')).toContainText('本课没有参考答案。');
  await expect(gaps.locator('[data-gap="noReference"]')).toContainText('点击“把画布作为参考答案”');
  await expect(picker.locator('option').first()).toHaveText(`1. ${first.title['zh-CN']}`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await expect((await page.locator('.sl-header').boundingBox())!.height).toBeLessThan(60);
    await page.screenshot({ path: `${SHOTS}/studio-gaps-no-reference-zh-CN-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  await gaps.getByRole('button', { name: /设计›参考答案/ }).click();
  await expect(studio.getByRole('tab', { name: '设计' })).toHaveAttribute('aria-selected', 'true');
  await studio.getByRole('button', { name: '把画布作为参考答案' }).click();
  await expect(gaps).toHaveCount(0);

  // The names in Chinese: the first lesson's window faults and its quiz.
  await picker.selectOption('0');
  await studio.getByRole('tab', { name: '检查' }).click();
  await studio.locator('[data-check="recovered-quickly"]').click();
  const api2 = first.nodeNames['api-2']!['zh-CN'];
  await expect(from.locator('option:checked')).toHaveText(`对 ${api2} 施加“崩溃”时`);
  await studio.locator('[data-check="even-spread"]').click();
  await expect(faultPicker.locator('option:checked')).toHaveText(`对 ${api2} 施加“崩溃”`);
  // An empty window says why with the fault's name too (a crash lasts to the end of the run).
  await studio.getByTestId('window-kind').selectOption('after');
  await expect(studio.getByTestId('window-reading')).toContainText(`对 ${api2} 施加“崩溃”这一故障一直持续到运行结束`);
  await studio.getByTestId('window-kind').selectOption('before');
  await expect(faultPicker.locator('option:checked')).toHaveText(`对 ${api2} 施加“崩溃”`);
  await expect(quiz).toHaveText('为什么 api-2 失去了它的用户？');
  await expect(quiz.locator('code')).toHaveText('api-2');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await faultPicker.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-names-zh-CN-${width}.png` });
  }
  // A lesson with no checks in Chinese (a new one), then the studio closes in English.
  await page.setViewportSize({ width: 1280, height: 720 });
  await studio.getByRole('button', { name: '添加课程' }).click();
  await expect(gaps.locator('[data-gap="noChecks"]')).toContainText('本课没有任何检查项。学生点击“检查作业”会得到 0/0 分');
  await page.screenshot({ path: `${SHOTS}/studio-gaps-no-checks-zh-CN-1280.png` });
  await page.getByLabel('语言').selectOption('en');
});

test('a lesson with no checks still saves and exports: the warning never blocks', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'gaps-pack'), { recursive: true, force: true });
  await openApp(page);
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Gaps');
  await start.getByTestId('new-pack-id').fill('gaps-pack');
  await start.getByRole('button', { name: 'Create pack' }).click();
  const studio = page.getByTestId('studio-panel');
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  await expect(studio.getByTestId('studio-gaps').locator('[data-gap="noChecks"]')).toBeVisible();
  const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Export zip' }).click()]);
  expect(download.suggestedFilename()).toBe('gaps-pack-0.1.0.statelab-pack.zip');
  await expect(studio.getByTestId('studio-message')).toHaveText('Exported: the zip validates clean and can be imported.');
});
