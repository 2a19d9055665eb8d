import { expect, test } from '@playwright/test';
import { APP_PATH, forgetStudentWork } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

test('a student opens the first lesson, runs it and reads the results', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));

  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');

  // The starter design: clients → load balancer → three stateless instances → database.
  const nodes = page.locator('.react-flow__node');
  await expect(nodes).toHaveCount(6);
  await expect(page.locator('.react-flow__edge')).toHaveCount(7);
  for (const label of ['Users', 'Load balancer', 'API 1', 'API 2', 'API 3', 'Database']) {
    await expect(nodes.filter({ hasText: label })).toHaveCount(1);
  }
  await expect(page.getByTestId('metric-throughput')).toHaveText('—');

  await page.getByRole('button', { name: /Run/ }).click();
  const throughput = page.getByTestId('metric-throughput');
  await expect(throughput).toHaveText(/req\/s/, { timeout: 30_000 });
  const rps = Number((await throughput.textContent())!.replace(/[^0-9.]/g, ''));
  expect(rps).toBeGreaterThan(0);
  await expect(page.getByTestId('metric-servedLatencyP99')).toHaveText(/\d+(\.\d)? ms/);
  await expect(page.getByTestId('metric-errorRate')).toHaveText(/%/);
  await expect(page.getByTestId('trace-hash')).toHaveText(/^[0-9a-f]{12}$/);

  await page.screenshot({ path: 'test-results/screenshots/first-run.png', fullPage: true });
  expect(problems, problems.join('\n')).toEqual([]);
});
