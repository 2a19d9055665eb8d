/**
 * The studio's live verification grades the lesson the instructor picks, a moment after the pick,
 * as it does after an edit: it stayed idle until the first edit, so an instructor who opened a
 * lesson to see how its designs grade saw nothing (and an e2e waiting for it passed or not with the
 * machine's timing).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { forgetStudentWork, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

test('picking another lesson in the studio verifies it without an edit', async ({ page }) => {
  test.setTimeout(240_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const studio = await studioOnBuiltinCopy(page, 'Pick course', 'pick-course');
  const panel = page.getByTestId('verify-panel');
  // Lesson 1 is verified after the copy is made (an edit of the draft).
  await expect(panel.locator('tr[data-check="recovered-quickly"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  // Picking lesson 2 verifies lesson 2, with no edit.
  await studio.getByTestId('studio-lesson').selectOption({ index: 1 });
  await expect(panel.locator('tr[data-check="p99-target"] [data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  await expect(panel.locator('tr[data-check="recovered-quickly"]')).toHaveCount(0);
  await page.screenshot({ path: 'test-results/screenshots/studio-pick-verify-1280x720.png' });
});

test('the live verification names each check by its title in the author’s language, its id in the tooltip', async ({ page }) => {
  test.setTimeout(240_000);
  const PACK = 'lessons/stateless-vs-stateful';
  const manifest = JSON.parse(readFileSync(path.join(PACK, 'pack.json'), 'utf8')) as { lessons: string[] };
  const first = JSON.parse(readFileSync(path.join(PACK, manifest.lessons[0]!), 'utf8')) as { checks: { id: string; type: string; title?: { en: string; 'zh-CN': string } }[] };
  // The live panel grades designs: a quiz has no row.
  const titled = first.checks.filter((c) => c.title && c.type !== 'quiz');
  expect(titled.length).toBeGreaterThan(0);
  await page.setViewportSize({ width: 1280, height: 720 });
  await studioOnBuiltinCopy(page, 'Title course', 'title-course');
  const panel = page.getByTestId('verify-panel');
  const table = panel.locator('table').first();
  await expect(table.locator('td[data-design="reference"]').first()).toContainText('passes', { timeout: 120_000 });
  for (const check of titled) {
    const cell = table.locator(`tr[data-check="${check.id}"] td`).first();
    await expect(cell.getByTestId('verify-check')).toHaveText(check.title!.en);
    await expect(cell).toHaveAttribute('title', `${check.title!.en}\n${check.id}`);
  }
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/studio-verify-titles-en-${width}.png` });
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  for (const check of titled) {
    const cell = table.locator(`tr[data-check="${check.id}"] td`).first();
    await expect(cell.getByTestId('verify-check')).toHaveText(check.title!['zh-CN']);
    await expect(cell).toHaveAttribute('title', `${check.title!['zh-CN']}\n${check.id}`);
  }
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await table.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `test-results/screenshots/studio-verify-titles-zh-CN-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
});
