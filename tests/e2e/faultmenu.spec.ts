import { expect, test } from '@playwright/test';
import { node, openApp, WINDOW_SIZES } from './helpers';

// The right-click menu is built from the fault table (src/shared/faults.ts): each item is an
// action whose target kinds fit the node, labelled and described by the table.
// One run for both window sizes (it was one test per size, the same run twice): the menus are
// opened and checked at each size.
test(`the fault menu offers the table's actions for the node's kind, described on hover (1280x720 and 1440x900)`, async ({ page }) => {
  await page.setViewportSize(WINDOW_SIZES[0]);
  await openApp(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await node(page, 'db').click({ button: 'right' });
    const menu = page.getByRole('menu', { name: 'Inject a fault' });
    await expect(menu.getByRole('menuitem', { name: 'Promote to leader' })).toHaveAttribute('title', /follower the leader/);
    await expect(menu.getByRole('menuitem', { name: 'Flush the cache' })).toHaveCount(0);
    await expect(menu.getByRole('menuitem', { name: 'Crash' })).toHaveAttribute('title', /in-memory state is gone/);
    await page.screenshot({ path: `test-results/screenshots/fault-menu-${size.width}x${size.height}.png` });
    await page.keyboard.press('Escape');

    await node(page, 'api-1').click({ button: 'right' });
    await expect(menu.getByRole('menuitem', { name: 'Scale out (+1 instance)' })).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: 'Promote to leader' })).toHaveCount(0);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  }
});
