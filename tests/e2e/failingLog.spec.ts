import { expect, test, type Page } from '@playwright/test';
import { answerPredictions, forgetStudentWork, node, openApp } from './helpers';

// A design that fails every request says why in the event log (the walk's lesson-10 case: routing
// by partition with "Owns partitions" unticked): the gateway has no route, because no instance
// owns the partition. Said once, in the student's language.
test.beforeEach(forgetStudentWork);

async function field(page: Page, id: string, name: string) {
  await node(page, id).click();
  return page.locator(`.sl-properties [data-field="${name}"]`);
}

test('lesson 10 routed by partition with no owners: the log names "no route" at the gateway and its cause, in English and Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('rooms');
  await expect(node(page, 'room-1')).toBeVisible();
  await (await field(page, 'gateway', 'policy')).locator('select').selectOption('partition-aware');
  for (const id of ['room-1', 'room-2', 'room-3']) await (await field(page, id, 'ownsPartitions')).getByRole('checkbox').uncheck();
  await answerPredictions(page);
  await page.getByRole('button', { name: /Run$/ }).click();
  const pause = page.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeVisible({ timeout: 60_000 });
  await pause.click();
  await page.getByLabel('Timeline').fill('7000');
  const log = page.getByRole('region', { name: 'Event log' });
  const failing = log.locator('[data-kind="failing"]');
  // The log names the node as the canvas does ("Gateway", not its id).
  await expect(failing.filter({ hasText: 'Gateway' })).toHaveText(/Gateway fails requests with no route: no instance owns partition \d+\./);
  // Once for the whole burst, though every connection attempt failed.
  await expect(failing.filter({ hasText: 'Gateway' })).toHaveCount(1);
  await failing.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/failing-log-1280x720.png' });
  await log.screenshot({ path: 'test-results/screenshots/failing-log-panel-1280x720.png' });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhFailing = page.locator('.sl-eventlog [data-kind="failing"]');
  await expect(zhFailing.filter({ hasText: '网关' })).toHaveText(/请求失败.*网关的请求因无路由而失败：没有实例拥有分区 \d+。/);
  await zhFailing.first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: 'test-results/screenshots/failing-log-zh-1280x720.png' });
  await page.locator('.sl-eventlog').screenshot({ path: 'test-results/screenshots/failing-log-panel-zh-1280x720.png' });
});
