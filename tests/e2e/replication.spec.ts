import { expect, test } from '@playwright/test';
import { answerPredictions, APP_PATH, forgetStudentWork, node, WINDOW_SIZES } from './helpers';

// Sync replication's price shows in the lab (the time writes wait for the replica), and the fault
// menu offers revoking users' sessions on a client (issue 12, items 2 and 3).
test.beforeEach(forgetStudentWork);

// One run for both window sizes (it was one test per size, the same run twice): the waiting write
// is shot at each size, and the fault menu opened and checked at each.
test(`a sync primary shows its writes waiting for the replica; a client offers revoking sessions (1280x720 and 1440x900)`, async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('failover');
  await expect(node(page, 'db-primary')).toBeVisible();

  await node(page, 'db-primary').click();
  const replication = page.locator('.sl-properties [data-field="replication"] select');
  await replication.selectOption('sync');
  await expect(page.locator('.sl-properties [data-field="replicationTimeoutMs"]')).toBeVisible();
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.getByLabel('Timeline').fill('5000');

  const chart = page.locator('[data-chart="replicationLag"]');
  const wait = chart.locator('.sl-chart-value', { hasText: 'write waits for replicas' });
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await chart.scrollIntoViewIfNeeded();
    await expect(wait).toBeVisible();
    // The replica is in the next zone, 1 ms each way: a sync write waits at least that round trip.
    expect(Number((await wait.textContent())!.replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `test-results/screenshots/replication-wait-${size.width}x${size.height}.png` });
  }

  // The menu at 1440×900 first, then at 1280×720, where the revoke is injected.
  const menu = page.getByRole('menu', { name: 'Inject a fault' });
  for (const size of [...WINDOW_SIZES].reverse()) {
    await page.setViewportSize(size);
    await node(page, 'users').click({ button: 'right' });
    await expect(menu.getByRole('menuitem', { name: 'Revoke 10 users’ sessions' })).toHaveAttribute('title', /signed token is accepted until it expires/);
    await page.screenshot({ path: `test-results/screenshots/revoke-menu-${size.width}x${size.height}.png` });
    if (size !== WINDOW_SIZES[0]) {
      await page.keyboard.press('Escape');
      await expect(menu).toHaveCount(0);
    }
  }
  await menu.getByRole('menuitem', { name: 'Revoke 10 users’ sessions' }).click();
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('5.0 s · Revoke sessions Users');
  await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-kind="revoked"]')).toContainText(/\d+ sessions revoked/);
});
