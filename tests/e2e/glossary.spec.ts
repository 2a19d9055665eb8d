import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { GLOSSARY_BY_ID } from '../../src/shared/glossary';
import { APP_PATH, forgetStudentWork } from './helpers';

test.beforeEach(forgetStudentWork);

const sticky = GLOSSARY_BY_ID.get('sticky-session')!;

test('a glossary link in a lesson step opens the glossary at that term, in the app language', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');

  // English: the step's "sticky sessions" link opens the dialog with that entry marked and in view.
  await page.locator('.sl-steps').getByRole('button', { name: 'sticky sessions' }).click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog).toBeVisible();
  const entry = dialog.locator('[data-term="sticky-session"]');
  await expect(entry).toHaveAttribute('aria-current', 'true');
  await expect(entry).toBeInViewport();
  await expect(entry.locator('dt')).toHaveText(`${sticky.en.term}${sticky['zh-CN'].term}`);
  await expect(entry.locator('dd')).toHaveText(sticky.en.definition);
  await expect(dialog.locator('[aria-current="true"]')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  // Chinese: the link says the glossary's term, and the dialog shows the Chinese definition.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.locator('.sl-steps').getByRole('button', { name: '粘性会话（会话保持）' }).click();
  const zhDialog = page.getByRole('dialog', { name: '术语表' });
  const zhEntry = zhDialog.locator('[data-term="sticky-session"]');
  await expect(zhEntry).toHaveAttribute('aria-current', 'true');
  await expect(zhEntry.locator('dd')).toHaveText(sticky['zh-CN'].definition);
  await expect(zhEntry.locator('dt')).toContainText('sticky session');
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await expect(zhEntry).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/glossary-term-zh-CN-${size.width}x${size.height}.png` });
  }
  const { violations } = await new AxeBuilder({ page }).include('.sl-dialog').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await zhDialog.getByRole('button', { name: '关闭' }).click();
  await expect(zhDialog).toBeHidden();
});

test('the lesson panel opens the whole glossary, and the search narrows it in either language', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('en');
  await page.getByRole('button', { name: 'Glossary', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Glossary' });
  await expect(dialog.locator('.sl-glossary-entry')).toHaveCount(GLOSSARY_BY_ID.size);
  await expect(dialog.locator('[aria-current="true"]')).toHaveCount(0);
  const search = dialog.getByRole('searchbox', { name: 'Find a term' });
  await expect(search).toBeFocused();
  await search.fill('脑裂');
  await expect(dialog.locator('.sl-glossary-entry')).toHaveCount(1);
  await expect(dialog.locator('.sl-glossary-entry dt')).toHaveText(/^split brain/);
  for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(size);
    await search.fill('');
    await page.screenshot({ path: `test-results/screenshots/glossary-en-${size.width}x${size.height}.png` });
  }
  await search.fill('no such term');
  await expect(dialog.getByText('No term matches.')).toBeVisible();
});
