/**
 * A walk of lessons 6–14 at 1280×720 found lesson 7's starter (scaling out) drawn with Partition
 * owner 2 touching the Database and the owners' column against it: the graph spaced nodes 200
 * apart, narrower than a "Partition owner" node. Each lesson of that walk opens with no two nodes
 * overlapping.
 */
import { expect, test } from '@playwright/test';
import { forgetStudentWork, openApp, settled } from './helpers';

test.beforeEach(forgetStudentWork);

const LESSONS = ['balancing', 'scaling-out', 'failover', 'deploying', 'locality', 'split-brain', 'rooms'];

test('lessons 6 to 14 open at 1280×720 with no two nodes overlapping on the canvas', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  const overlaps: string[] = [];
  const title = page.getByTestId('lesson-title');
  for (const id of LESSONS) {
    // The lesson before (lesson 1 first) must be gone: its title changes once this one has opened.
    const before = (await title.textContent())!;
    await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption(id);
    await expect(title).not.toHaveText(before);
    // The starter is in view once its nodes stop moving (fit view).
    const nodes = page.locator('.react-flow__node');
    await expect(nodes.first()).toBeVisible();
    await settled(page);
    const boxes = await nodes.evaluateAll((els) => els.map((el) => ({ id: (el as HTMLElement).dataset.id!, ...el.getBoundingClientRect().toJSON() as DOMRect })));
    for (const [i, a] of boxes.entries()) {
      for (const b of boxes.slice(i + 1)) {
        const apart = a.right <= b.left || b.right <= a.left || a.bottom <= b.top || b.bottom <= a.top;
        if (!apart) overlaps.push(`${id}: ${a.id} / ${b.id}`);
      }
    }
  }
  expect(overlaps).toEqual([]);
});
