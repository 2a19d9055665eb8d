// The browser host's bridge as a student meets it: the key in the address, and a file too large to send.
import { expect, test } from '@playwright/test';
import { APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

test('a submission under the file limit but too large once encoded is refused with its size, and the app keeps working', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  // The key has left the address bar but stays with the tab.
  expect(new URL(page.url()).search).toBe('');

  // 5.9 MB of quotes: under the 6 MB file limit, 11.9 MB once JSON-escaped for the bridge.
  const picker = page.getByTestId('submission-picker');
  await picker.setInputFiles({ name: 'quotes.json', mimeType: 'application/json', buffer: Buffer.alloc(5_900_000, '"') });
  await expect(page.locator('.sl-lesson .sl-error')).toHaveText(/^quotes\.json: This file is too large \(11\.9 MB, at most 8 MB\)\. The file is 5\.9 MB;/);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.locator('.sl-lesson .sl-error').scrollIntoViewIfNeeded();
    await expect(page.locator('.sl-lesson .sl-error')).toBeInViewport();
    await page.screenshot({ path: `test-results/screenshots/bridge-too-large-${width}.png` });
  }

  // The host and the connection are still there: the next pick gets the host's own answer.
  await picker.setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"statelab.submission"') });
  await expect(page.locator('.sl-lesson .sl-error')).toContainText('broken.json');
  await expect(page.locator('.sl-lesson .sl-error')).not.toContainText('too large');

  // A reload of the tab finds the key again.
  await page.reload();
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
});

test('the page opened without the key says where to find it', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('alert').first()).toContainText('Open the address `npm run web` printed');
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
});
