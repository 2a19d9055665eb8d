import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { writeClassSubmissions } from '../support/classSubmissions';
import { APP_PATH, forgetStudentWork, inside, openApp, runAndPause, settled, type Box } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;
/** The smallest node label a student can read from a classroom laptop's screen. */
const MIN_LABEL_PX = 11;
/** The smallest connection handle (on screen) that is easy to grab. */
const MIN_HANDLE_PX = 12;
const SAVED_DESIGN = 'lessons/stateless-vs-stateful/graphs/12-capstone.reference.json';

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

/**
 * Every node of the open design lies inside the visible canvas and under none of its overlays
 * (zoom controls, minimap), its label renders at a readable size and its handles are big enough.
 */
async function expectWholeDesignReadable(page: Page, screen: string): Promise<void> {
  const pane = (await page.locator('.react-flow').boundingBox())!;
  const overlays: Box[] = [];
  for (const selector of ['.react-flow__controls', '.react-flow__minimap']) {
    const el = page.locator(selector);
    if ((await el.count()) > 0 && (await el.isVisible())) overlays.push((await el.boundingBox())!);
  }
  expect(overlays.length, `${screen}: the zoom controls are on the canvas`).toBeGreaterThan(0);
  const nodes = page.locator('.react-flow__node');
  const count = await nodes.count();
  expect(count, `${screen}: a design is open`).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const n = nodes.nth(i);
    const id = await n.getAttribute('data-id');
    const box = (await n.boundingBox())!;
    expect(inside(box, pane), `${screen}: node ${id} ${JSON.stringify(box)} lies inside the canvas ${JSON.stringify(pane)}`).toBe(true);
    for (const o of overlays) expect(overlaps(box, o), `${screen}: node ${id} is under an overlay ${JSON.stringify(o)}`).toBe(false);
  }
  const sizes = await page.evaluate(() => {
    const zoom = new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a;
    const labels = [...document.querySelectorAll('.react-flow__node .sl-node-label')].map((l) => parseFloat(getComputedStyle(l).fontSize) * zoom);
    const handles = [...document.querySelectorAll('.react-flow__node .react-flow__handle')].map((h) => h.getBoundingClientRect().width);
    return { label: Math.min(...labels), handle: Math.min(...handles) };
  });
  expect(sizes.label, `${screen}: node labels render at ${sizes.label.toFixed(1)} px`).toBeGreaterThanOrEqual(MIN_LABEL_PX);
  expect(sizes.handle, `${screen}: handles are ${sizes.handle.toFixed(1)} px on screen`).toBeGreaterThanOrEqual(MIN_HANDLE_PX);
}



/**
 * The open design whole and readable at each window size, the walk's own size (`first`) last so
 * the walk goes on there, with a screenshot `layout-<shot>-<size>.png` of each. One walk serves
 * both sizes, where a test per size walked the same steps twice.
 */
async function readableAtEachSize(page: Page, first: (typeof SIZES)[number], screen: string, shot: string): Promise<void> {
  for (const size of [...SIZES.filter((s) => s !== first), first]) {
    const tag = `${size.width}x${size.height}`;
    await page.setViewportSize(size);
    await settled(page);
    await expectWholeDesignReadable(page, `${screen} at ${tag}`);
    await page.screenshot({ path: `test-results/screenshots/layout-${shot}-${tag}.png` });
  }
}

// Opened at 1280×720 (and resized to 1440×900 at each screen).
test(`lesson 1 and lesson 9 show their whole design, readable, before and after Run, at 1280x720 and 1440x900`, async ({ page }) => {
  const first = SIZES[0];
  await page.setViewportSize(first);
  await openApp(page);
  await readableAtEachSize(page, first, 'lesson 1', 'lesson1');
  await runAndPause(page);
  await readableAtEachSize(page, first, 'lesson 1 after Run', 'lesson1-run');

  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('split-brain');
  await expect(page.getByTestId('lesson-title')).toContainText('11');
  await expect(page.locator('.react-flow__node[data-id="own-1"]')).toBeVisible();
  await runAndPause(page);
  await readableAtEachSize(page, first, 'lesson 9 after Run', 'lesson9-run');
});

