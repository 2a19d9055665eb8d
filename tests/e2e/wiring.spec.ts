import { expect, test } from '@playwright/test';
import { connect, dropKind, newDesign, node, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';

test('a service keeping sessions in a session store that is not connected shows a badge and says why; connecting a store clears it', async ({ page }) => {
  await openApp(page);
  await newDesign(page);
  await dropKind(page, 'client', 120, 260);
  await dropKind(page, 'service', 420, 260);
  await connect(page, 'client-1', 'service-1');
  const badge = node(page, 'service-1').getByTestId('wiring-badge');
  await expect(badge).toHaveCount(0);

  await node(page, 'service-1').click();
  await page.locator('.sl-properties [data-field="sessions"] select').selectOption('session-store');
  await expect(badge).toBeVisible();
  await expect(badge).toHaveAttribute('title', /no session store is connected/);
  const lines = page.getByTestId('wiring-issues');
  await expect(lines).toContainText('Sessions are kept in a session store, but no session store is connected');
  await expect(node(page, 'client-1').getByTestId('wiring-badge')).toHaveCount(0);
  for (const [width, height] of [
    [1280, 720],
    [1440, 900],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/wiring-badge-${width}x${height}.png` });
  }

  await dropKind(page, 'session-store', 700, 260);
  await connect(page, 'service-1', 'session-store-1');
  await expect(page.locator('.react-flow__edge')).toHaveCount(2);
  await expect(badge).toHaveCount(0);
  await node(page, 'service-1').click();
  await expect(lines).toHaveCount(0);
});
