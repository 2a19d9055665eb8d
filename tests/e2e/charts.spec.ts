/**
 * Readable charts (issue 14 item 2): tall plots with round, labelled y ticks, a hover read-out, a
 * metric picker over the whole catalogue, a summary that says it covers the whole run, an event log
 * that does not give the run away, "Next logged event"; and two leftovers of item 7 (a student's
 * design clears the lesson's old grade, "Back to lesson" after New).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { writeClassSubmissions } from '../support/classSubmissions';
import { answerPredictions, newDesign, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';

async function runAndPause(page: Page): Promise<void> {
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run/ }).click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  await pause.click();
}
const seek = async (page: Page, ms: number) => {
  await page.getByLabel('Timeline').fill(String(ms));
  await expect(page.getByTestId('cursor-time')).toHaveText(new RegExp(`^${(ms / 1000).toFixed(1)} s`));
};
const cursorS = async (page: Page) => Number((await page.getByTestId('cursor-time').textContent())!.split(' ')[0]);
const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

for (const size of [{ width: 1280, height: 720 }, { width: 1440, height: 900 }]) {
  test(`at ${size.width}x${size.height} the charts are tall, with round y ticks in units, and hovering reads the value at that time`, async ({ page }) => {
    await page.setViewportSize(size);
    await openApp(page);
    await runAndPause(page);
    await seek(page, 30_000);
    const plot = chart(page, 'throughput').locator('.sl-chart-plot');
    const box = (await plot.boundingBox())!;
    // The chart (axes included) is at least 120 px tall, its plotting area at least 90 px, and all of
    // it on screen, not hidden in a scroll box.
    const drawn = (await plot.locator('.uplot').boundingBox())!;
    expect(drawn.height).toBeGreaterThanOrEqual(120);
    expect((await plot.locator('.u-over').boundingBox())!.height).toBeGreaterThanOrEqual(90);
    await page.screenshot({ path: `${SHOTS}/charts-${size.width}x${size.height}.png` });
    expect(drawn.y + drawn.height).toBeLessThanOrEqual(size.height);

    const ticks = (await plot.getAttribute('data-y-ticks'))!.split(' | ');
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(ticks[0]).toBe('0/s');
    for (const t of ticks) expect(t).toMatch(/^\d+\/s$/);
    const errorTicks = (await chart(page, 'errorRate').locator('.sl-chart-plot').getAttribute('data-y-ticks'))!.split(' | ');
    expect(errorTicks.length).toBeGreaterThanOrEqual(3);
    for (const t of errorTicks) expect(t).toMatch(/\d ?%$/);
    await expect(chart(page, 'latency').locator('.sl-chart-unit')).toHaveText('(milliseconds)');
    await expect(page.getByTestId('summary-scope')).toHaveText('Whole run');
    // The head says the charts' captions are at the cursor, beside its whole-run numbers.
    await expect(page.locator('.sl-labbench-head')).toContainText('Chart values at the cursor');

    // Hover at a third of the plot: the read-out names a time and the value there, which the
    // caption (values at the cursor) shows too once the cursor stands at that time.
    const hover = page.getByTestId('chart-hover-throughput');
    await expect(hover).toBeHidden();
    await plot.hover({ position: { x: box.width / 3, y: box.height / 2 } });
    await expect(hover).toBeVisible();
    const [atText, valueText] = (await hover.textContent())!.split(' · ');
    const atS = Number(atText!.replace(' s', ''));
    expect(atS).toBeGreaterThan(0);
    expect(atS).toBeLessThan(20);
    await page.screenshot({ path: `${SHOTS}/charts-hover-${size.width}x${size.height}.png` });
    // The y axis reaches above every value drawn: the line is not clipped at the top.
    const top = Number(ticks.at(-1)!.replace('/s', ''));
    for (let x = 0.25; x < 0.95; x += 0.08) {
      await plot.hover({ position: { x: box.width * x, y: box.height / 2 } });
      await expect(hover, `hover at ${x}`).toBeVisible();
      expect(Number((await hover.textContent())!.split(' · ')[1]!.replace('/s', ''))).toBeLessThanOrEqual(top);
    }
    await page.mouse.move(5, 5);
    await expect(hover).toBeHidden();
    await seek(page, atS * 1000);
    await expect(page.getByTestId('chart-throughput')).toHaveText(valueText!);
    // Before the cursor reaches a time, hovering there shows nothing: the run is not given away.
    await seek(page, 1000);
    await plot.hover({ position: { x: (box.width * 2) / 3, y: box.height / 2 } });
    await expect(hover).toBeHidden();
  });
}

test('lesson 9 (split brain) starts with a chart of conflicting writes, which its steps tell the student to read; removed, the picker offers it again', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('split-brain');
  await expect(page.locator('.react-flow__node[data-id="own-1"]')).toBeVisible();
  await runAndPause(page);
  // The lesson grades conflicting writes: their chart is there without a pick.
  const conflicts = chart(page, 'metric-conflictingWrites');
  await expect(conflicts).toBeVisible();
  await expect(conflicts.locator('.sl-chart-title')).toHaveText('Conflicting writes');
  const picker = page.getByRole('combobox', { name: 'Add a chart' });
  await expect(picker.locator('option', { hasText: 'Conflicting writes' })).toHaveCount(0);
  // The stale owner's writes conflict after its GC pause: some second of the run counts some.
  const counts: number[] = [];
  for (let ms = 0; ms < 20_000; ms += 1000) {
    await seek(page, ms);
    counts.push(Number(await page.getByTestId('chart-metric-conflictingWrites').textContent()));
  }
  expect(Math.max(...counts)).toBeGreaterThan(0);
  expect(counts.slice(0, 8).every((c) => c === 0)).toBe(true);
  await conflicts.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/charts-picked-1280x720.png` });
  // Removed, it is offered again; picked, it is back.
  await page.getByRole('button', { name: 'Remove chart Conflicting writes' }).click();
  await expect(conflicts).toHaveCount(0);
  await expect(picker.locator('option', { hasText: 'Conflicting writes' })).toHaveCount(1);
  await picker.selectOption({ label: 'Conflicting writes' });
  await expect(conflicts).toBeVisible();
  // Another lesson starts with its own charts: lesson 8 (locality) charts remote calls per request, not conflicting writes.
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('locality');
  await expect(page.locator('.react-flow__node[data-id="api-1"]')).toBeVisible();
  await runAndPause(page);
  await expect(chart(page, 'metric-remoteCallsPerRequest').locator('.sl-chart-title')).toHaveText('Remote calls per request');
  await expect(conflicts).toHaveCount(0);
});

test('the event log lists nothing after the cursor, and "Next logged event" jumps from one logged event to the next', async ({ page }) => {
  await openApp(page);
  // A crash at 4 s gives the log a failure and its detection.
  await runAndPause(page);
  await page.getByRole('button', { name: 'To start' }).click();
  const log = page.getByRole('region', { name: 'Event log' });
  const listedTimes = async () => (await log.locator('li .sl-mono').allTextContents()).map((t) => Number(t.replace(' s', '')));
  await seek(page, 4000);
  await page.locator('.react-flow__node[data-id="api-1"]').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('4.0 s · Crash API 1');
  // The crash re-simulates the whole run in the host: seconds on a loaded machine, not Playwright's default 5.
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down', { timeout: 30_000 });
  await page.getByRole('button', { name: 'To start' }).click();
  await expect(log.locator('li')).toHaveCount(0);
  await expect(page.getByTestId('events-later')).toContainText('more logged events later in the run');

  const next = page.getByRole('button', { name: 'Next logged event' });
  let previous = 0;
  for (let i = 0; i < 3; i++) {
    await next.click();
    await expect.poll(() => cursorS(page)).toBeGreaterThan(previous);
    const at = await cursorS(page);
    const times = await listedTimes();
    // The log ends at the cursor: its last entry is where the cursor jumped, nothing is later.
    expect(times.at(-1)!.toFixed(1)).toBe(at.toFixed(1));
    expect(times.every((t) => t <= at + 0.005)).toBe(true);
    previous = at;
  }
  await expect(log.locator('[data-kind="failure-detected"]', { hasText: 'API 1' })).toHaveCount(1);
  // Step still walks raw simulator events: it moves far less than a logged event away.
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  // Step asks the host, which re-simulates up to the cursor (12 s of the run) when nothing was fetched ahead yet.
  await expect(page.getByTestId('step-readout')).toHaveAttribute('data-state', 'event', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/charts-eventlog-1400x900.png` });
});

test('after New, the header offers the way back to the lesson', async ({ page }) => {
  await openApp(page);
  const back = page.getByRole('button', { name: /^Back to lesson / });
  await expect(back).toHaveCount(0);
  const title = (await page.locator('.sl-header .sl-lesson-title').textContent())!;
  await newDesign(page);
  await expect(back).toHaveText(`Back to lesson ${title}`);
  await back.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(back).toHaveCount(0);
});

test("opening a student's design clears the lesson's old grade", async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-charts-e2e-'));
  await writeClassSubmissions(dir, 10);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: 'Class results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Class results' });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toHaveText(/^10 submissions/, { timeout: 60_000 });
  await dialog.locator('tr[data-file="class/student-10.json"] button').click();
  const open = dialog.getByTestId('class-detail').getByRole('button', { name: /Open design/ });
  await expect(open).toBeEnabled({ timeout: 30_000 });
  await open.click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node[data-id="sessions"]')).toBeVisible();
  await expect(page.getByTestId('grade-score')).toHaveCount(0);
});
