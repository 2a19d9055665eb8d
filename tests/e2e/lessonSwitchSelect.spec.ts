/**
 * Between picking another lesson and its arrival the canvas still shows the lesson being left.
 * A node clicked in that moment was selected and its properties opened, and the chosen lesson
 * arriving a moment later emptied the selection and folded the panel back to its rail: the click
 * was lost (CI: instructor.spec clicked the load balancer right after the switch, both lessons
 * have one, and waited 240 s for its fields). The canvas now takes no click while a lesson opens;
 * the click that reaches the node once it is here selects it and opens its properties.
 */
import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { BRIDGE_PATH } from '../../src/shared/bridgeProtocol';
import { APP_PATH, forgetStudentWork, node, pickLanguage, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

test('a node clicked while the chosen lesson opens is selected in that lesson, its properties open', async ({ page }) => {
  test.setTimeout(120_000);
  // Once lesson 1 is open, opening a lesson takes three seconds, as on a busy machine.
  let delayMs = 0;
  await page.routeWebSocket(new RegExp(`${BRIDGE_PATH}`), (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (delayMs > 0 && String(message).includes('"lessons:open"')) setTimeout(() => server.send(message), delayMs);
      else server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await expect(node(page, 'api-3')).toBeVisible();
  delayMs = 3000;
  const interval = page.locator('.sl-properties [data-field="healthCheck.intervalMs"] input');
  // Lesson 1 → 6 in English, back to 1 in Chinese: the load balancer is in both, so it shows throughout.
  for (const [locale, lessonId, onlyThere] of [['en', 'failover', 'db-primary'], ['zh-CN', 'any-instance', 'api-3']] as const) {
    await pickLanguage(page, locale);
    await page.getByRole('combobox', { name: (locale === 'en' ? EN : ZH_CN).lesson.lesson, exact: true }).selectOption(lessonId);
    // What the student sees meanwhile: the lesson being left, and the note that the chosen one is opening.
    await expect(page.getByTestId('lesson-opening')).toHaveCSS('opacity', '1');
    await expect(node(page, 'lb')).toBeVisible();
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await page.screenshot({ path: `test-results/screenshots/lesson-switch-select-opening-${locale}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(WINDOW_SIZES[0]);
    // The student clicks the load balancer they see; the click that reaches it selects it.
    await node(page, 'lb').click();
    await expect(node(page, onlyThere)).toBeVisible();
    await expect(page.getByTestId('lesson-opening')).toHaveCount(0);
    await expect(node(page, 'lb')).toHaveClass(/selected/);
    await expect(interval).toBeVisible();
  }
});
