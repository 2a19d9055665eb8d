import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, openApp } from './helpers';
import { asciiColonsAfterChinese, englishOnScreen, layoutProblems } from '../support/screenAudit';

/**
 * The optional name beside Export also picks the student's numbers of a lesson with variants. A
 * student who worked lesson 1 without a name and typed theirs only to export got a file whose
 * design (and grade) had the lesson's numbers as written under a name that gives other ones, and
 * the canvas changed under them. Now Export says which numbers the name changes and that the
 * design must be checked again, and exports nothing until it has been.
 */
test.beforeEach(forgetStudentWork);

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

const nodes = (page: Page) => page.locator('.react-flow__node');

test('a name typed only at Export that changes the lesson’s numbers is not exported silently: the numbers that change, a re-check, then the export', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  const card = page.getByTestId('variant-card');
  const nameField = page.getByRole('textbox', { name: 'Your name (optional)' });
  const exportButton = page.getByRole('button', { name: 'Export submission' });
  const dialog = page.getByRole('dialog', { name: 'Your name gives you other numbers' });
  const checkButton = page.getByRole('button', { name: 'Check my work' });
  await expect(checkButton).toBeEnabled();
  let downloads = 0;
  page.on('download', () => downloads++);

  // Set first, as today: a name typed on the untouched lesson is taken at once, no question asked.
  await card.getByRole('textbox').fill('Grace Hopper');
  await card.getByRole('textbox').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('variant-crashAtMs')).toBeVisible();
  await card.getByRole('textbox').fill('');
  await card.getByRole('textbox').press('Enter');
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('variant-crashAtMs')).toHaveCount(0);

  // Without a name the student adds a service and checks: the lesson as written (crash at 10 s, 600 req/s).
  await page.locator('.sl-palette-item[data-kind="service"]').click();
  await expect(nodes(page)).toHaveCount(7);
  await checkButton.click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 90_000 });
  // The name cleared took its numbers with it: the users' rate is the lesson's again, nothing to put back.
  await expect(page.getByTestId('grading-notes')).toHaveCount(0);

  // The name typed only to export: Export asks instead of exporting.
  await nameField.fill('Barbara Liskov');
  await exportButton.click();
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('With the name “Barbara Liskov” this lesson gives you other numbers than the ones your work was made with:');
  const changed = dialog.getByTestId('name-change-numbers');
  await expect(changed.locator('[data-parameter="crashAtMs"]')).toHaveText(/^API 2 crashes at: 10 s → \d+(\.\d)? s$/);
  // The seed in a student's words (it was "Chance events of the run (seed): 42 → 1,032,419,208"), its numbers in the tooltip.
  await expect(changed.locator('[data-parameter="seed"]')).toHaveText('What happens by chance in the run changes too: which requests fail, and when, will not be the same.');
  await expect(changed.locator('[data-parameter="seed"]')).toHaveAttribute('title', /^The run’s random seed: 42 → [\d,]+$/);
  await expect(changed).not.toContainText('42');
  await expect(dialog).toContainText('Nothing has been exported. If you use this name, the canvas takes these numbers and your design must be checked again with them before you export it.');
  expect(downloads).toBe(0);
  for (const [size, name] of [[SIZES[0], 'en-1280x720'], [SIZES[1], 'en-1440x900']] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `test-results/screenshots/export-name-change-${name}.png` });
  }
  await page.setViewportSize(SIZES[0]);

  // Keep my numbers: nothing exported, the field back to no name, the canvas and results unchanged.
  await dialog.getByRole('button', { name: 'Keep my numbers' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(nameField).toHaveValue('');
  await expect(card.getByTestId('variant-crashAtMs')).toHaveCount(0);
  await expect(page.getByTestId('grade-score')).toBeVisible();
  await expect(nodes(page)).toHaveCount(7);
  expect(downloads).toBe(0);

  // Enter in the field asks the same (the dialog stays up: Enter does not also press its Keep button).
  await nameField.fill('Barbara Liskov');
  await nameField.press('Enter');
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('If you use this name, the canvas takes these numbers and your design must be checked again: Check my work grades it with them.');
  await page.waitForTimeout(300);
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep my numbers' }).click();
  await expect(nameField).toHaveValue('');

  // Use the new numbers: the canvas takes them (the card lists what the dialog said), the old
  // results go, and the panel says to check before exporting. Still nothing exported.
  await nameField.fill('Barbara Liskov');
  await exportButton.click();
  const crashTo = (await changed.locator('[data-parameter="crashAtMs"]').textContent())!.split(' → ')[1]!;
  const rpsLine = changed.locator('[data-parameter="rps"]');
  const rpsTo = (await rpsLine.count()) > 0 ? (await rpsLine.textContent())!.split(' → ')[1]! : '600 req/s';
  await dialog.getByRole('button', { name: 'Use the new numbers' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(card.getByTestId('variant-crashAtMs')).toHaveText(crashTo);
  await expect(card.getByTestId('variant-rps')).toHaveText(rpsTo);
  await expect(page.getByTestId('check-before-export')).toHaveText('Your new numbers are on the canvas. Check your work with them, then export.');
  await expect(page.getByTestId('grade-score')).toHaveCount(0);
  await expect(nodes(page)).toHaveCount(7);
  expect(downloads).toBe(0);

  // Checked with them, the export goes out with the name, its numbers and their grade.
  await checkButton.click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('check-before-export')).toHaveCount(0);
  const [download] = await Promise.all([page.waitForEvent('download'), exportButton.click()]);
  await expect(dialog).toHaveCount(0);
  const submission = JSON.parse(readFileSync((await download.path())!, 'utf8')) as { student?: string; variant?: { seed: number; values: Record<string, number> }; graph: { nodes: { id: string; props: { rps?: number } }[] }; grade?: { seed?: number } };
  expect(submission.student).toBe('Barbara Liskov');
  // Its grade was made with the name's numbers: the graded run's seed is the variant's.
  expect(submission.grade?.seed).toBe(submission.variant!.seed);
  expect(submission.graph.nodes).toHaveLength(7);
  expect(`${submission.variant!.values.crashAtMs! / 1000} s`).toBe(crashTo.replace(/\.0 s$/, ' s'));
  expect(submission.graph.nodes.find((n) => n.id === 'users')!.props.rps).toBe(submission.variant!.values.rps);

  // The same question in 简体中文, at both sizes: another name.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhName = page.getByRole('textbox', { name: '你的名字（可选）' });
  await zhName.fill('王磊');
  await page.getByRole('button', { name: '导出作业' }).click();
  const zhDialog = page.getByRole('dialog', { name: '这个名字会给你另一组数值' });
  await expect(zhDialog).toContainText('用名字“王磊”，本课给你的数值与你做作业时用的不同：');
  await expect(zhDialog.locator('[data-parameter="crashAtMs"]')).toHaveText(/^API 实例 2 崩溃时间：[\d.]+秒 → [\d.]+秒$/);
  await expect(zhDialog.locator('[data-parameter="seed"]')).toHaveText('运行中随机发生的事也会变：哪些请求失败、在什么时候失败，都会不一样。');
  await expect(zhDialog).toContainText('尚未导出任何内容。');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    // No English left in the dialog (the added service keeps the English name it was given, "Service 1"), no ASCII colon after Chinese, nothing cut off.
    expect(await englishOnScreen(page, ['Service 1', 'Barbara-Liskov-any-instance.statelab-submission.json'])).toEqual([]);
    expect(await asciiColonsAfterChinese(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/export-name-change-zh-CN-${size.width}x${size.height}.png` });
  }
  await zhDialog.getByRole('button', { name: '保留原来的数值' }).click();
  await expect(zhName).toHaveValue('Barbara Liskov');
  expect(downloads).toBe(1);
});
