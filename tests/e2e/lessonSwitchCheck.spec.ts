/**
 * The lesson picker shows the chosen lesson at once, while the panel and the canvas still show the
 * one being left until the chosen one has loaded. "Check my work" pressed in that moment graded the
 * lesson being left, and the chosen one showed no results (seen in CI on a loaded machine): Check
 * now waits, disabled, until the chosen lesson is open, and then grades it.
 */
import { expect, test } from '@playwright/test';
import { BRIDGE_PATH } from '../../src/shared/bridgeProtocol';
import { APP_PATH, forgetStudentWork } from './helpers';

test.beforeEach(forgetStudentWork);

test('Check pressed right after choosing another lesson grades the chosen lesson once it has loaded', async ({ page }) => {
  test.setTimeout(120_000);
  // Opening lesson 2 takes two seconds, as on a busy machine: its call waits before it reaches the host.
  await page.routeWebSocket(new RegExp(`${BRIDGE_PATH}`), (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (text.includes('"lessons:open"') && text.includes('"remote-state"')) setTimeout(() => server.send(message), 2000);
      else server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 1');
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('remote-state');
  const check = page.getByRole('button', { name: 'Check my work' });
  // While lesson 2 loads, Check waits.
  await expect(check).toBeDisabled();
  await check.click();
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 2');
  // Lesson 2's own checks are graded (lesson 1 has no "p99-target").
  await expect(page.locator('.sl-check[data-check="p99-target"]')).toBeVisible({ timeout: 90_000 });
  await expect(page.getByTestId('grade-score')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lesson-switch-check-1280x720.png' });
});
