import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { forgetStudentWork, openApp, runLesson3Paused } from './helpers';

test.beforeEach(forgetStudentWork);

const cursorMs = async (page: Page) => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'));

/** Lesson 3's starter, run and paused, with the request trace panel open. */
async function lesson3Traced(page: Page): Promise<void> {
  await runLesson3Paused(page);
  const show = page.getByRole('button', { name: 'Show charts' });
  if (await show.isVisible()) await show.click();
  await page.getByTestId('trace-button').click();
}

test('lesson 3 after the crash: the first failed request shows why the session was lost on the instance lane; an arrow highlights its connection and seeks; the SVG export has one arrow per message', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await lesson3Traced(page);
  const panel = page.getByTestId('trace-panel');
  // The lesson's crash is the first choice of "After".
  await expect(panel.getByRole('combobox', { name: 'After' })).toHaveValue('0');
  await panel.getByRole('button', { name: 'First failed request' }).click();
  const diagram = panel.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible({ timeout: 30_000 });

  // The session-lost reason is written on an instance's lane.
  const loss = diagram.locator('[data-mark="sessionLost"]');
  await expect(loss).toHaveCount(1);
  await expect(loss).toHaveText(/^Session lost:\s*(its holder API \d crashed at|routed away from its holder API \d at) /);
  await expect(diagram.getByTestId('trace-outcome')).toHaveText(/^Failed: session lost/);
  const lossX = Number(await loss.getAttribute('x', { timeout: 5000 })) - 9;
  const laneX = await diagram.locator('[data-lane^="api-"] line').evaluateAll((ls) => ls.map((l) => Number(l.getAttribute('x1'))));
  expect(laneX).toContain(lossX);
  const head = await panel.getByTestId('trace-head').textContent({ timeout: 5000 });
  const startedS = Number(/started ([\d.]+) s/.exec(head ?? '')?.[1]);
  expect(startedS).toBeGreaterThan(11.5);

  // Hovering an arrow highlights its connection on the canvas; clicking it moves the lab there.
  const arrow = diagram.locator('[data-message="request"]').nth(1);
  const edge = await arrow.getAttribute('data-edge', { timeout: 5000 });
  await arrow.hover({ timeout: 10_000 });
  await expect(page.locator(`[data-testid="rf__edge-${edge}"] .react-flow__edge-path.is-traced`)).toHaveCount(1, { timeout: 5000 });
  await page.screenshot({ path: 'test-results/screenshots/request-trace-1280.png' });
  const atMs = Number(await arrow.getAttribute('data-at-ms', { timeout: 5000 }));
  await arrow.click({ timeout: 10_000 });
  await expect.poll(() => cursorMs(page)).toBeCloseTo(atMs, 3);

  // Export SVG: one arrow per message — every hop's request once, and at most one answer.
  const hops = await diagram.locator('[data-message="request"]').evaluateAll((as) => as.map((a) => a.getAttribute('data-hop')));
  const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Export SVG' }).click({ timeout: 10_000 })]);
  expect(download.suggestedFilename()).toMatch(/^request-users-\d+\.svg$/);
  const svg = readFileSync((await download.path())!, 'utf8');
  const requests = [...svg.matchAll(/data-message="request" data-hop="(\d+)"/g)].map((m) => m[1]);
  const answers = [...svg.matchAll(/data-message="response" data-hop="(\d+)"/g)].map((m) => m[1]);
  expect(requests).toEqual(hops);
  expect(new Set(requests).size).toBe(requests.length);
  expect(new Set(answers).size).toBe(answers.length);
  expect(answers.every((h) => requests.includes(h))).toBe(true);
  expect(svg).toContain('Session lost');

  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/request-trace-1440.png' });
  expect(problems).toEqual([]);
});