// Opened at 1440×900 (and resized to 1280×720 at each screen).
test(`a saved design opens whole, in the editor and in the lab after Run, at 1440x900 and 1280x720`, async ({ page }) => {
  const first = SIZES[1];
  await page.setViewportSize(first);
  await openApp(page);
  const restore = page.getByRole('button', { name: 'Discard' });
  if (await restore.isVisible()) await restore.click();
  await page.getByTestId('open-file-input').setInputFiles(SAVED_DESIGN);
  await expect(page.locator('.react-flow__node')).toHaveCount(13);
  await expect(page.locator('.sl-lesson')).toHaveCount(0);
  await readableAtEachSize(page, first, 'opened design', 'editor');
  await runAndPause(page);
  await readableAtEachSize(page, first, 'lab after Run', 'lab-run');
});

test.describe('at 1280x720', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('side panels fold from the keyboard and stay folded after a restart; the canvas re-fits each time', async ({ page }) => {
    await openApp(page);
    await settled(page);
    const canvasWidth = async () => (await page.locator('.react-flow').boundingBox())!.width;
    // Nothing selected, the properties panel is a rail; its key opens it, and again folds it away.
    await expect(page.getByRole('button', { name: 'Properties', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: 'Properties', exact: true })).toHaveAttribute('aria-expanded', 'true');
    await expect(page.locator('.sl-properties')).toBeVisible();
    const before = await canvasWidth();
    await page.keyboard.press('2');
    await expect(page.getByRole('button', { name: 'Properties', exact: true })).toHaveAttribute('aria-expanded', 'false');
    await expect(page.locator('.sl-properties')).toHaveCount(0);
    await page.keyboard.press('3');
    await expect(page.locator('.sl-lesson')).toHaveCount(0);
    expect(await canvasWidth()).toBeGreaterThan(before + 400);
    await settled(page);
    await expectWholeDesignReadable(page, 'panels folded');
    await page.screenshot({ path: 'test-results/screenshots/layout-panels-folded-1280x720.png' });
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await expect(page.locator('.sl-properties')).toHaveCount(0);
    await expect(page.locator('.sl-lesson')).toHaveCount(0);
    await page.getByRole('button', { name: 'Lesson', exact: true }).click();
    await page.getByRole('button', { name: 'Properties', exact: true }).click();
    await expect(page.locator('.sl-lesson')).toBeVisible();
    await settled(page);
    await expectWholeDesignReadable(page, 'panels back');
  });

  test('the charts split drags, folds and re-fits the canvas; the minimap, when shown, covers no node', async ({ page }) => {
    await openApp(page);
    await runAndPause(page);
    await settled(page);
    const canvas = page.locator('.react-flow');
    const tall = (await canvas.boundingBox())!.height;
    const handle = (await page.locator('.sl-split-handle').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y - 58, { steps: 5 });
    await page.mouse.up();
    const dragged = (await canvas.boundingBox())!.height;
    expect(dragged).toBeLessThan(tall - 40);
    await settled(page);
    await expectWholeDesignReadable(page, 'split dragged');
    // The dragged split is remembered: after a restart the next run opens the bench at that size.
    await page.reload();
    await expect(page.locator('.react-flow__node')).toHaveCount(6);
    await runAndPause(page);
    await expect.poll(async () => Math.round((await canvas.boundingBox())!.height)).toBeLessThan(dragged + 8);
    expect((await canvas.boundingBox())!.height).toBeGreaterThan(dragged - 8);
    await page.getByRole('button', { name: 'Hide charts' }).click();
    await expect(page.locator('#sl-results')).toBeHidden();
    expect((await canvas.boundingBox())!.height).toBeGreaterThan(tall + 100);
    await settled(page);
    await expectWholeDesignReadable(page, 'charts folded');
    await page.getByRole('button', { name: 'Minimap' }).click();
    await expect(page.locator('.react-flow__minimap')).toBeVisible();
    await settled(page);
    await expectWholeDesignReadable(page, 'minimap shown');
    await page.screenshot({ path: 'test-results/screenshots/layout-minimap-1280x720.png' });
  });
});

