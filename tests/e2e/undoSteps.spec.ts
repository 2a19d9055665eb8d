/**
 * Every edit a student makes in the editor is one step of Ctrl+Z, and Ctrl+Shift+Z and Ctrl+Y bring
 * it back: adding, connecting, moving by mouse or by the arrow keys, a property typed slowly, a
 * rename, a paste and a delete. (Dragging, L and ten-step undo are in editor.spec.ts.)
 */
import { expect, test, type Page } from '@playwright/test';
import { connect, downloadedDesign, dropKind, forgetStudentWork, newDesign, node, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

type Doc = { nodes: { id: string; label: string; position: { x: number; y: number }; props: Record<string, unknown> }[]; edges: unknown[] };
const nodeOf = async (page: Page, id: string) => ((await downloadedDesign(page)) as Doc).nodes.find((n) => n.id === id)!;


test('each edit is one undo step, and Ctrl+Shift+Z and Ctrl+Y redo it', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  await newDesign(page);
  const nodes = page.locator('.react-flow__node');
  const edges = page.locator('.react-flow__edge');

  await dropKind(page, 'service', 160, 200);
  await dropKind(page, 'database', 460, 200);
  await expect(nodes).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(nodes).toHaveCount(2);

  await connect(page, 'service-1', 'database-1');
  await expect(edges).toHaveCount(1);
  await page.keyboard.press('Control+z');
  await expect(edges).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(edges).toHaveCount(1);

  // The arrow keys move the selected node in the document: the card moved but the design did not
  // (not saved, not undoable). Four presses in a row are one step.
  await node(page, 'service-1').click();
  const start = (await nodeOf(page, 'service-1')).position;
  await node(page, 'service-1').focus();
  for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(async () => (await nodeOf(page, 'service-1')).position.x).toBeGreaterThan(start.x);
  const moved = (await nodeOf(page, 'service-1')).position;
  await page.keyboard.press('Control+z');
  await expect.poll(async () => (await nodeOf(page, 'service-1')).position).toEqual(start);
  await page.keyboard.press('Control+y');
  await expect.poll(async () => (await nodeOf(page, 'service-1')).position).toEqual(moved);

  // A property typed a character at a time, slower than a second and a half between keys, is one step.
  await node(page, 'service-1').click();
  const workers = page.locator('.sl-properties [data-field="workers"] input');
  await workers.click();
  await workers.pressSequentially('12', { delay: 1_700 });
  await expect.poll(async () => (await nodeOf(page, 'service-1')).props).toEqual({ workers: 12 });
  // Ctrl+Z in a text field is the field's own: the canvas takes it back.
  await node(page, 'service-1').click();
  await page.keyboard.press('Control+z');
  await expect(workers).toHaveValue('');
  await page.keyboard.press('Control+Shift+z');
  await expect(workers).toHaveValue('12');

  // A rename typed a character at a time is one step too.
  const name = page.locator('.sl-properties [data-field="label"] input');
  const label = await name.inputValue();
  await name.click();
  await page.keyboard.press('Control+a');
  await name.pressSequentially('Orders', { delay: 120 });
  await expect(node(page, 'service-1')).toContainText('Orders');
  await node(page, 'service-1').click();
  await page.keyboard.press('Control+z');
  await expect(name).toHaveValue(label);
  await expect(node(page, 'service-1')).toContainText(label);
  await page.keyboard.press('Control+y');
  await expect(name).toHaveValue('Orders');

  // Paste, then delete the pasted copy.
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodes).toHaveCount(3);
  await page.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(2);
  await page.keyboard.press('Control+y');
  await expect(nodes).toHaveCount(3);
  await page.keyboard.press('Delete');
  await expect(nodes).toHaveCount(2);
  await page.keyboard.press('Control+z');
  await expect(nodes).toHaveCount(3);
  await page.keyboard.press('Control+Shift+z');
  await expect(nodes).toHaveCount(2);
});
