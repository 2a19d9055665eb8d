/**
 * The studio turning to a lesson shows that lesson's design: opening a draft (or duplicating a pack)
 * puts its first lesson's starter on the canvas, and picking another lesson puts that one's; the
 * design on the canvas before (another lesson's, the student's) used to stay there, though it was
 * no part of the draft. A notice says so, and Undo brings the old design back.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { forgetStudentWork, studioOnBuiltinCopy } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const PACK = 'lessons/stateless-vs-stateful';

/** A built-in lesson's id, English and Chinese titles and its starter's node ids, read from the pack (another helper edits lessons). */
function builtinLesson(match: (id: string) => boolean): { id: string; title: { en: string; 'zh-CN': string }; starterIds: string[] } {
  const manifest = JSON.parse(readFileSync(path.join(PACK, 'pack.json'), 'utf8')) as { lessons: string[] };
  for (const file of manifest.lessons) {
    const lesson = JSON.parse(readFileSync(path.join(PACK, file), 'utf8')) as { id: string; title: { en: string; 'zh-CN': string }; starter: string };
    if (!match(lesson.id)) continue;
    const starter = JSON.parse(readFileSync(path.join(PACK, lesson.starter), 'utf8')) as { nodes: { id: string }[] };
    return { id: lesson.id, title: lesson.title, starterIds: starter.nodes.map((n) => n.id).sort() };
  }
  throw new Error('no such built-in lesson');
}

const canvasIds = async (page: Page) => (await page.locator('.react-flow__node').evaluateAll((els) => els.map((el) => el.getAttribute('data-id') ?? ''))).sort();

test('opening a draft and picking a lesson show that lesson’s starter on the canvas, with a notice; Undo brings back what was there', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const first = builtinLesson(() => true);
  // The lesson with the smallest starter: nothing else on the canvas looks like it.
  const small = builtinLesson((id) => id === 'build-it-yourself');
  expect(small.starterIds).not.toEqual(first.starterIds);

  const studio = await studioOnBuiltinCopy(page, 'Open course', 'open-course');
  const notice = page.getByTestId('editor-notice');
  // Duplicating opens the copy at its first lesson, whose starter is on the canvas.
  await expect.poll(() => canvasIds(page)).toEqual(first.starterIds);

  // Picking a lesson shows its starter, and says so.
  const picker = studio.getByTestId('studio-lesson');
  await picker.selectOption((await picker.locator(`option[title="${small.id}"]`).getAttribute('value'))!);
  await expect.poll(() => canvasIds(page)).toEqual(small.starterIds);
  await expect(notice).toHaveText(`The canvas shows the starter of “${small.title.en}”. Undo brings back the design that was there.`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-open-draft-en-${width}.png` });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
  // One edit: Undo brings back the first lesson's design.
  await page.getByRole('toolbar', { name: 'Edit' }).getByRole('button', { name: 'Undo', exact: true }).click();
  await expect.poll(() => canvasIds(page)).toEqual(first.starterIds);

  // Out of the studio, the student opens the small lesson: its design is on the canvas.
  await page.getByTestId('studio-button').click();
  await expect(studio).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption(small.id);
  await expect.poll(() => canvasIds(page)).toEqual(small.starterIds);

  // Opening the stored draft shows its first lesson's starter, not the lesson the student was in.
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.locator('[data-draft="open-course"]').getByRole('button', { name: 'Edit' }).click();
  await expect(studio).toBeVisible();
  await expect.poll(() => canvasIds(page)).toEqual(first.starterIds);
  await expect(notice).toHaveText(`The canvas shows the starter of “${first.title.en}”. Undo brings back the design that was there.`);

  // In Chinese: the notice in the lesson's Chinese title.
  await page.getByLabel('Language').selectOption('zh-CN');
  // The notice showing rewords itself in the language picked.
  await expect(notice).toHaveText(`画布现在显示“${first.title['zh-CN']}”的初始设计。撤销可以找回之前画布上的设计。`);
  await picker.selectOption((await picker.locator(`option[title="${small.id}"]`).getAttribute('value'))!);
  await expect.poll(() => canvasIds(page)).toEqual(small.starterIds);
  await expect(notice).toHaveText(`画布现在显示“${small.title['zh-CN']}”的初始设计。撤销可以找回之前画布上的设计。`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await expect((await page.locator('.sl-header').boundingBox())!.height).toBeLessThan(60);
    await page.screenshot({ path: `${SHOTS}/studio-open-draft-zh-CN-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
});
