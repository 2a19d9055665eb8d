import { expect, test } from '@playwright/test';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const LESSONS = [
  { id: 'stateful-deploy', title: '部署有状态服务层', nodes: 7 },
  { id: 'partition', title: '有状态服务层遇上网络分区', nodes: 9 },
  { id: 'sessions-choice', title: '会话：存储还是令牌？', nodes: 7 },
  { id: 'choosing', title: '做选择：无状态还是有状态？', nodes: 6 },
];

test('the lessons on stateful deploys, partitions, sessions and choosing open, run and read in Chinese at 1280×720', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  for (const lesson of LESSONS) {
    await page.getByRole('combobox', { name: ZH_CN.lesson.lesson, exact: true }).selectOption(lesson.id);
    await expect(page.getByTestId('lesson-title')).toContainText(lesson.title);
    await expect(page.locator('.react-flow__node')).toHaveCount(lesson.nodes);
    const before = (await page.getByTestId('trace-hash').count()) > 0 ? await page.getByTestId('trace-hash').textContent() : null;
    await page.getByRole('button', { name: ZH_CN.lab.run }).click();
    await expect(page.getByTestId('trace-hash')).toBeVisible({ timeout: 60_000 });
    // This lesson's own run, not the previous lesson's.
    await expect(page.getByTestId('trace-hash')).not.toHaveText(before ?? '', { timeout: 60_000 });
    // The header stays one row.
    const header = await page.locator('header').first().boundingBox();
    expect(header!.height).toBeLessThan(60);
    await page.screenshot({ path: `test-results/screenshots/lesson-${lesson.id}-zh-CN-1280x720.png` });
  }
});
