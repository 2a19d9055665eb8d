/**
 * Issue 16's scenario editor: faults from the fault table's palette are dragged onto nodes on the
 * canvas (at the time picked on the timeline) and onto the timeline; a wrong-kind node refuses the
 * drop with a message; a marker dragged onto a node retargets it; Undo takes a drop back; the saved
 * lesson has the faults with their targets and times.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { strFromU8, unzipSync } from 'fflate';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { forgetStudentWork, node, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const PACK = 'drag-faults';

/** Presses the pointer on `from`, moves in steps to the middle of `to`, and leaves it there (mid-drag). */
async function dragHold(page: Page, from: Locator, to: Locator): Promise<void> {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + a.height / 2 + 10, { steps: 3 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 12 });
}

/** Moves a held drag to the middle of `to`, once a resize's re-fit of the canvas has stopped moving it. */
async function dragOnto(page: Page, to: Locator): Promise<void> {
  let b = (await to.boundingBox())!;
  await expect(async () => {
    const previous = b;
    await page.waitForTimeout(150);
    b = (await to.boundingBox())!;
    expect(b).toEqual(previous);
  }).toPass({ timeout: 10_000 });
  await page.mouse.move(b.x + b.width / 2 + 2, b.y + b.height / 2 + 2, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 2 });
}

/** The time the timeline reads at a fraction of its width, as the studio rounds it (100 ms steps). */
const msAtFraction = (fraction: number, durationMs: number) => Math.round((fraction * durationMs) / 100) * 100;

