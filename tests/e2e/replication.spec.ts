import { expect, test } from '@playwright/test';
import { answerPredictions, APP_PATH, forgetStudentWork, node } from './helpers';

// Sync replication's price shows in the lab (the time writes wait for the replica), and the fault
// menu offers revoking users' sessions on a client (issue 12, items 2 and 3).
test.beforeEach(forgetStudentWork);

for (const size of [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
]) {
  test(`a sync primary shows its writes waiting for the replica; a client offers revoking sessions (${size.width}x${size.height})`, async ({ page }) => {
    test.setTimeout(90_000);
    await page.setViewportSize(size);
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
    await chart.scrollIntoViewIfNeeded();
    const wait = chart.locator('.sl-chart-value', { hasText: 'write waits for replicas' });
    await expect(wait).toBeVisible();
    // The replica is in the next zone, 1 ms each way: a sync write waits at least that round trip.
    expect(Number((await wait.textContent())!.replace(/[^0-9.]/g, ''))).toBeGreaterThanOrEqual(2);
    await page.screenshot({ path: `test-results/screenshots/replication-wait-${size.width}x${size.height}.png` });

    await node(page, 'users').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Inject a fault' });
    await expect(menu.getByRole('menuitem', { name: 'Revoke 10 users’ sessions' })).toHaveAttribute('title', /signed token is accepted until it expires/);
    await page.screenshot({ path: `test-results/screenshots/revoke-menu-${size.width}x${size.height}.png` });
    await menu.getByRole('menuitem', { name: 'Revoke 10 users’ sessions' }).click();
    await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('5.0 s · Revoke sessions Users');
    await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-kind="revoked"]')).toContainText(/\d+ sessions revoked/);
  });
}
