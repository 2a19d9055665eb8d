import { expect, test } from '@playwright/test';
import { downloadedDesign, dropKind, newDesign, node, openApp, saveAs, savedDesign } from './helpers';

const SHOTS = 'test-results/screenshots';

test('save, reload the app, open: the identical document comes back', async ({ page }) => {
  await openApp(page);
  await page.locator('.sl-palette-item[data-kind="service"]').dragTo(page.locator('.react-flow__pane'), { targetPosition: { x: 300, y: 520 } });
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await saveAs(page, 'reload me');
  const saved = savedDesign('reload me');
  const before = await downloadedDesign(page);
  expect(before).toEqual(saved);

  await page.reload();
  // The lesson reopens with the student's work on it (lesson work is kept), then the saved file opens.
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await page.keyboard.press('Control+o');
  const dialog = page.getByRole('dialog', { name: 'Open a design' });
  await expect(dialog.getByRole('list', { name: 'Recent designs' })).toContainText('reload me');
  await page.screenshot({ path: `${SHOTS}/files-open-dialog.png` });
  await dialog.getByRole('button', { name: 'reload me' }).first().click();
  await expect(page.getByTestId('file-name')).toHaveText('reload me');
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  expect(await downloadedDesign(page)).toEqual(before);
});

test('a truncated file and a file with a __proto__ key are refused with clear messages; the open graph is unchanged', async ({ page }) => {
  await openApp(page);
  await node(page, 'lb').click();
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('least-connections');
  const before = await downloadedDesign(page);
  const text = JSON.stringify(before);
  const input = page.getByTestId('open-file-input');

  await input.setInputFiles({ name: 'truncated.statelab.json', mimeType: 'application/json', buffer: Buffer.from(text.slice(0, text.length - 40)) });
  const error = page.getByTestId('file-error');
  await expect(error).toContainText('Could not open "truncated.statelab.json": The file is not valid JSON');
  await expect(error).toContainText('truncated');
  await page.screenshot({ path: `${SHOTS}/files-truncated-refused.png` });

  const poisoned = text.replace('"props":{', '"props":{"__proto__":{"isAdmin":true},');
  await input.setInputFiles({ name: 'poisoned.statelab.json', mimeType: 'application/json', buffer: Buffer.from(poisoned) });
  await expect(error).toContainText('Could not open "poisoned.statelab.json": The file contains the key "__proto__"');

  const newer = JSON.stringify({ ...(before as object), version: 99 });
  await input.setInputFiles({ name: 'newer.statelab.json', mimeType: 'application/json', buffer: Buffer.from(newer) });
  await expect(error).toContainText('written by a newer StateLab');

  const foreign = JSON.stringify({ format: 'statelab.graph', version: 1, nodes: [{ id: 'x', kind: 'toaster', label: 'X', position: { x: 0, y: 0 } }], edges: [] });
  await input.setInputFiles({ name: 'foreign.json', mimeType: 'application/json', buffer: Buffer.from(foreign) });
  await expect(error).toContainText('nodes[0].kind');

  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  expect(await downloadedDesign(page)).toEqual(before);
});

test('PNG export yields a real image of the diagram; SVG export too', async ({ page }) => {
  await openApp(page);
  const [png] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export PNG' }).click()]);
  expect(png.suggestedFilename()).toMatch(/\.png$/);
  const bytes = await import('node:fs').then((fs) => png.path().then((file) => fs.readFileSync(file)));
  expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  // Decode it in the browser and look at its pixels: a blank or tiny image would fail here.
  const decoded = await page.evaluate(async (base64) => {
    const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d')!;
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 7) colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
    return { width: bitmap.width, height: bitmap.height, colours: colours.size };
  }, bytes.toString('base64'));
  expect(decoded.width).toBeGreaterThanOrEqual(400);
  expect(decoded.height).toBeGreaterThanOrEqual(300);
  expect(decoded.colours).toBeGreaterThan(20);

  const [svg] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export SVG' }).click()]);
  expect(svg.suggestedFilename()).toMatch(/\.svg$/);
});

test('after the page dies mid-edit, the next start offers the unsaved work back', async ({ page }) => {
  await openApp(page);
  // A design of one's own (a lesson's work is kept as lesson work, see persistence.spec.ts).
  await newDesign(page);
  await dropKind(page, 'database', 200, 150);
  await dropKind(page, 'service', 400, 150);
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await page.waitForTimeout(2000); // "within a couple of seconds"
  await page.reload();
  const banner = page.getByRole('alert', { name: 'Unsaved work found' });
  await expect(banner).toContainText('2 nodes');
  await page.screenshot({ path: `${SHOTS}/files-restore-offer.png` });
  await banner.getByRole('button', { name: 'Restore' }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(2);
  await expect(node(page, 'database-1')).toHaveCount(1);
});

test('the canvas follows the OS theme and stays readable in light and dark', async ({ page }) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await openApp(page);
    await node(page, 'lb').click();
    await page.screenshot({ path: `${SHOTS}/theme-${colorScheme}.png` });
    const [text, background] = await node(page, 'lb').locator('.sl-node').evaluate((el) => [getComputedStyle(el).color, getComputedStyle(el).backgroundColor]);
    const luminance = (rgb: string) => {
      const [r, g, b] = rgb.match(/\d+/g)!.map(Number) as [number, number, number];
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    // Text and node background far apart in brightness, whichever theme is on.
    expect(Math.abs(luminance(text) - luminance(background)), colorScheme).toBeGreaterThan(120);
    const pane = await page.locator('.react-flow').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(luminance(pane) > 128, colorScheme).toBe(colorScheme === 'light');
  }
});
