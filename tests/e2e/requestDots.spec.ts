import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, runLesson3Paused } from './helpers';

test.beforeEach(forgetStudentWork);

const cursorMs = async (page: Page) => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'));

/** The request arrows of the open sequence diagram over `edge`, with the times they reached the callee. */
const arrowsOver = (page: Page, edge: string) =>
  page
    .getByTestId('sequence-diagram')
    .locator(`[data-message="request"][data-edge="${edge}"]`)
    .evaluateAll((as) => as.map((a) => Number(a.getAttribute('data-at-ms'))));

test('lesson 3 after the crash: clicking the request dots on a balancer→instance connection traces the first request over it from the cursor; its traffic label does the same from the keyboard', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await runLesson3Paused(page);
  // Requests are drawn while playing at 1× or slower: the lab plays from 3 s after the lesson's crash (at 12 s).
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('1');
  const timeline = page.getByLabel('Timeline');
  await timeline.fill('15000');
  await expect.poll(() => cursorMs(page)).toBe(15000);
  await page.getByRole('button', { name: 'Play' }).click();

  // The first balancer→instance connection with requests moving on it.
  const dots = page.locator('[data-testid^="dots-lb-api-"]').first();
  await expect(dots).toHaveCount(1, { timeout: 10_000 });
  const edge = (await dots.getAttribute('data-testid'))!.replace(/^dots-/, '');
  await page.screenshot({ path: 'test-results/screenshots/request-dots-1280.png' });
  // The dots move, so the click is dispatched on their group rather than aimed at one point.
  await dots.dispatchEvent('click');
  // The lab paused where the click found it; the trace is of the first request over that connection from there.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible({ timeout: 10_000 });
  // (The cursor shown may be a frame past the moment of the click on a loaded machine: 100 ms of slack.)
  const clickedMs = (await cursorMs(page)) - 100;
  expect(clickedMs + 100).toBeGreaterThanOrEqual(15000);
  const diagram = page.getByTestId('trace-panel').getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible({ timeout: 30_000 });
  const over = await arrowsOver(page, edge);
  expect(over.length).toBeGreaterThan(0);
  expect(over.some((at) => at >= clickedMs)).toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/request-dots-trace-1280.png' });

  // The keyboard's way: the client→balancer traffic label is a button that does the same.
  await page.getByRole('button', { name: 'Close trace' }).click();
  await expect(diagram).toHaveCount(0);
  const label = page.getByTestId('traffic-users-lb');
  await expect(label).toHaveAttribute('title', 'Trace the first request over this connection from the cursor');
  await label.focus();
  await page.keyboard.press('Enter');
  await expect(diagram).toBeVisible({ timeout: 30_000 });
  expect((await arrowsOver(page, 'users-lb')).some((at) => at >= clickedMs)).toBe(true);
  // Every request crosses that connection first: the one traced started at or after the cursor.
  const head = await page.getByTestId('trace-head').textContent({ timeout: 5000 });
  expect(Number(/started ([\d.]+) s/.exec(head ?? '')?.[1]) * 1000).toBeGreaterThanOrEqual(clickedMs);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/request-dots-trace-1440.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(label).toHaveAttribute('title', '追踪从游标时刻起第一个经过此连接的请求');
  await page.screenshot({ path: 'test-results/screenshots/request-dots-trace-1440-zh-CN.png' });
  expect(problems).toEqual([]);
});