test('there is exactly one Fit view button, and it brings back a design panned out of view', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(page.getByRole('button', { name: /fit view/i })).toHaveCount(1);
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await page.mouse.move(pane.x + 40, pane.y + 40);
  await page.mouse.down();
  await page.mouse.move(pane.x + pane.width - 10, pane.y + 40, { steps: 5 });
  await page.mouse.up();
  await page.getByRole('button', { name: 'Fit view' }).click();
  await settled(page);
  await expectWholeDesignReadable(page, 'after Fit view');
});

// Both languages on one page load: English first, then 简体中文.
test(`at 1280x720 with the components panel open, the canvas toolbar stays on one row (en and zh-CN)`, async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  for (const lang of ['en', 'zh-CN'] as const) {
    if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
    const palette = page.locator('button[data-panel="palette"]');
    if ((await palette.getAttribute('aria-expanded')) === 'false') await palette.click();
    await expect(palette).toHaveAttribute('aria-expanded', 'true');
    // One row: every item's top lies above every item's bottom (items of different heights are centred).
    // Shown items only: the More menu's button is there but hidden while everything fits.
    const boxes = await page.locator('.sl-toolbar').first().evaluate((bar) => [...bar.children].filter((c) => c.checkVisibility()).map((c) => ({ top: c.getBoundingClientRect().top, bottom: c.getBoundingClientRect().bottom })));
    expect(boxes.length).toBeGreaterThan(4);
    const lowestTop = Math.max(...boxes.map((b) => b.top));
    const highestBottom = Math.min(...boxes.map((b) => b.bottom));
    expect(lowestTop, `toolbar items ${JSON.stringify(boxes)} (${lang})`).toBeLessThan(highestBottom);
    // The connection kind stays named: the select's accessible name and its tooltip keep the words.
    await expect(page.getByRole('combobox', { name: lang === 'en' ? 'Connection kind' : /连接/ })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/toolbar-one-row-${lang}-1280x720.png` });
  }
});

test.describe('fits a 1280x720 laptop', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('the studio leaves its editing area room beside the live verification, and the split between them drags', async ({ page }) => {
    rmSync(path.join(E2E_DATA_DIR, 'studio', 'fit-studio'), { recursive: true, force: true });
    await openApp(page);
    await page.getByTestId('studio-button').click();
    const start = page.getByRole('dialog', { name: 'Studio' });
    await start.getByTestId('new-pack-title').fill('Fit pack');
    await start.getByTestId('new-pack-id').fill('fit-studio');
    await start.locator('select').selectOption('stateless-vs-stateful');
    await start.getByRole('button', { name: /Duplicate/ }).click();
    const studio = page.getByTestId('studio-panel');
    const verify = studio.getByTestId('verify-panel');
    // One seed keeps the live verification quick; its table is what used to squeeze the form.
    await verify.getByRole('spinbutton').fill('1');
    await studio.getByRole('tab', { name: 'Checks' }).click();
    await expect(studio.getByTestId('studio-checks')).toBeVisible();
    await expect(verify.locator('table').first()).toBeVisible({ timeout: 60_000 });
    const body = studio.locator('.sl-studio-body');
    const heights = async () => ({ edit: (await body.boundingBox())!.height, verify: (await verify.boundingBox())!.height });
    for (const lang of ['en', 'zh-CN'] as const) {
      if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      const h = await heights();
      // Before the split the live verification took 38% and the form kept about 250 px.
      expect(h.edit, `${lang}: editing area ${JSON.stringify(h)}`).toBeGreaterThanOrEqual(320);
      expect(h.verify, `${lang}: live verification ${JSON.stringify(h)}`).toBeGreaterThanOrEqual(120);
      await page.screenshot({ path: `test-results/screenshots/studio-fit-${lang}-1280x720.png` });
    }
    // Dragging the handle up gives the verification the room the form gives up.
    const before = await heights();
    const handle = (await studio.locator('.sl-split-handle').boundingBox())!;
    await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
    await page.mouse.down();
    await page.mouse.move(handle.x + handle.width / 2, handle.y - 100, { steps: 5 });
    await page.mouse.up();
    const after = await heights();
    expect(after.verify, `after the drag ${JSON.stringify(after)}`).toBeGreaterThan(before.verify + 60);
    expect(after.edit).toBeLessThan(before.edit - 60);
  });

  test('the run bar never runs under Hide charts, and stays one row at 1280 px', async ({ page }) => {
    await openApp(page);
    await page.getByRole('button', { name: /Run/ }).click();
    await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 30_000 });
    await page.getByRole('button', { name: 'Pause' }).click();
    for (const lang of ['en', 'zh-CN'] as const) {
      if (lang !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(lang);
      for (const width of [1100, 1280]) {
        await page.setViewportSize({ width, height: 720 });
        const bar = await page.locator('.sl-labbench-top').evaluate((top) => {
          const box = (e: Element) => { const r = e.getBoundingClientRect(); return { x: r.x, y: r.y, width: r.width, height: r.height }; };
          const labbar = top.querySelector('.sl-labbar')!;
          return { labbar: box(labbar), items: [...labbar.children].map(box), toggle: box(top.querySelector(':scope > button[aria-controls="sl-results"]')!) };
        });
        const where = `${lang} at ${width}px: ${JSON.stringify(bar)}`;
        // Every control of the playback bar (speed, timeline) lies inside the bar, so none is under the button beside it.
        for (const item of bar.items) {
          expect(inside(item, bar.labbar), where).toBe(true);
          expect(overlaps(item, bar.toggle), where).toBe(false);
        }
        if (width === 1280) expect(Math.max(...bar.items.map((b) => b.y)), `one row: ${where}`).toBeLessThan(Math.min(...bar.items.map((b) => b.y + b.height)));
        await page.screenshot({ path: `test-results/screenshots/run-bar-${lang}-${width}x720.png` });
      }
      await page.setViewportSize({ width: 1280, height: 720 });
    }
  });

  test('class results: the bullet of a file that could not be graded sits on its name’s first line', async ({ page }) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'statelab-fit-class-'));
    await writeClassSubmissions(dir, 3, { withBroken: true });
    await openApp(page);
    await page.getByRole('button', { name: 'Class results' }).click();
    const dialog = page.getByRole('dialog', { name: 'Class results' });
    await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
    const item = dialog.getByTestId('class-errors').locator('li').first();
    await expect(item).toBeVisible({ timeout: 60_000 });
    const li = (await item.boundingBox())!;
    const lineHeightPx = await item.locator('button').evaluate((b) => parseFloat(getComputedStyle(b).lineHeight) || parseFloat(getComputedStyle(b).fontSize) * 1.2);
    expect(li.height, 'the file name wraps (else the bullet cannot be misplaced)').toBeGreaterThan(1.5 * lineHeightPx);
    // The marker is no element: find its ink in the strip left of the name.
    const strip = await page.screenshot({ clip: { x: li.x - 16, y: li.y, width: 14, height: li.height } });
    const inkRows = await page.evaluate(async (png) => {
      const img = new Image();
      img.src = `data:image/png;base64,${png}`;
      await img.decode();
      const canvas = document.createElement('canvas');
      canvas.width = img.width;
      canvas.height = img.height;
      const ctx = canvas.getContext('2d')!;
      ctx.drawImage(img, 0, 0);
      const { data } = ctx.getImageData(0, 0, img.width, img.height);
      const rows: number[] = [];
      for (let y = 0; y < img.height; y++) for (let x = 0; x < img.width; x++) if (data[(y * img.width + x) * 4]! < 128) { rows.push(y / (img.height / canvas.height)); break; }
      return rows;
    }, strip.toString('base64'));
    expect(inkRows.length, 'the bullet is drawn').toBeGreaterThan(0);
    const scale = (await page.evaluate(() => devicePixelRatio)) || 1;
    expect(Math.max(...inkRows) / scale, `bullet rows ${inkRows.join(',')} in a ${li.height}px item`).toBeLessThan(lineHeightPx * 1.2);
    await page.screenshot({ path: 'test-results/screenshots/class-errors-bullet-1280x720.png' });
  });
});
