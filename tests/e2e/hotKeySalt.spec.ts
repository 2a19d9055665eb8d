import { expect, test, type Page } from '@playwright/test';
import { dropKind, forgetStudentWork, newDesign, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';

test.beforeEach(forgetStudentWork);

/** A new design with one client, selected, its advanced fields open. */
async function clientForm(page: Page) {
  await newDesign(page);
  await dropKind(page, 'client', 200, 200);
  await page.locator('.react-flow__node').first().click();
  const panel = page.locator('.sl-properties');
  await panel.locator('details.sl-advanced summary').click();
  return panel;
}

test("a client's hot-key salt is an advanced field; who pays shows once the key is split", async ({ page }) => {
  for (const viewport of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
    await page.setViewportSize(viewport);
    await openApp(page);
    const panel = await clientForm(page);
    await expect(panel.locator('[data-field="hotKeySalt"]')).toBeVisible();
    await expect(panel.locator('[data-field="hotKeySaltFanOut"]')).toHaveCount(0);
    await panel.locator('[data-field="hotKeySalt"] input').fill('4');
    await expect(panel.locator('[data-field="hotKeySaltFanOut"]')).toBeVisible();
    await panel.locator('[data-field="hotKeySaltFanOut"]').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/client-salt-${viewport.width}.png` });
  }
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const panel = page.locator('.sl-properties');
  await expect(panel.locator('[data-field="hotKeySalt"]')).toContainText('热点键加盐');
  await expect(panel.locator('[data-field="hotKeySaltFanOut"]')).toContainText('加盐的扇出');
  await page.screenshot({ path: `${SHOTS}/zh-CN-client-salt-1440.png` });
});
