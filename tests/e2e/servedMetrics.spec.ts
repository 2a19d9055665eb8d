/**
 * The metrics of served requests (issue 13's last hole) are in the lab's metric picker like every
 * catalogue metric: the served p99 latency and the cost per 1000 requests served chart a run, with
 * their names in English and in Chinese.
 */
import { expect, test, type Page } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { domainZhCN } from '../../src/shared/i18n/domainZhCN';
import { METRICS } from '../../src/shared/metrics';
import { answerPredictions, forgetStudentWork, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const chart = (page: Page, id: string) => page.locator(`[data-chart="${id}"]`);

test('the lab charts the served p99 latency and the cost per 1000 served, in English and Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await answerPredictions(page);
  await page.getByRole('toolbar', { name: EN.lab.runControls }).getByRole('button', { name: EN.lab.run }).click();
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  await pause.click();

  const picker = page.getByRole('combobox', { name: EN.lab.bench.addChart });
  for (const metric of ['servedLatencyP99', 'costPer1kServed'] as const) {
    await picker.selectOption({ label: METRICS[metric].label });
    await expect(chart(page, `metric-${metric}`).locator('.sl-chart-title')).toHaveText(METRICS[metric].label);
  }
  // Lesson 1's design serves its users: the served p99 is a number of milliseconds, not "—".
  await page.getByLabel('Timeline').fill('5000');
  await expect(page.getByTestId('chart-metric-servedLatencyP99')).toHaveText(/\d/);
  await chart(page, 'metric-costPer1kServed').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/served-metrics-1280x720.png` });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByRole('button', { name: ZH_CN.lab.run })).toBeVisible();
  for (const metric of ['servedLatencyP99', 'costPer1kServed'] as const) {
    await expect(chart(page, `metric-${metric}`).locator('.sl-chart-title')).toHaveText(domainZhCN.metrics[metric].name);
  }
  await page.screenshot({ path: `${SHOTS}/served-metrics-zh-CN-1280x720.png` });
});
