import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { GRADE_TEXTS } from '../../src/shared/i18n/gradeTexts';
import { APP_PATH, connect, dropKind, forgetStudentWork, node } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

test('lesson 13 is solved from its empty canvas by dragging nodes from the palette and connecting them', async ({ page }) => {
  test.setTimeout(180_000);
  const t = EN.lesson;
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: t.lesson, exact: true }).selectOption('build-it-yourself');
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 3: Build it yourself');
  // The canvas holds the users alone; the requirements are the checks.
  await expect(page.locator('.react-flow__node')).toHaveCount(1);
  await expect(node(page, 'users')).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/lesson13-empty-1440x900.png` });

  // Checked as it is, the empty canvas fails, with what it measured.
  await page.locator('[data-quiz="why-busiest"] input[value="any"]').check();
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.sl-check.is-failed[data-check="serves-load"] .sl-check-feedback')).toContainText('0');
  await expect(page.locator('.sl-check.is-failed[data-check="writes-kept"]')).toHaveCount(1);
  // Nothing was served: no served latency and no cost per request served, so both fail, with points.
  await expect(page.getByTestId('measured-p99')).toHaveText(GRADE_TEXTS['unmeasured.requestServed'].en);
  // Nothing measured means no moment it went wrong: no "Show me (0.0 s)"; the bound reads in words.
  await expect(page.locator('.sl-check[data-check="p99"]').getByRole('button', { name: new RegExp(t.showMe) })).toHaveCount(0);
  await expect(page.getByTestId('bound-p99')).not.toContainText('<');
  await expect(page.locator('.sl-check.is-failed[data-check="budget"] .sl-check-points')).toHaveText(`0/1 ${t.points}`);
  // Its feedback says what did not happen, then what the lesson teaches about it (not "no data").
  await expect(page.locator('.sl-check[data-check="budget"] .sl-check-feedback')).toContainText('Nothing to measure: no request was served');
  await expect(page.locator('.sl-check[data-check="budget"] .sl-check-feedback')).toContainText('The budget pays for work done');

  // Users → balancer → three instances → a database.
  await dropKind(page, 'load-balancer', 260, 300);
  await dropKind(page, 'service', 480, 160);
  await dropKind(page, 'service', 480, 300);
  await dropKind(page, 'service', 480, 440);
  await dropKind(page, 'database', 720, 300);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await connect(page, 'users', 'load-balancer-1');
  for (const s of ['service-1', 'service-2', 'service-3']) {
    await connect(page, 'load-balancer-1', s);
    await connect(page, s, 'database-1');
  }
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);

  // Sessions in a token the user carries, and a balancer that notices a crash in well under a second.
  for (const s of ['service-1', 'service-2', 'service-3']) {
    await node(page, s).click();
    await page.locator('.sl-properties [data-field="sessions"] select').selectOption('signed-token');
  }
  await node(page, 'load-balancer-1').click();
  await page.locator('.sl-properties [data-field="healthCheck.intervalMs"] input').fill('200');

  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.locator('.sl-all-passed')).toHaveText(t.allPassed, { timeout: 60_000 });
  await expect(page.locator('.sl-check.is-failed')).toHaveCount(0);
  expect(await page.getByTestId('grade-score').textContent()).toMatch(/(\d+)\/\1$/);
  // Measured rates and durations read in words, not unit ids ("884.6/s", not "884.625 per-second").
  await expect(page.getByTestId('measured-serves-load')).toHaveText(/^[\d,.]+\/s$/);
  await expect(page.locator('.sl-check[data-check="p99"] .sl-check-numbers')).not.toContainText('ms ms');
  await page.locator('.sl-check[data-check="serves-load"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lesson13-passing-1440x900.png` });

  // The same lesson at 1280×720, and in Chinese.
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `${SHOTS}/lesson13-passing-1280x720.png` });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByTestId('lesson-title')).toHaveText('课程 3：自己动手搭建');
  await expect(page.getByRole('button', { name: ZH_CN.lesson.checkMyWork })).toBeVisible();
  await expect(page.getByTestId('measured-serves-load')).toHaveText(/^[\d,.]+\/秒$/);
  await page.screenshot({ path: `${SHOTS}/lesson13-zh-CN-1280x720.png` });

  // The quickest detector has a price: taken out after one failed probe, a healthy instance whose
  // probe lost its connection opening (the scenario's lost openings) counts as a false suspicion.
  await node(page, 'load-balancer-1').click();
  await page.locator('.sl-properties [data-field="healthCheck.unhealthyAfter"] input').fill('1');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await page.getByRole('button', { name: ZH_CN.lesson.checkMyWork }).click();
  const falseAlarms = page.locator('.sl-check.is-failed[data-check="healthy-stay-in"]');
  await expect(falseAlarms).toBeVisible({ timeout: 60_000 });
  await expect(page.locator('.sl-check.is-failed')).toHaveCount(1);
  await falseAlarms.getByRole('button', { name: ZH_CN.lesson.showHint }).click();
  await expect(falseAlarms.locator('.sl-check-hint')).toContainText('偶尔还有探测在路上丢失');
  await falseAlarms.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lesson13-one-failure-zh-CN-1280x720.png` });
});

test('lesson 13 in Chinese: an empty canvas serves nothing, and its latency and budget checks say so', async ({ page }) => {
  test.setTimeout(120_000);
  const t = ZH_CN.lesson;
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('combobox', { name: t.lesson, exact: true }).selectOption('build-it-yourself');
  await expect(page.getByTestId('lesson-title')).toHaveText('课程 3：自己动手搭建');
  await page.locator('[data-quiz="why-busiest"] input[value="any"]').check();
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  const p99 = page.locator('.sl-check.is-failed[data-check="p99"]');
  await expect(page.getByTestId('measured-p99')).toHaveText(GRADE_TEXTS['unmeasured.requestServed']['zh-CN']);
  await expect(p99.locator('.sl-check-feedback')).toContainText('无从测量：时间窗口内没有请求被成功处理');
  await expect(p99.locator('.sl-check-feedback')).toContainText('立刻失败的请求不算“快”');
  // Not an evaluation error: the check was evaluated and failed.
  await expect(p99.locator('.sl-error')).toHaveCount(0);
  await expect(page.locator('.sl-check[data-check="budget"] .sl-check-feedback')).toContainText('无从测量');
  await p99.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/lesson13-empty-checked-zh-CN-1280x720.png` });
});
