import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, node, openApp, settled } from './helpers';

/**
 * In a lesson the student's default layout is the lesson column and the properties panel beside
 * the canvas. At 1280×720 that left the canvas 674 px, and the biggest lessons' designs (lesson 7's
 * ten nodes, lesson 16's nine, the capstone's thirteen), fitted whole, drew their node labels at
 * 7.8–8.7 px: unreadable. Now the properties panel waits as a rail until something is selected,
 * and the labels are a little larger, so each of these designs fits whole with labels of 11 px or
 * more, at 1440×900 too, in English and in 简体中文.
 */
test.beforeEach(forgetStudentWork);

/** The lessons with eight nodes or more, and lesson 17 (its design is as tall as it is wide). */
const BIG_LESSONS = [
  { id: 'scaling-out', nodes: 10 },
  { id: 'partition', nodes: 9 },
  { id: 'observability', nodes: 9 },
  { id: 'choosing', nodes: 6 },
  { id: 'capstone', nodes: 13 },
] as const;
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;
const MIN_LABEL_PX = 11;

/** Each node's box against the canvas, and the smallest label on screen (its font size × the canvas's zoom, checked against its drawn height). */
async function measure(page: Page) {
  return page.evaluate(() => {
    const pane = document.querySelector('.react-flow')!.getBoundingClientRect();
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const labels = [...document.querySelectorAll<HTMLElement>('.react-flow__node .sl-node-label')].map((l) => ({
      text: l.textContent,
      px: parseFloat(getComputedStyle(l).fontSize) * zoom,
      drawnScale: l.getBoundingClientRect().height / l.offsetHeight,
    }));
    const outside = [...document.querySelectorAll<HTMLElement>('.react-flow__node')]
      .map((n) => ({ id: n.dataset.id, r: n.getBoundingClientRect() }))
      .filter(({ r }) => r.left < pane.left - 0.5 || r.top < pane.top - 0.5 || r.right > pane.right + 0.5 || r.bottom > pane.bottom + 0.5)
      .map(({ id }) => id);
    const smallest = labels.reduce((a, b) => (b.px < a.px ? b : a));
    return { zoom, smallest, outside, canvasWidth: Math.round(pane.width) };
  });
}

for (const locale of ['en', 'zh-CN'] as const) {
  test(`the biggest lessons fit whole at 1280×720 and 1440×900 beside the lesson, their node labels 11 px or more (${locale})`, async ({ page }) => {
    test.setTimeout(120_000);
    const words = locale === 'en' ? { lesson: 'Lesson', properties: 'Properties' } : { lesson: '课程', properties: '属性' };
    await page.setViewportSize(SIZES[0]);
    await openApp(page);
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await page.setViewportSize(size);
      for (const lesson of BIG_LESSONS) {
        const where = `${lesson.id} at ${size.width}×${size.height} (${locale})`;
        await page.getByRole('combobox', { name: words.lesson, exact: true }).selectOption(lesson.id);
        await expect(page.locator('.react-flow__node')).toHaveCount(lesson.nodes);
        await expect(page.getByTestId('lesson-opening')).toHaveCount(0);
        // The default layout: the lesson column open, the properties panel its rail (nothing is selected).
        await expect(page.locator('.sl-lesson')).toBeVisible();
        await expect(page.getByRole('button', { name: words.properties, exact: true })).toHaveAttribute('aria-expanded', 'false');
        await settled(page);
        const m = await measure(page);
        expect(m.outside, `${where}: every node inside the canvas`).toEqual([]);
        expect(m.smallest.drawnScale, `${where}: the label is drawn at the canvas's zoom`).toBeCloseTo(m.zoom, 1);
        expect(m.smallest.px, `${where}: the smallest label (${m.smallest.text}) reads at ${m.smallest.px.toFixed(1)} px on a ${m.canvasWidth} px canvas`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
        if (lesson.id === 'capstone' || lesson.id === 'scaling-out') await page.screenshot({ path: `test-results/screenshots/big-lesson-${lesson.id}-${locale}-${size.width}x${size.height}.png` });
      }
    }

    // A node selected: the properties panel opens beside the canvas and the design fits again,
    // every node still in view; nothing selected again, the panel stays (no second refit moves the
    // design), and the next lesson opened starts with the rail and its readable labels.
    await node(page, 'lb').click();
    const panel = page.getByRole('complementary', { name: words.properties });
    await expect(panel).toBeVisible();
    await expect(page.getByRole('button', { name: words.properties, exact: true })).toHaveAttribute('aria-expanded', 'true');
    await settled(page);
    expect((await measure(page)).outside, `capstone with the properties open (${locale})`).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/big-lesson-capstone-selected-${locale}-1440x900.png` });
    const before = (await node(page, 'lb').boundingBox())!;
    await page.keyboard.press('Escape');
    await expect(page.locator('.sl-node.is-selected')).toHaveCount(0);
    await page.waitForTimeout(300);
    await expect(panel).toBeVisible();
    expect(await node(page, 'lb').boundingBox(), 'the design stays where it was on a deselect').toEqual(before);
    await page.getByRole('combobox', { name: words.lesson, exact: true }).selectOption('scaling-out');
    await expect(page.locator('.react-flow__node')).toHaveCount(10);
    await expect(page.getByTestId('lesson-opening')).toHaveCount(0);
    await expect(panel).toHaveCount(0);
    await settled(page);
    const back = await measure(page);
    expect(back.outside).toEqual([]);
    expect(back.smallest.px).toBeGreaterThanOrEqual(MIN_LABEL_PX);
  });
}

test('the properties rail opened by hand stays open with nothing selected, after a restart too; folded, a selection does not open it', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  const toggle = page.getByRole('button', { name: 'Properties', exact: true });
  const panel = page.getByRole('complementary', { name: 'Properties' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(panel).toHaveCount(0);
  // A drag selects its node: the panel opens when the mouse is let go, not under the moving card
  // (its refit would move the design beneath the pointer).
  const lb = (await node(page, 'lb').boundingBox())!;
  await page.mouse.move(lb.x + lb.width / 2, lb.y + lb.height / 2);
  await page.mouse.down();
  await page.mouse.move(lb.x + lb.width / 2 + 30, lb.y + lb.height / 2 + 40, { steps: 4 });
  await expect(page.locator('.sl-node.is-selected')).toHaveCount(1);
  await page.waitForTimeout(200);
  await expect(panel).toHaveCount(0);
  await page.mouse.up();
  await expect(panel).toBeVisible();
  // Once open it stays for this design, selected or not; a restart (or another design) starts with the rail.
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  await expect(panel).toBeVisible();
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(panel).toHaveCount(0);
  // Opened by hand: it shows its hint and the design's totals, and stays.
  await toggle.click();
  await expect(panel).toContainText('6 nodes');
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(panel).toBeVisible();
  // Folded with its key: a selected node leaves it folded (the student's choice), and so does a restart.
  await page.keyboard.press('2');
  await expect(panel).toHaveCount(0);
  await node(page, 'lb').click();
  await page.waitForTimeout(300);
  await expect(panel).toHaveCount(0);
  await page.reload();
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await node(page, 'lb').click();
  await page.waitForTimeout(300);
  await expect(panel).toHaveCount(0);
  // Its key again: open, and open with nothing selected.
  await page.keyboard.press('2');
  await expect(panel).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(panel).toBeVisible();
});
