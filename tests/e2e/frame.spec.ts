import { expect, test } from '@playwright/test';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { connect, forgetStudentWork, node, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

test('a pasted second client is taken out before grading: same score as the starter, and the results say why', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  const starterScore = await page.getByTestId('grade-score').textContent();
  await expect(page.getByTestId('grading-notes')).toHaveCount(0);

  // Copy and paste the lesson's users, and send the copy's traffic straight to the database.
  const before = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  await node(page, 'users').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  const after = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  const copy = after.find((id) => !before.includes(id))!;
  await connect(page, copy, 'db');
  await expect(page.locator('.react-flow__edge')).toHaveCount(8);

  await page.getByRole('button', { name: 'Check my work' }).click();
  const notes = page.getByTestId('grading-notes');
  await expect(notes).toContainText(`The lesson does not allow a second client; "${copy}" was removed before grading`, { timeout: 60_000 });
  await expect(page.getByTestId('grade-score')).toHaveText(starterScore!);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await notes.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/grading-notes-${width}.png` });
  }
});

test('in 简体中文 the frame note about an extra client reads in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');

  const before = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  await node(page, 'users').click();
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(page.locator('.react-flow__node')).toHaveCount(before.length + 1);
  const after = await page.locator('.react-flow__node').evaluateAll((nodes) => nodes.map((n) => n.getAttribute('data-id')));
  const copy = after.find((id) => !before.includes(id))!;

  await page.getByRole('button', { name: ZH_CN.lesson.checkMyWork }).click();
  const notes = page.getByTestId('grading-notes');
  await expect(notes).toContainText(ZH_CN.lesson.gradingNotes, { timeout: 60_000 });
  await expect(notes.locator('li')).toHaveText([`本课程不允许添加第二个客户端；评分前已移除 "${copy}" 及其连线。`]);
  // No English words left in the note once the node id is taken out.
  const text = (await notes.locator('li').textContent())!.replaceAll(copy, '');
  expect(text).not.toMatch(/[A-Za-z]{2,}/);
  await notes.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/zh-CN-grading-notes-1280.png` });
});
