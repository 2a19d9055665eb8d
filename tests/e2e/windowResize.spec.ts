import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, inside, node, openApp, runAndPause, settled } from './helpers';

// A window made smaller (1440×900 → 1280×720) keeps the whole design in view, whether or not the
// student clicked on the canvas meanwhile; a view the student zoomed into by hand is left alone.
test.beforeEach(forgetStudentWork);


/** The ids of the nodes not wholly inside the canvas pane. */
async function nodesOutOfView(page: Page): Promise<string[]> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const nodes = page.locator('.react-flow__node');
  const out: string[] = [];
  for (let i = 0; i < (await nodes.count()); i++) {
    const box = await nodes.nth(i).boundingBox();
    if (!box || !inside(box, pane)) out.push((await nodes.nth(i).getAttribute('data-id')) ?? '?');
  }
  return out;
}
const shrink = async (page: Page, size: { width: number; height: number }) => {
  await page.setViewportSize(size);
  await settled(page);
};

test('the whole design stays in view when the window shrinks, after a click on the canvas and a node, with the charts open', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await runAndPause(page);
  await settled(page);
  expect(await nodesOutOfView(page)).toEqual([]);
  // What a student does between: selects a node, clicks the empty canvas. Neither moves the view.
  await node(page, 'lb').click();
  await page.locator('.react-flow__pane').click({ position: { x: 30, y: 30 } });
  await settled(page);

  await shrink(page, { width: 1280, height: 900 });
  expect(await nodesOutOfView(page), 'narrower: 1440 → 1280 px').toEqual([]);
  await shrink(page, { width: 1280, height: 720 });
  expect(await nodesOutOfView(page), 'lower: 900 → 720 px').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/window-shrunk-1280x720.png' });
  await shrink(page, { width: 1440, height: 900 });
  expect(await nodesOutOfView(page), 'back to 1440×900').toEqual([]);
  await page.screenshot({ path: 'test-results/screenshots/window-grown-1440x900.png' });
});

test('a view panned by hand that still showed every node fits again when the window would cut some off', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await settled(page);
  const viewport = page.locator('.react-flow__viewport');
  const fitted = await viewport.getAttribute('style');
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 30, pane.y + 30);
  await page.mouse.down();
  await page.mouse.move(pane.x + 30, pane.y + 38, { steps: 4 });
  await page.mouse.up();
  await settled(page);
  expect(await viewport.getAttribute('style'), 'the view moved').not.toBe(fitted);
  expect(await nodesOutOfView(page), 'the small pan kept every node in view').toEqual([]);
  await shrink(page, { width: 1280, height: 720 });
  expect(await nodesOutOfView(page)).toEqual([]);
});

test('a view the student zoomed into on purpose is not re-fitted when the window shrinks', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openApp(page);
  await settled(page);
  const zoomIn = page.getByRole('button', { name: 'Zoom In' });
  for (let i = 0; i < 4; i++) await zoomIn.click();
  await settled(page);
  const zoomOf = async () => new DOMMatrixReadOnlyLike((await page.locator('.react-flow__viewport').getAttribute('style')) ?? '').zoom;
  const zoomed = await zoomOf();
  expect((await nodesOutOfView(page)).length, 'zoomed in: some nodes are off the canvas').toBeGreaterThan(0);
  await shrink(page, { width: 1280, height: 720 });
  expect(await zoomOf()).toBeCloseTo(zoomed, 3);
});

/** The zoom of React Flow's viewport transform ("translate(x, y) scale(z)"). */
class DOMMatrixReadOnlyLike {
  zoom: number;
  constructor(style: string) {
    this.zoom = Number(/scale\(([\d.]+)\)/.exec(style)?.[1] ?? NaN);
  }
}
