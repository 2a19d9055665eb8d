import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { buildTier, node, openApp, saveAs } from './helpers';

/** Collects console errors and warnings (a CSP violation is one) and page errors. */
function watchProblems(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  return problems;
}

const seek = async (page: Page, ms: number) => {
  await page.getByLabel('Timeline').fill(String(ms));
  await expect(page.getByTestId('cursor-time')).toHaveText(new RegExp(`^${(ms / 1000).toFixed(1)} s`));
};
const percent = async (page: Page, testId: string) => Number((await page.getByTestId(testId).textContent())!.replace(/[^0-9.]/g, ''));

test('a run plays, a crash injected at the cursor shows the instance down, errors rise until detection then fall, and scrubbing back shows it healthy', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await page.getByRole('button', { name: /Run/ }).click();
  // The run plays from the start: the cursor moves and the canvas shows live state.
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'up');
  await expect.poll(async () => (await page.getByTestId('cursor-time').textContent())!.startsWith('0.0 s')).toBe(false);
  await page.getByRole('button', { name: 'Pause' }).click();

  await seek(page, 4000);
  await node(page, 'api-1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('4.0 s · Crash API 1');
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');
  await expect(page.getByTestId('live-api-2')).toHaveAttribute('data-health', 'up');
  await expect(page.getByTestId('cursor-time')).toHaveText(/^4\.0 s/);

  // Before health checks notice, a third of the requests fail; after, none do.
  await seek(page, 6000);
  expect(await percent(page, 'chart-errorRate')).toBeGreaterThan(10);
  // The detection comes later: the log does not list it before the cursor gets there.
  const detection = page.getByRole('region', { name: 'Event log' }).locator('[data-kind="failure-detected"]', { hasText: 'API 1' });
  await expect(detection).toHaveCount(0);
  await seek(page, 25_000);
  expect(await percent(page, 'chart-errorRate')).toBe(0);
  await expect(detection).toHaveCount(1);
  await detection.getByRole('button').click();
  const detectedAtS = Number((await page.getByTestId('cursor-time').textContent())!.split(' ')[0]);
  expect(detectedAtS).toBeGreaterThan(6);
  await seek(page, 25_000);
  await page.screenshot({ path: 'test-results/screenshots/labbench-crash.png', fullPage: true });

  // Scrubbing back before the crash: the instance is healthy again.
  await seek(page, 2000);
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'up');

  // The same seed and faults give the same run: the same hash and the same chart values.
  const hash = await page.getByTestId('trace-hash').textContent();
  const readings: string[] = [];
  for (const ms of [6000, 12_000]) {
    await seek(page, ms);
    readings.push(`${await page.getByTestId('chart-errorRate').textContent()} ${await page.getByTestId('chart-throughput').textContent()}`);
  }
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
  await expect(page.getByTestId('trace-hash')).toHaveText(hash!);
  for (const [i, ms] of [6000, 12_000].entries()) {
    await seek(page, ms);
    expect(`${await page.getByTestId('chart-errorRate').textContent()} ${await page.getByTestId('chart-throughput').textContent()}`).toBe(readings[i]);
  }

  // Removing the injected crash re-simulates without it.
  await page.getByRole('button', { name: 'Remove 4.0 s · Crash API 1' }).click();
  await expect(page.getByTestId('trace-hash')).not.toHaveText(hash!);
  await seek(page, 6000);
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'up');
  expect(problems, problems.join('\n')).toEqual([]);
});

const setSessions = async (page: Page, where: 'local-memory' | 'session-store') => {
  for (const s of ['service-1', 'service-2', 'service-3']) {
    await node(page, s).click();
    await page.locator('.sl-properties [data-field="sessions"] select').selectOption(where);
  }
};
const runAndPause = async (page: Page) => {
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();
};

