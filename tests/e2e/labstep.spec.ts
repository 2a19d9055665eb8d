import { expect, test, type Page } from '@playwright/test';
import { node, openApp } from './helpers';

const cursorMs = async (page: Page) => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'));

/** Presses Step (button or "."), waits for the cursor to move, and returns where it went and what the readout says. */
async function step(page: Page, how: 'button' | 'key'): Promise<{ ms: number; readout: string }> {
  const before = await cursorMs(page);
  if (how === 'button') await page.getByRole('button', { name: 'Step', exact: true }).click();
  else await page.keyboard.press('.');
  await expect.poll(() => cursorMs(page)).toBeGreaterThan(before);
  const readout = page.getByTestId('step-readout');
  await expect(readout).toHaveAttribute('data-state', 'event');
  return { ms: await cursorMs(page), readout: (await readout.textContent())! };
}

test('Step walks the simulator event by event: the cursor moves in sub-bucket steps and each event is described; Next fault and the event log still jump', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (m) => (m.type() === 'error' || m.type() === 'warning') && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  await openApp(page);
  await page.getByRole('button', { name: /Run/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause' }).click();

  // A crash of api-1 at 4 s; "Next fault" from the start still jumps straight to it.
  await page.getByLabel('Timeline').fill('4000');
  await node(page, 'api-1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('4.0 s · crash api-1');
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');
  await page.getByRole('button', { name: 'To start' }).click();
  await page.getByRole('button', { name: 'Next fault' }).click();
  await expect(page.getByTestId('cursor-time')).toHaveText(/^4\.0 s/);
  expect(await cursorMs(page)).toBe(4000);

  // Six Steps, by button and by ".": strictly later each time, well inside one 100 ms bucket,
  // and the readout names the event at exactly the cursor's time.
  const steps: { ms: number; readout: string }[] = [];
  for (const how of ['button', 'key', 'key', 'button', 'key', 'key'] as const) steps.push(await step(page, how));
  let previous = 4000;
  for (const { ms, readout } of steps) {
    expect(ms).toBeGreaterThan(previous);
    expect(ms - previous).toBeLessThan(100);
    expect(readout).toMatch(new RegExp(`^${(ms / 1000).toFixed(6).replace('.', '\\.')} s · (request|response|timer|timeout|late|stale|fault)\\b.*\\S$`));
    previous = ms;
  }
  expect(steps.some((s) => /delivered to /.test(s.readout))).toBe(true);
  // Stepping pauses playback and the canvas follows the cursor: api-1 is down after its crash.
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');
  await page.screenshot({ path: 'test-results/screenshots/labbench-step.png', fullPage: true });

  // The detection is logged later, so the log does not list it yet; "Next logged event" reaches it,
  // clicking it seeks there, and Step then continues from there.
  const detection = page.getByRole('region', { name: 'Event log' }).locator('[data-kind="failure-detected"]', { hasText: 'api-1' });
  await expect(detection).toHaveCount(0);
  for (let i = 0; i < 10 && (await detection.count()) === 0; i++) await page.getByRole('button', { name: 'Next logged event' }).click();
  await page.getByRole('button', { name: 'To start' }).click();
  await expect(detection).toHaveCount(0);
  await page.getByLabel('Timeline').fill(String(29_000));
  await detection.getByRole('button').click();
  const detectedAt = await cursorMs(page);
  expect(detectedAt).toBeGreaterThan(4000);
  await expect(page.getByTestId('step-readout')).toHaveCount(0);
  const after = await step(page, 'button');
  expect(after.ms).toBeGreaterThan(detectedAt);
  expect(after.ms - detectedAt).toBeLessThan(100);
  expect(problems, problems.join('\n')).toEqual([]);
});
