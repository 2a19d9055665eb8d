import { expect, test, type Page } from '@playwright/test';
import { connect, dropKind, newDesign, node, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';
const BUDGET = "This design generates more than 5,000,000 events; reduce the request rate or the run's duration.";

/** A new design: one client at `rps` (1,000,000 floods the simulator) sending to one service. */
async function floodDesign(page: Page, rps: string): Promise<void> {
  // A tab in the background gets its animation frames throttled, and drags on the canvas wait for them.
  await page.bringToFront();
  await openApp(page);
  await newDesign(page);
  await dropKind(page, 'client', 120, 250);
  await dropKind(page, 'service', 420, 250);
  await connect(page, 'client-1', 'service-1');
  await node(page, 'client-1').click();
  const field = page.locator('.sl-properties [data-field="rps"]');
  await field.locator('input').fill(rps);
  await expect(field.getByRole('alert')).toHaveCount(0);
}

test('a client at 1,000,000 rps: Run stops quickly with the event-budget message, and Run works again after a fix', async ({ page }) => {
  await floodDesign(page, '1000000');
  await page.getByRole('button', { name: /Run/ }).click();
  const alert = page.locator('.sl-runbar').getByRole('alert');
  await expect(alert).toHaveText(BUDGET, { timeout: 45_000 });
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/budget-message-${width}.png` });
  }
  await page.locator('.sl-properties [data-field="rps"] input').fill('200');
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await expect(alert).toHaveCount(0);
});

test('with both run slots busy, a third run waits and shows its place in the queue', async ({ context }) => {
  test.setTimeout(60_000);
  const pages = [await context.newPage(), await context.newPage(), await context.newPage()];
  const [first, second, third] = pages as [Page, Page, Page];
  await floodDesign(first, '1000000');
  await floodDesign(second, '1000000');
  await floodDesign(third, '200');
  // The floods take both slots first (their requests must reach the host before the third's). Each
  // tab is brought to the front to be used: a background tab's animation frames are throttled, so its
  // "Cancel" would show late, after the flood (which runs out of budget in a second or two) has ended.
  for (const page of [first, second]) {
    await page.bringToFront();
    await page.getByRole('button', { name: /Run/ }).click();
    await expect(page.locator('.sl-runbar').getByRole('button', { name: 'Cancel' })).toBeVisible();
  }
  await third.bringToFront();
  await third.getByRole('button', { name: /Run/ }).click();
  await expect(third.locator('.sl-runbar').getByRole('status')).toHaveText('Waiting for another run… (position 1)');
  await third.screenshot({ path: `${SHOTS}/budget-queued.png` });
  // Its turn comes as soon as a flood ends on the event budget; then it runs and plays.
  await expect(third.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  for (const page of [first, second]) await expect(page.locator('.sl-runbar').getByRole('alert')).toHaveText(BUDGET, { timeout: 30_000 });
});