test('sticky routing with in-memory sessions loses sessions on a crash, on the canvas and in the log; a session store loses none; compare shows both', async ({ page }) => {
  const problems = watchProblems(page);
  await openApp(page);
  await buildTier(page);
  await setSessions(page, 'local-memory');
  await saveAs(page, 'memory-sessions');

  await runAndPause(page);
  await seek(page, 5000);
  await node(page, 'service-1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('5.0 s · Crash Service 1');
  await seek(page, 6000);
  await expect(page.getByTestId('sessions-lost-service-1')).toHaveText(/^[1-9]\d* sessions lost$/);
  await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-kind="session-lost"]').first()).toBeVisible();
  await expect(page.getByTestId('metric-sessionsLost')).not.toHaveText('0');
  await page.screenshot({ path: 'test-results/screenshots/labbench-sessions-lost.png', fullPage: true });

  await setSessions(page, 'session-store');
  await runAndPause(page);
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('5.0 s · Crash Service 1');
  await seek(page, 6000);
  await expect(page.getByTestId('live-service-1')).toHaveAttribute('data-health', 'down');
  await expect(page.getByTestId('metric-sessionsLost')).toHaveText('0');
  await expect(page.getByTestId('sessions-lost-service-1')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-kind="session-lost"]')).toHaveCount(0);

  // Compare against the saved in-memory variant, same seed and faults: the store wins on sessions lost.
  await page.getByRole('button', { name: 'Compare…' }).click();
  await page.getByLabel('Variant').selectOption('memory-sessions');
  await page.getByRole('dialog').getByRole('button', { name: 'Compare', exact: true }).click();
  const row = page.locator('.sl-compare-table tr[data-metric="sessionsLost"] td');
  await expect(row.nth(1)).toHaveText('0');
  await expect(row.nth(1)).toHaveClass(/is-better/);
  await expect(row.nth(2)).not.toHaveText('0');
  // Metrics equal in both are folded away until asked for (both served every request: Requests is one).
  const dialog = page.getByRole('dialog');
  await expect(dialog.locator('tr[data-metric="requests"]')).toHaveCount(0);
  await dialog.getByLabel(/Only the metrics that differ \(\d+ the same, hidden\)/).uncheck();
  await expect(dialog.locator('tr[data-metric="requests"]')).toHaveCount(1);
  // The picture: one metric of both designs over time; a metric's name in the table charts it.
  const chart = page.getByTestId('compare-chart');
  await expect(chart).toContainText('This design');
  await expect(chart).toContainText('memory-sessions');
  await row.nth(0).getByRole('button').click();
  await expect(chart).toHaveAttribute('data-metric', 'sessionsLost');
  await expect(chart.locator('.sl-chart-title')).toHaveText('Session losses');
  // Read at 5.5 s, just after the crash: none lost with the store, some in the in-memory variant.
  const plot = chart.locator('.u-over');
  const box = (await plot.boundingBox())!;
  await page.screenshot({ path: 'test-results/screenshots/labbench-compare-chart.png' });
  await plot.hover({ position: { x: box.width * (5.5 / 30), y: box.height / 2 } });
  await expect(chart.getByTestId('chart-hover-compare-sessionsLost')).toHaveText(/^5 s · This design 0 · memory-sessions [1-9]\d*$/);
  await plot.hover({ position: { x: box.width * (2.5 / 30), y: box.height / 2 } });
  await expect(chart.getByTestId('chart-hover-compare-sessionsLost')).toHaveText(/^2 s · This design 0 · memory-sessions 0$/);
  await dialog.getByLabel(/Only the metrics that differ/).check();
  await page.screenshot({ path: 'test-results/screenshots/labbench-compare.png', fullPage: true });
  expect(problems, problems.join('\n')).toEqual([]);
});

test('compare in a lesson offers only that lesson\'s designs and says which faults both runs had', async ({ page }) => {
  // A free design saved earlier, outside the lesson: nothing to compare lesson 1 with.
  mkdirSync(path.join(E2E_DATA_DIR, 'designs'), { recursive: true });
  const free = { format: 'statelab.graph', version: 1, nodes: [{ id: 'client-1', kind: 'client', label: 'Clients', position: { x: 0, y: 0 }, props: {} }], edges: [] };
  writeFileSync(path.join(E2E_DATA_DIR, 'designs', 'a free design.statelab.json'), JSON.stringify(free));
  await openApp(page);
  await node(page, 'lb').click();
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('least-connections');
  await saveAs(page, 'lesson one variant');

  await page.getByRole('button', { name: 'Compare…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Compare with a saved design' });
  const options = dialog.getByLabel('Variant').locator('option');
  await expect(options).toContainText(['lesson one variant']);
  expect(await options.allTextContents()).not.toContain('a free design');
  await expect(dialog.getByTestId('compare-hidden')).toContainText('from outside this lesson not shown');
  await dialog.getByLabel('Variant').selectOption('lesson one variant');
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.locator('.sl-compare-table')).toBeVisible({ timeout: 30_000 });
  await expect(dialog).toContainText('Both ran with seed');
  await expect(dialog).toContainText('this fault: 10.0 s · Crash API 2');
  await page.screenshot({ path: 'test-results/screenshots/compare-in-lesson.png' });
});
