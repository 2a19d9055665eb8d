import { expect, test, type Page } from '@playwright/test';
import { BRIDGE_PATH } from '../../src/shared/bridgeProtocol';
import { forgetStudentWork, node, openApp, saveAs } from './helpers';
import { englishOnScreen, layoutProblems } from '../support/screenAudit';

/**
 * Opening a lesson asks the host for its saved work; until it comes the canvas still showed the
 * lesson being left and took edits, which the saved work then replaced: a service added from the
 * palette in that moment was gone without a word. Now, until the lesson is here, the canvas,
 * palette and properties take no edit and say why ("Opening the lesson…").
 */
test.beforeEach(forgetStudentWork);

const SIZES = [
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;

/** Holds the host's answer to every lessons:loadWork back 3 s while `slow.on` (a busy machine). */
async function slowLessonWork(page: Page): Promise<{ on: boolean }> {
  const slow = { on: false };
  await page.routeWebSocket(new RegExp(`${BRIDGE_PATH}`), (ws) => {
    const server = ws.connectToServer();
    ws.onMessage((message) => {
      if (slow.on && String(message).includes('"lessons:loadWork"')) setTimeout(() => server.send(message), 3000);
      else server.send(message);
    });
    server.onMessage((message) => ws.send(message));
  });
  return slow;
}

test('while a lesson opens nothing the student does is taken and then lost: the canvas says it is opening, palette, drag and properties wait, and the lesson arrives whole', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  const slow = await slowLessonWork(page);
  await openApp(page);
  const canvas = page.getByRole('main', { name: 'Design canvas' });
  const opening = page.getByTestId('lesson-opening');
  const service = page.locator('.sl-palette-item[data-kind="service"]');
  await expect(page.getByRole('button', { name: 'Check my work' })).toBeEnabled();
  await expect(opening).toHaveCount(0);

  // Lesson 1's load balancer (not locked) selected: its properties show.
  await node(page, 'lb').click();
  const name = page.getByRole('complementary', { name: 'Properties' }).getByRole('textbox').first();
  await expect(name).toBeEditable();
  const lbBox = (await node(page, 'lb').boundingBox())!;
  const usersBox = (await node(page, 'users').boundingBox())!;

  slow.on = true;
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('remote-state');
  await expect(page.getByRole('button', { name: 'Check my work' })).toBeDisabled();
  // A click on the palette's Service (forced past any aria-disabled, as a hurried mouse would) and
  // Enter on it from the keyboard add nothing to the canvas that the lesson would then take away.
  await service.click({ force: true });
  await service.focus();
  await page.keyboard.press('Enter');
  await page.waitForTimeout(200);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  // Why: the canvas says the lesson is opening, and the palette is marked disabled.
  await expect(opening).toHaveText('Opening lesson 2: Stateless is not free… Your design can be edited once it is here.');
  await expect(canvas).toHaveAttribute('aria-busy', 'true');
  await expect(service).toHaveAttribute('aria-disabled', 'true');
  // The properties of the selected node are read-only; a drag moves nothing; Delete deletes nothing.
  await expect(name).not.toBeEditable();
  await page.mouse.move(lbBox.x + lbBox.width / 2, lbBox.y + lbBox.height / 2);
  await page.mouse.down();
  await page.mouse.move(lbBox.x + lbBox.width / 2 + 120, lbBox.y + lbBox.height / 2 + 80, { steps: 5 });
  await page.mouse.up();
  // (The canvas takes no pointer while the lesson opens: the card keeps its place beside the others.)
  const usersNow = (await node(page, 'users').boundingBox())!;
  const lbNow = (await node(page, 'lb').boundingBox())!;
  expect(lbNow.x - usersNow.x).toBeCloseTo(lbBox.x - usersBox.x, 0);
  expect(lbNow.y - usersNow.y).toBeCloseTo(lbBox.y - usersBox.y, 0);
  await node(page, 'lb').focus();
  await page.keyboard.press('Delete');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await expect(opening).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/lesson-opening-en-1280x720.png' });

  // Lesson 2 arrives as its starter: seven nodes, the session store among them, nothing added or lost.
  await expect(opening).toHaveCount(0, { timeout: 10_000 });
  await expect(canvas).not.toHaveAttribute('aria-busy', 'true');
  await expect(node(page, 'sessions')).toBeVisible();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.locator('.react-flow__node[data-id^="service"]')).toHaveCount(0);
  // Undo has nothing of the lesson left behind to bring back.
  await expect(page.getByRole('button', { name: 'Undo', exact: true })).toBeDisabled();
  // Now the palette adds, and Undo takes back exactly that.
  await expect(service).not.toHaveAttribute('aria-disabled', 'true');
  await service.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(8);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(page.locator('.react-flow__node')).toHaveCount(7);

  // The opening state at the other size and in 简体中文.
  for (const [size, locale] of [[SIZES[1], 'en'], [SIZES[0], 'zh-CN'], [SIZES[1], 'zh-CN']] as const) {
    await page.setViewportSize(size);
    if (locale === 'zh-CN') {
      slow.on = false;
      await page.getByRole('combobox', { name: /Language|语言/ }).selectOption('zh-CN');
      slow.on = true;
    }
    const lesson = page.getByRole('combobox', { name: locale === 'en' ? 'Lesson' : '课程', exact: true });
    const next = (await lesson.inputValue()) === 'remote-state' ? 'any-instance' : 'remote-state';
    await lesson.selectOption(next);
    // The note names the lesson chosen.
    const named = next === 'remote-state' ? { en: 'Opening lesson 2: Stateless is not free…', zh: '正在打开第 2 课：无状态也有代价…' } : { en: 'Opening lesson 1: Any request, any instance…', zh: '正在打开第 1 课：任意请求，任意实例…' };
    await expect(opening).toHaveText(locale === 'en' ? `${named.en} Your design can be edited once it is here.` : `${named.zh}打开后即可编辑设计。`);
    // The notice fades in after a beat (a quick open does not flash it).
    await page.waitForTimeout(500);
    if (locale === 'zh-CN') expect(await englishOnScreen(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/lesson-opening-${locale}-${size.width}x${size.height}.png` });
    await expect(opening).toHaveCount(0, { timeout: 10_000 });
  }
});

test('a design opened while a lesson opens is not replaced by the lesson: it waits, says so, and opens once the lesson is here', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(SIZES[0]);
  const slow = await slowLessonWork(page);
  await openApp(page);
  const opening = page.getByTestId('lesson-opening');
  const nodes = page.locator('.react-flow__node');
  // Lesson 1's six nodes, saved as a design of the student's own.
  await saveAs(page, 'my-six');

  // From Open…, while lesson 2 (seven nodes, a session store) opens.
  slow.on = true;
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('remote-state');
  await expect(opening).toBeVisible();
  await page.getByRole('button', { name: 'Open…' }).click();
  await page.getByRole('dialog', { name: 'Open a design' }).getByRole('button', { name: 'my-six' }).click();
  await expect(opening).toHaveText('Opening the lesson… “my-six” opens as soon as it is here.');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'test-results/screenshots/lesson-opening-file-waits-en-1280x720.png' });
  await expect(opening).toHaveCount(0, { timeout: 10_000 });
  // The student's design is on the canvas, under its name, outside the lesson; the lesson's work did not take its place.
  await expect(nodes).toHaveCount(6);
  await expect(node(page, 'sessions')).toHaveCount(0);
  await expect(page.getByTestId('file-name')).toHaveText('my-six');
  await expect(page.locator('.sl-lesson')).toHaveCount(0);
  await page.waitForTimeout(1_000);
  await expect(nodes).toHaveCount(6);

  // From the computer's file picker, at the other size and in 简体中文: the capstone's thirteen nodes.
  for (const [size, locale] of [[SIZES[1], 'en'], [SIZES[0], 'zh-CN'], [SIZES[1], 'zh-CN']] as const) {
    await page.setViewportSize(size);
    if (locale === 'zh-CN') {
      slow.on = false;
      await page.getByRole('combobox', { name: /Language|语言/ }).selectOption('zh-CN');
    }
    // "Back to lesson" (lesson 2) opens the lesson again, slowly.
    slow.on = true;
    await page.locator('.sl-header-back').click();
    await expect(opening).toBeVisible();
    await page.getByTestId('open-file-input').setInputFiles('lessons/stateless-vs-stateful/graphs/12-capstone.reference.json');
    await expect(opening).toHaveText(locale === 'en' ? 'Opening the lesson… “12-capstone.reference.json” opens as soon as it is here.' : '正在打开课程…课程打开后即会打开“12-capstone.reference.json”。');
    // The notice fades in after a beat (a quick open does not flash it).
    await page.waitForTimeout(500);
    if (locale === 'zh-CN') expect(await englishOnScreen(page)).toEqual([]);
    expect(await layoutProblems(page)).toEqual([]);
    await page.screenshot({ path: `test-results/screenshots/lesson-opening-file-waits-${locale}-${size.width}x${size.height}.png` });
    await expect(opening).toHaveCount(0, { timeout: 10_000 });
    await expect(nodes).toHaveCount(13);
    await expect(page.locator('.sl-lesson')).toHaveCount(0);
    await page.waitForTimeout(500);
    await expect(nodes).toHaveCount(13);
  }
});
