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
    // What the student sees meanwhile: the lesson being left, and the note that the chosen one is opening,
    // named there and in the picker at once.
    await expect(page.getByTestId('lesson-opening')).toHaveCSS('opacity', '1');
    await expect(page.getByTestId('lesson-opening')).toHaveText(
      locale === 'en' ? 'Opening lesson 8: Failover: when the owner dies… Your design can be edited once it is here.' : '正在打开第 1 课：任意请求，任意实例…打开后即可编辑设计。',
    );
    await expect(page.getByRole('combobox', { name: (locale === 'en' ? EN : ZH_CN).lesson.lesson, exact: true })).toHaveValue(lessonId);
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

test('a lesson that fails to open leaves the picker on the lesson shown', async ({ page }) => {
  test.setTimeout(60_000);
  // Lesson 2 is asked for under an id the host does not know, 1.5 s late: it fails to open.
  let isBroken = false;
  await page.routeWebSocket(new RegExp(`${BRIDGE_PATH}`), (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      const text = String(message);
      if (isBroken && text.includes('"lessons:open"')) setTimeout(() => server.send(text.replace('"remote-state"', '"no-such-lesson"')), 1500);
      else server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await expect(node(page, 'api-3')).toBeVisible();
  isBroken = true;
  const picker = page.getByRole('combobox', { name: EN.lesson.lesson, exact: true });
  await picker.selectOption('remote-state');
  await expect(picker).toHaveValue('remote-state');
  await expect(page.getByTestId('lesson-opening')).toContainText('Opening lesson 2: Stateless is not free…');
  // It fails: the error says so, and the picker names lesson 1 again, whose design is still on the canvas.
  await expect(page.locator('.sl-load-error')).toBeVisible();
  await expect(page.getByTestId('lesson-opening')).toHaveCount(0);
  await expect(picker).toHaveValue('any-instance');
  await expect(node(page, 'api-3')).toBeVisible();
});