test('an instructor drags faults onto canvas nodes and the timeline; a wrong-kind node refuses; undo, retarget, save', async ({ page }) => {
  test.setTimeout(180_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', PACK), { recursive: true, force: true });
  await openApp(page);
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Drag faults');
  await start.getByTestId('new-pack-id').fill(PACK);
  await start.getByRole('button', { name: 'Create pack' }).click();
  const studio = page.getByTestId('studio-panel');
  // Lesson 1's starter on the canvas: users → lb → api-1..3 → db.
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  await studio.getByRole('button', { name: 'Use the canvas as reference' }).click();
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  const palette = studio.getByTestId('fault-palette');
  // One chip per action of the fault table.
  await expect(palette.locator('[data-action]')).toHaveCount(15);
  await expect(palette.getByTestId('fault-chip-scale-out')).toContainText('Service');

  // Pick 12 s on the 30 s timeline: canvas drops happen then.
  const track = studio.locator('.sl-studio-track');
  const box = (await track.boundingBox())!;
  await track.click({ position: { x: box.width * 0.4, y: 5 } });
  await expect(studio.getByTestId('timeline-cursor')).toHaveText('12.0 s');

  // Mid-drag: a scale-out may land only on the instances, which stand out; the rest fade.
  await dragHold(page, palette.getByTestId('fault-chip-scale-out'), node(page, 'db'));
  await expect(node(page, 'api-2')).toHaveClass(/is-drop-target/);
  await expect(node(page, 'db')).toHaveClass(/is-not-drop-target/);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await dragOnto(page, node(page, 'db'));
    await page.screenshot({ path: `${SHOTS}/studio-drag-mid-${width}.png` });
  }
  // Dropped on the database: refused, in words, and nothing changes.
  await page.mouse.up();
  await expect(page.getByTestId('editor-notice')).toHaveText('Scale out applies to Service only: “Database” is a Database. Nothing changed.');
  await expect(studio.locator('[data-testid^="fault-row-"]')).toHaveCount(0);
  await expect(node(page, 'db')).not.toHaveClass(/is-not-drop-target/);

  // A crash dropped on api-2: at the picked 12 s, targeting api-2.
  await palette.getByTestId('fault-chip-crash').dragTo(node(page, 'api-2'));
  // The message names the node as the canvas does (its id is the scenario's, in the fault's row).
  await expect(page.getByTestId('editor-notice')).toHaveText('Added Crash on API 2 at 12.0 s.');
  const crash = studio.getByTestId('timeline-fault-crash');
  await expect(crash).toHaveAttribute('data-target', 'api-2');
  await expect(crash).toHaveAttribute('data-at-ms', '12000');
  await expect(studio.getByTestId('fault-row-0').getByLabel('Target')).toHaveValue('api-2');
  await expect(studio.getByTestId('fault-row-0').getByLabel('At (s)')).toHaveValue('12');
  // The new marker has focus, so Ctrl+Z would take the drop back (not the canvas's last edit).
  await expect(crash).toBeFocused();

  // A partition dropped on the timeline at 20 s, with api-3 selected on the canvas: it isolates api-3.
  await node(page, 'api-3').click();
  const trackBox = (await track.boundingBox())!;
  await palette.getByTestId('fault-chip-partition').dragTo(track, { targetPosition: { x: trackBox.width * (2 / 3), y: trackBox.height - 4 } });
  const partition = studio.getByTestId('timeline-fault-partition');
  await expect(partition).toHaveAttribute('data-target', 'api-3');
  await expect(partition).toHaveAttribute('data-at-ms', String(msAtFraction(2 / 3, 30_000)));
  // A slow-down dropped at 5 s with nothing selected: the first node it may target, and its target picker asks.
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
  await palette.getByTestId('fault-chip-slow').dragTo(track, { targetPosition: { x: trackBox.width / 6, y: trackBox.height - 4 } });
  const slowRow = studio.getByTestId('fault-row-2');
  await expect(slowRow.getByLabel('Target')).toBeFocused();
  await slowRow.getByLabel('Target').selectOption('db');
  await expect(studio.getByTestId('timeline-fault-slow')).toHaveAttribute('data-target', 'db');
  await expect(studio.getByTestId('timeline-fault-slow')).toHaveAttribute('data-at-ms', String(msAtFraction(1 / 6, 30_000)));

  // Undo (Ctrl+Z in the scenario tab) takes the target pick back, then the drop; Redo brings them back.
  await studio.getByTestId('timeline-fault-slow').focus();
  await page.keyboard.press('Control+z');
  await expect(studio.getByTestId('timeline-fault-slow')).not.toHaveAttribute('data-target', 'db');
  await page.keyboard.press('Control+z');
  await expect(studio.getByTestId('timeline-fault-slow')).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(6); // the canvas's own undo was not used
  await studio.getByRole('button', { name: 'Redo' }).click();
  await studio.getByRole('button', { name: 'Redo' }).click();
  await expect(studio.getByTestId('timeline-fault-slow')).toHaveAttribute('data-target', 'db');

  // Link loss may land on a link too: dropped on users → lb, it loses messages there.
  const link = page.locator('.react-flow__edge[data-id="users-lb"]');
  await dragHold(page, palette.getByTestId('fault-chip-link-loss'), link);
  await expect(link).toHaveClass(/is-drop-target/);
  await page.mouse.up();
  await expect(page.getByTestId('editor-notice')).toHaveText('Added Link loss on Users → Load balancer at 12.0 s.');
  await expect(studio.getByTestId('timeline-fault-link-loss')).toHaveAttribute('data-target', 'users-lb');

  // The crash's marker dragged off the timeline onto api-1: it now crashes api-1, still at 12 s.
  await dragHold(page, crash, node(page, 'api-1'));
  await expect(node(page, 'api-1')).toHaveClass(/is-drop-target/);
  await page.mouse.up();
  await expect(crash).toHaveAttribute('data-target', 'api-1');
  await expect(crash).toHaveAttribute('data-at-ms', '12000');

  // The keyboard's way: a chip pressed with Enter adds its fault at the picked time; Ctrl+Z there takes it back.
  await palette.getByTestId('fault-chip-restart').focus();
  await page.keyboard.press('Enter');
  await expect(studio.getByTestId('timeline-fault-restart')).toHaveAttribute('data-at-ms', '12000');
  await palette.getByTestId('fault-chip-restart').focus();
  await page.keyboard.press('Control+z');
  await expect(studio.getByTestId('timeline-fault-restart')).toHaveCount(0);

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-drag-after-${width}.png` });
  }
  // No serious accessibility violations in the scenario tab with its palette and markers.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="studio-scenario"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  await page.getByLabel('Language').selectOption('zh-CN');
  await dragHold(page, palette.getByTestId('fault-chip-cache-flush'), node(page, 'api-2'));
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await dragOnto(page, node(page, 'api-2'));
    await page.screenshot({ path: `${SHOTS}/studio-drag-mid-zh-${width}.png` });
  }
  await page.mouse.up();
  // The refusal names the node as the canvas shows it in Chinese (the studio lesson's own names), not by its English label.
  const shownName = (await node(page, 'api-2').locator('.sl-node-label').textContent())!;
  expect(shownName).toMatch(/[\u4e00-\u9fff]/);
  await expect(page.getByTestId('editor-notice')).toHaveText(`“清空缓存”只能用于缓存：“${shownName}”是服务。没有做任何修改。`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-drag-after-zh-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');

  // Saved and exported: the lesson's scenario has the four faults with their targets and times.
  const expected = [
    { id: 'crash', atMs: 12_000, action: 'crash', target: 'api-1' },
    { id: 'partition', atMs: msAtFraction(2 / 3, 30_000), action: 'partition', target: 'api-3' },
    { id: 'slow', atMs: msAtFraction(1 / 6, 30_000), action: 'slow', target: 'db' },
    { id: 'link-loss', atMs: 12_000, action: 'link-loss', target: 'users-lb' },
  ];
  await studio.getByRole('button', { name: 'Save' }).click();
  await expect(studio.getByTestId('studio-message')).toContainText('Saved');
  const lessons = path.join(E2E_DATA_DIR, 'studio', PACK, 'pack', 'lessons');
  const saved = JSON.parse(readFileSync(path.join(lessons, readdirSync(lessons)[0]!), 'utf8')) as { scenario: { faults: unknown[] } };
  expect(saved.scenario.faults).toEqual(expected);
  const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Export zip' }).click()]);
  const zip = unzipSync(new Uint8Array(readFileSync((await download.path())!)));
  const lessonFile = Object.keys(zip).find((name) => name.startsWith('lessons/') && name.endsWith('.json'))!;
  expect((JSON.parse(strFromU8(zip[lessonFile]!)) as { scenario: { faults: unknown[] } }).scenario.faults).toEqual(expected);
});
