import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { node } from './helpers';

test('a student walks lesson 3: fails Check my work, fixes the design, passes, exports and re-grades a submission, in English and Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });

  await page.goto('/');
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 1');
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('session-state');
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 3: Where does the session live?');
  await expect(page.getByTestId('pack-percent')).toHaveText('0% complete');

  // The starter keeps sessions in instance memory: Check my work fails, with the measured number.
  await page.locator('[data-quiz="sticky-share"] input[value="third"]').check();
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  const lost = Number(await page.getByTestId('measured-no-loss-at-crash').textContent());
  expect(lost).toBeGreaterThan(0);
  const failedCrashCheck = page.locator('.sl-check.is-failed[data-check="no-loss-at-crash"]');
  await expect(failedCrashCheck.locator('.sl-check-feedback')).toContainText(String(lost));
  await failedCrashCheck.getByRole('button', { name: 'Show a hint' }).click();
  await expect(failedCrashCheck.locator('.sl-check-hint')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lesson3-failing-en.png' });

  // The fix: every instance hands its users a signed token instead of keeping their session.
  for (const id of ['api-1', 'api-2', 'api-3']) {
    await node(page, id).click();
    await page.locator('.sl-properties [data-field="sessions"] select').selectOption('signed-token');
  }
  await page.getByRole('button', { name: 'Check my work' }).click();
  await expect(page.locator('.sl-all-passed')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.sl-check.is-failed')).toHaveCount(0);
  const score = await page.getByTestId('grade-score').textContent();
  expect(score).toMatch(/Score (\d+)\/\1$/);
  await expect(page.getByTestId('pack-percent')).not.toHaveText('0% complete');
  await page.screenshot({ path: 'test-results/screenshots/lesson3-passing-en.png' });

  // Export the work as a submission file…
  await page.getByLabel('Your name (optional)').fill('Ada Lovelace');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export submission' }).click()]);
  expect(download.suggestedFilename()).toBe('Ada-Lovelace-session-state.statelab-submission.json');
  const file = await download.path();
  const submission = JSON.parse(readFileSync(file, 'utf8'));
  expect(submission).toMatchObject({ format: 'statelab.submission', lessonId: 'session-state', student: 'Ada Lovelace' });
  expect(submission.grade.score).toBe(submission.grade.maxScore);

  // …and open it again, as an instructor would: it is re-graded, not trusted.
  await page.getByTestId('submission-picker').setInputFiles(file);
  const dialog = page.getByRole('dialog', { name: 'Re-graded submission' });
  await expect(dialog).toBeVisible({ timeout: 60_000 });
  await expect(dialog.getByTestId('regrade-verdict')).toHaveText('The grade stored in the file matches the re-grade.');
  await expect(dialog.getByText('Ada Lovelace')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lesson3-regrade.png' });
  await dialog.getByRole('button', { name: 'Close' }).click();

  // The same lesson in Simplified Chinese: the panel, the checks and the feedback follow the switch.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByTestId('lesson-title')).toHaveText('课程 3: 会话放在哪里？');
  await expect(page.getByRole('button', { name: '检查作业' })).toBeVisible();
  await expect(page.getByText('全部检查通过，做得好！')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lesson3-passing-zh.png' });

  // Progress and the language survive a restart.
  await page.reload();
  await expect(page.getByTestId('lesson-title')).toHaveText('课程 3: 会话放在哪里？');
  await expect(page.getByTestId('pack-percent')).not.toHaveText(/^0%/);
  expect(problems, problems.join('\n')).toEqual([]);
});

test('a truncated submission is refused with its file name, and nothing on the canvas changes', async ({ page }) => {
  await page.goto('/');
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const nodesBefore = await page.locator('.react-flow__node').count();
  await page.getByTestId('submission-picker').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"statelab.submission","version":1,"gra') });
  await expect(page.locator('.sl-lesson .sl-error')).toContainText('broken.json');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore);
});
