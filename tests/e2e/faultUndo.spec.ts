import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, node, openApp, runAndPause, shootAtEachSize, WINDOW_SIZES } from './helpers';

// Ctrl+Z takes back the student's last action, a fault injected in the lab as much as an edit of
// the design, and Ctrl+Shift+Z (or Redo) brings it back; the toolbar's buttons say which.
test.beforeEach(forgetStudentWork);

const seek = async (page: Page, ms: number) => {
  await page.getByLabel('Timeline').fill(String(ms));
  await expect(page.getByTestId('cursor-time')).toHaveText(new RegExp(`^${(ms / 1000).toFixed(1)} s`));
};
const injectCrash = async (page: Page, target: string) => {
  await node(page, target).click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
};
/** The run settled: nothing re-simulating (Run is back). */
const runSettled = (page: Page) => expect(page.getByRole('toolbar', { name: 'Run controls' }).getByRole('button', { name: /Run$/ })).toBeEnabled({ timeout: 30_000 });

/** Lesson 1 run and paused, the balancer's policy changed, then api-2 crashed at `atMs` (or at the cursor). */
async function policyEditedThenCrash(page: Page, atMs?: number) {
  await openApp(page);
  await runAndPause(page);
  await node(page, 'lb').click();
  const policy = page.locator('.sl-properties [data-field="policy"] select');
  const before = await policy.inputValue();
  await policy.selectOption('least-connections');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  if (atMs !== undefined) await seek(page, atMs);
  await injectCrash(page, 'api-2');
  // The student's own faults: lesson 1's own crash of API 2 is listed beside them (and is not theirs to undo).
  const list = page.getByRole('region', { name: 'Injected faults' }).getByTestId('injected-own');
  await expect(list).toContainText(atMs !== undefined ? `${(atMs / 1000).toFixed(1)} s · Crash API 2` : 'Crash API 2');
  await runSettled(page);
  return { policy, before, list };
}

// One walk for both window sizes (it was one per size, the same steps twice): the fault is
// injected at 1440×900 and removed with its ✕ and the Undo button at 1280×720; the timeline's
// marker and the list are seen at both sizes, and the screenshot after Ctrl+Z is taken at each.
test('Ctrl+Z takes an injected fault back off the timeline and the list; Ctrl+Shift+Z puts it back (1440x900 and 1280x720)', async ({ page }) => {
  await page.setViewportSize(WINDOW_SIZES[1]);
  await openApp(page);
  await runAndPause(page);
  await seek(page, 4000);
  await injectCrash(page, 'api-1');
  // The student's own faults: lesson 1's own crash of API 2 is listed beside them (and is not theirs to undo).
  const list = page.getByRole('region', { name: 'Injected faults' }).getByTestId('injected-own');
  const marker = page.getByRole('button', { name: 'Go to Crash API 1 at 4.0 s' });
  for (const size of WINDOW_SIZES) {
    await page.setViewportSize(size);
    await expect(list).toContainText('4.0 s · Crash API 1');
    // The marker is the run's: it shows once the run is simulated again with the fault (as patient as runSettled).
    await expect(marker).toHaveCount(1, { timeout: 30_000 });
    await expect(marker).toBeInViewport();
  }
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');
  const undo = page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo', exact: true });
  const redo = page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Redo', exact: true });
  await expect(undo).toHaveAttribute('title', 'Undo injecting Crash API 1 at 4.0 s (Ctrl+Z)');
  await runSettled(page);

  await page.keyboard.press('Control+z');
  await expect(list).not.toContainText('Crash API 1');
  // The run is simulated again without it (the marker is the run's): as patient as runSettled.
  await expect(marker).toHaveCount(0, { timeout: 30_000 });
  // The instance is up at the cursor.
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'up');
  await expect(page.getByTestId('cursor-time')).toHaveText(/^4\.0 s/);
  await expect(redo).toHaveAttribute('title', 'Redo injecting Crash API 1 at 4.0 s (Ctrl+Shift+Z or Ctrl+Y)');
  await runSettled(page);
  // fault-undo-1280x720.png and fault-undo-1440x900.png; goes on at 1280×720.
  await shootAtEachSize(page, 'fault-undo');

  await page.keyboard.press('Control+Shift+z');
  await expect(list).toContainText('4.0 s · Crash API 1');
  await expect(marker).toHaveCount(1);
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');
  await runSettled(page);

  // Removing it with ✕ is an action too: Undo (the button this time) puts it back, Ctrl+Y removes it again.
  await page.getByRole('button', { name: 'Remove 4.0 s · Crash API 1' }).click();
  await expect(marker).toHaveCount(0);
  await runSettled(page);
  await expect(undo).toHaveAttribute('title', 'Undo removing Crash API 1 at 4.0 s (Ctrl+Z)');
  await undo.click();
  await expect(marker).toHaveCount(1);
  await expect(list).toContainText('4.0 s · Crash API 1');
  await runSettled(page);
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+y');
  await expect(marker).toHaveCount(0);
  await expect(list).not.toContainText('Crash API 1');
});

test('edit a property, inject a fault, Ctrl+Z twice: the fault goes first, then the edit', async ({ page }) => {
  const { policy, before, list } = await policyEditedThenCrash(page, 5000);

  await page.keyboard.press('Control+z');
  await expect(list).not.toContainText('Crash API 2');
  await node(page, 'lb').click();
  // The edit is still there: only the fault was taken back.
  await expect(policy).toHaveValue('least-connections');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await runSettled(page);
  await page.keyboard.press('Control+z');
  await node(page, 'lb').click();
  await expect(policy).toHaveValue(before);
  await expect(list).not.toContainText('Crash API 2');

  // And back in the order they were made: the edit first, then the fault.
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+Shift+z');
  await node(page, 'lb').click();
  await expect(policy).toHaveValue('least-connections');
  await expect(list).not.toContainText('Crash API 2');
  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+Shift+z');
  await expect(list).toContainText('5.0 s · Crash API 2');
});

test('a fault that went with the graded run shown since is passed over: Ctrl+Z takes back the edit before it', async ({ page }) => {
  const { policy, before, list } = await policyEditedThenCrash(page);
  // Show me on a failed check: the lab shows the graded run, the lesson's own scenario, without the fault.
  await page.getByRole('button', { name: 'Check my work' }).click();
  await page.locator('.sl-check.is-failed').getByRole('button', { name: /Show me/ }).first().click({ timeout: 120_000 });
  await expect(page.getByTestId('graded-view')).toBeVisible({ timeout: 60_000 });
  await expect(list).not.toContainText('Crash API 2');
  await runSettled(page);

  await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
  await page.keyboard.press('Control+z');
  await node(page, 'lb').click();
  await expect(policy).toHaveValue(before);
});