test("a user's journey in zh-CN: the session's holder and its loss, and two requests compared in a wide dialog with aligned lanes (axe)", async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await lesson3Traced(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zh = ZH_CN.lab.requestTrace;
  const panel = page.getByTestId('trace-panel');
  await panel.getByRole('spinbutton', { name: zh.user }).fill('7');
  await panel.getByRole('button', { name: zh.journey }).click();
  const journey = panel.getByTestId('journey');
  await expect(journey).toBeVisible({ timeout: 30_000 });
  // Round-robin over sessions in memory: the user's session is lost to requests routed elsewhere.
  await expect(journey.getByTestId('journey-losses').locator('li').first()).toHaveText(/^会话丢失：/);
  const boxes = journey.getByRole('checkbox');
  await boxes.nth(0).check();
  await boxes.nth(3).check();
  await journey.getByRole('button', { name: zh.compareTwo }).click();
  await expect(panel.getByTestId('trace-compare').getByTestId('sequence-diagram')).toHaveCount(2, { timeout: 30_000 });
  // Stacked with the same lanes: each node's lane at the same x in both.
  const lanesOf = (i: number) => panel.getByTestId('trace-compare').getByTestId('sequence-diagram').nth(i).locator('[data-lane]').evaluateAll((gs) => gs.map((g) => `${g.getAttribute('data-lane')}@${g.querySelector('line')?.getAttribute('x1')}`));
  const [first, second] = [await lanesOf(0), await lanesOf(1)];
  expect(first.length).toBeGreaterThanOrEqual(3);
  expect(second).toEqual(first);
  await page.screenshot({ path: 'test-results/screenshots/request-trace-compare-zh.png' });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: 'test-results/screenshots/request-trace-compare-zh-1440.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  const axe = await new AxeBuilder({ page }).include('[role="dialog"]').analyze();
  expect(axe.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The comparison opens wide, over the lab; Escape goes back to the journey.
  await expect(page.getByRole('dialog', { name: zh.compareTitle })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: zh.compareTitle })).toHaveCount(0);
  await journey.getByRole('button', { name: zh.show }).nth(1).click();
  await expect(panel.getByTestId('sequence-diagram')).toHaveCount(1, { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/request-trace-zh.png' });
});

test('a failed check offers "Show a failing request": the lab goes to the first violation and traces the first request failing after it; the panel passes axe', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');
  // Lesson 3 has loaded once its predictions show: Check grades it, not the lesson before.
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await page.getByRole('button', { name: 'Check my work' }).click();
  const show = page.locator('.sl-check.is-failed').getByRole('button', { name: 'Show a failing request' }).first();
  await expect(show).toBeVisible({ timeout: 60_000 });
  const showMe = page.locator('.sl-check.is-failed').getByRole('button', { name: /Show me/ }).first();
  const atS = Number((await showMe.textContent())!.match(/\(([\d.]+) s\)/)![1]);
  await show.click();
  const panel = page.getByTestId('trace-panel');
  const diagram = panel.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.sl-timeline-time')).toHaveText(new RegExp(`^${atS.toFixed(1).replace('.', '\\.')} s /`));
  await expect(diagram.getByTestId('trace-outcome')).toHaveText(/^Failed: /);
  await page.screenshot({ path: 'test-results/screenshots/request-trace-show-me.png' });
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="trace-panel"]').analyze();
  const serious = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(serious.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('lesson 3: a click on the error chart after the crash traces the first request failing at or after that moment', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(e.message));
  await page.setViewportSize({ width: 1280, height: 720 });
  await runLesson3Paused(page);
  const show = page.getByRole('button', { name: 'Show charts' });
  if (await show.isVisible()) await show.click();
  // The whole run revealed; the crash is the lesson's first fault marker.
  const timeline = page.getByLabel('Timeline');
  const endMs = Number(await timeline.getAttribute('max'));
  await timeline.fill(String(endMs));
  await expect.poll(() => cursorMs(page)).toBe(endMs);
  const crashMs = (parseFloat((await page.locator('.sl-fault-marker').first().getAttribute('style'))!.replace(/^.*left:\s*/, '')) / 100) * endMs;
  expect(crashMs).toBeGreaterThan(0);

  // Click the error chart 2.5 s after the crash, mid-bucket (the x scale runs from 0 to the run's end).
  const clickMs = crashMs + 2500;
  const over = page.locator('[data-chart="errorRate"] .u-over');
  await over.scrollIntoViewIfNeeded();
  const box = (await over.boundingBox())!;
  await over.click({ position: { x: (clickMs / endMs) * box.width, y: box.height / 2 } });
  const panel = page.getByTestId('trace-panel');
  const diagram = panel.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible({ timeout: 30_000 });
  await expect(diagram.getByTestId('trace-outcome')).toHaveText(/^Failed: /);
  // The lab went to the start of the clicked bucket, and the request failed there or later, after the crash.
  const pickedMs = await cursorMs(page);
  expect(pickedMs).toBeGreaterThan(crashMs + 1000);
  expect(pickedMs).toBeLessThanOrEqual(clickMs);
  await expect(panel.getByRole('combobox', { name: 'After' })).toHaveValue('cursor');
  const head = await panel.getByTestId('trace-head').textContent({ timeout: 5000 });
  const startedMs = Number(/started ([\d.]+) s/.exec(head ?? '')?.[1]) * 1000;
  const outcome = await diagram.getByTestId('trace-outcome').textContent({ timeout: 5000 });
  const tookMs = Number(/after ([\d.]+) ms/.exec(outcome ?? '')?.[1]);
  expect(startedMs + tookMs).toBeGreaterThanOrEqual(pickedMs - 0.1);
  await page.screenshot({ path: 'test-results/screenshots/request-trace-from-chart.png' });
  expect(problems).toEqual([]);
});
