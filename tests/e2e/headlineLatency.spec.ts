import { expect, test } from '@playwright/test';
import { EN } from '../../src/renderer/src/i18n/resources';
import { domainZhCN } from '../../src/shared/i18n/domainZhCN';
import { METRICS } from '../../src/shared/metrics';
import { answerPredictions, APP_PATH, atEachLanguageAndSize, forgetStudentWork, node, pickLanguage } from './helpers';

test.beforeEach(forgetStudentWork);

const runButton = (page: import('@playwright/test').Page) => page.getByRole('toolbar', { name: EN.lab.runControls }).getByRole('button', { name: EN.lab.run });

// The p99 a student reads first after a run is the served requests' p99: a request that fails at once
// ends fast, so a design whose every request failed read "error rate 100 % · p99 0.0 ms", as if it
// were quick, beside a check saying no request was served.
test('the results headline reads the served p99: none when every request failed, a time when requests were served', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');

  // Lesson 13's empty canvas: the users alone, every request fails.
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('build-it-yourself');
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await answerPredictions(page);
  await runButton(page).click();
  await expect(page.getByTestId('trace-hash')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByTestId('metric-errorRate')).toHaveText('100.0%');
  const p99 = page.getByTestId('metric-servedLatencyP99');
  await expect(p99).toHaveText('—');
  await atEachLanguageAndSize(page, async (locale, tag) => {
    const label = page.locator('.sl-metric[data-metric="servedLatencyP99"] .sl-metric-label');
    await expect(label, tag).toHaveText(locale === 'en' ? METRICS.servedLatencyP99.label : domainZhCN.metrics.servedLatencyP99.name);
    await expect(p99, tag).toBeInViewport();
    await expect(p99, tag).toHaveText('—');
    await page.screenshot({ path: `test-results/screenshots/headline-p99-nothing-served-${locale}-${tag}.png` });
  });

  // Lesson 1's starter serves its users: the headline p99 is a time.
  await pickLanguage(page, 'en');
  await page.getByRole('combobox', { name: EN.lesson.lesson, exact: true }).selectOption('any-instance');
  await expect(node(page, 'api-3')).toBeVisible();
  await runButton(page).click();
  await expect(p99).toHaveText(/^\d+(\.\d)? ms$/, { timeout: 60_000 });
  expect(Number((await p99.textContent())!.replace(/[^0-9.]/g, ''))).toBeGreaterThan(0);
});
