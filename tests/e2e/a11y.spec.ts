import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { node, openApp, saveAs } from './helpers';

/**
 * axe on every main screen: the editor with its lesson column, the lab after a run, and each
 * dialog. Serious and critical violations fail the test, with the rule and the elements named.
 */
async function expectNoSeriousViolations(page: Page, screen: string, include?: string): Promise<void> {
  let builder = new AxeBuilder({ page });
  if (include) builder = builder.include(include);
  const { violations } = await builder.analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  const report = serious.map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).slice(0, 6).join('\n  ')}`).join('\n');
  expect(serious.map((v) => v.id), `${screen}:\n${report}`).toEqual([]);
}

test('the editor, the lesson column and the lab after a run have no serious accessibility violations, in the dark theme at 1280×720 too', async ({ page }) => {
  // Six axe passes, a run and a check: about 20 s alone, over a minute beside the other worker on a loaded machine.
  test.setTimeout(150_000);
  await openApp(page);
  await expectNoSeriousViolations(page, 'editor with lesson 1');
  const viewport = page.viewportSize()!;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expectNoSeriousViolations(page, 'dark editor');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);
  await node(page, 'lb').click();
  await expectNoSeriousViolations(page, 'editor with a node selected');
  await page.getByRole('button', { name: /Run/ }).click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  await pause.click();

  // The same run in the dark theme at 1280×720 (it was a test of its own, with a run of its own).
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/a11y-dark-lab-1280x720.png' });
  await expectNoSeriousViolations(page, 'dark lab after a run');
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize(viewport);

  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'lab after a run, lesson graded');

  // The re-grade dialog an instructor sees when opening a submission.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export submission' }).click()]);
  await page.getByTestId('submission-picker').setInputFiles((await download.path())!);
  const regrade = page.getByRole('dialog', { name: 'Re-graded submission' });
  await expect(regrade).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'dialog Re-graded submission');
});

test('every dialog has no serious accessibility violations', async ({ page }) => {
  // Ten axe passes and a Compare run: about 12 s alone, a minute with the other worker busy on a loaded machine.
  test.setTimeout(150_000);
  await openApp(page);
  const dialogs: { name: string; open(): Promise<unknown>; close?(): Promise<unknown> }[] = [
    { name: 'Keyboard shortcuts', open: () => page.getByRole('button', { name: 'Shortcuts' }).click() },
    { name: 'Lesson packs', open: () => page.getByRole('button', { name: 'Lesson packs' }).click() },
    { name: 'Compare with a saved design', open: () => page.getByRole('button', { name: 'Compare…' }).click() },
    {
      name: 'Connect Load balancer',
      open: async () => {
        await node(page, 'lb').click();
        await page.keyboard.press('c');
      },
    },
    { name: 'Open a design', open: () => page.getByRole('button', { name: 'Open…' }).click() },
    { name: 'Save as', open: () => page.getByRole('button', { name: 'Save as…' }).click() },
    {
      // A name typed after the design was changed, which gives lesson 1 other numbers: asked about first.
      name: 'Your name gives you other numbers',
      open: async () => {
        await page.locator('.sl-palette-item[data-kind="service"]').click();
        const name = page.getByTestId('variant-card').getByRole('textbox');
        await name.fill('Barbara Liskov');
        await name.press('Enter');
        await expect(page.getByRole('dialog', { name: 'Your name gives you other numbers' })).toBeVisible();
      },
    },
  ];
  for (const d of dialogs) {
    await d.open();
    const dialog = page.getByRole('dialog');
    await expect(dialog).toBeVisible();
    await expectNoSeriousViolations(page, `dialog ${d.name}`);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
  await saveAs(page, 'variant');
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(page.locator('.sl-compare-table')).toBeVisible({ timeout: 60_000 });
  await expectNoSeriousViolations(page, 'compare results');
  await page.keyboard.press('Escape');

  // Start a new design with unsaved changes: the confirmation dialog.
  await page.locator('.sl-palette-item[data-kind="service"]').click();
  await page.getByRole('button', { name: 'New', exact: true }).click();
  await expect(page.getByRole('dialog', { name: 'Start a new design?' })).toBeVisible();
  await expectNoSeriousViolations(page, 'dialog Start a new design?');
});
