import { expect, test, type Locator, type Page } from '@playwright/test';
import { APP_PATH, answerPredictions, forgetStudentWork, node, WINDOW_SIZES } from './helpers';

// Long-lived connections in the lab (issue 13): lesson 18 shows each server's open connections
// and the crash dropping one server's; lesson 11 shows the requests each owner receives and the
// replication lag of each replica, the views its steps ask for.
test.beforeEach(forgetStudentWork);

async function runTo(page: Page, lesson: string, atMs: number): Promise<void> {
  await page.getByRole('combobox', { name: /^(Lesson|课程)$/ }).selectOption(lesson);
  // Lesson 18 asks for a prediction before Run is enabled (shown once the lesson has loaded).
  if (lesson === 'connections') await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await answerPredictions(page);
  await page.getByRole('button', { name: /(Run|运行)$/ }).click();
  const pause = page.getByRole('button', { name: /^(Pause|暂停)$/ });
  await expect(pause).toBeVisible({ timeout: 60_000 });
  await pause.click();
  await page.getByLabel(/^(Timeline|时间轴)$/).fill(String(atMs));
}

/** Screenshots `<name>-<size>.png` at each window size with the chart scrolled into view, then goes back to the first size. */
async function shootChartAtEachSize(page: Page, chart: Locator, name: string): Promise<void> {
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await chart.scrollIntoViewIfNeeded();
    await expect(chart).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/${name}-${size.width}x${size.height}.png` });
  }
  await page.setViewportSize(WINDOW_SIZES[0]);
}

// One run for both window sizes (it was one test per size, the same run twice): the chart is seen
// and shot at each size before and after the crash.
test(`lesson 18 charts each server's open connections and the crash dropping one server's (1280x720 and 1440x900)`, async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await page.goto(APP_PATH);
  await runTo(page, 'connections', 5000);
  await expect(node(page, 'ws-2')).toBeVisible();
  const chart = page.locator('[data-chart="connections"]');
  await chart.scrollIntoViewIfNeeded();
  // Before the crash at 6 s, each of the three servers holds about a third of the 3000 users.
  for (const i of [0, 1, 2]) {
    const value = Number((await chart.locator(`[data-series="${i}"]`).textContent())!.replace(/^WebSocket server \d\s*/, '').replace(/[^0-9.]/g, ''));
    expect(value).toBeGreaterThan(900);
  }
  await shootChartAtEachSize(page, chart, 'connections-before');
  await page.getByLabel('Timeline').fill('6500');
  await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-kind="connections-dropped"]')).toContainText(/WebSocket server 2 stopped: its \d+ open connections dropped/);
  await expect(chart.locator('[data-series="1"]')).toContainText(/WebSocket server 2\s*0\b/);
  await shootChartAtEachSize(page, chart, 'connections-storm');
});

test('lesson 11 charts requests per owner and lag per replica, in Chinese too', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await runTo(page, 'observability', 12_000);
  const requests = page.locator('[data-chart="requestsPerNode"]');
  await requests.scrollIntoViewIfNeeded();
  await expect(requests.locator('.sl-chart-value')).toHaveText([/Owner 1/, /Owner 2/, /Owner 3/]);
  const lag = page.locator('[data-chart="replicationLag"]');
  await expect(lag.locator('.sl-chart-value')).toHaveText([/Replica 1/, /Replica 2/]);
  await page.screenshot({ path: 'test-results/screenshots/observability-per-node-1280x720.png' });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(requests.locator('.sl-chart-title')).toHaveText('各节点收到的请求');
  await page.setViewportSize({ width: 1440, height: 900 });
  await requests.scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/observability-per-node-zh-CN-1440x900.png' });
});
