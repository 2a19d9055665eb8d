import { expect, test, type Locator, type Page } from '@playwright/test';
import type { AppLocale } from '../../src/renderer/src/i18n/resources';
import { atEachLanguageAndSize, forgetStudentWork, inside, openApp, pickLanguage, runAndPause, runLesson3Paused, settled, type Box } from './helpers';

test.beforeEach(forgetStudentWork);

/** Lesson 2's components, as the rail names them. */
const LESSON2_KINDS: Record<AppLocale, string[]> = {
  en: ['Load balancer', 'Service', 'Cache', 'Session store', 'Database'],
  'zh-CN': ['负载均衡器', '服务', '缓存', '会话存储', '数据库'],
};
const CACHE_TIP: Record<AppLocale, string> = { en: 'Fast key-value cache in front of the database', 'zh-CN': '数据库前面的快速键值缓存' };
/**
 * The canvas's width at 1280×720 beside a lesson before the rail named its kinds (56 px rail, 36 px
 * properties rail; 240 px properties panel once a node is selected): the names may not cost it any.
 */
const CANVAS_PX = { propertiesRail: 878, propertiesOpen: 674 };

const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

const palette = (page: Page) => page.locator('nav.sl-palette');

test('at 1280×720 beside a lesson, the components rail names every kind under its icon and shows its tooltip on hover and keyboard focus, the canvas as wide as before', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('remote-state');
  await expect(page.locator('.sl-palette-item')).toHaveCount(5);
  // Under 1366 px the components start folded to the rail.
  await expect(page.locator('button[data-panel="palette"]')).toHaveAttribute('aria-expanded', 'false');
  // After Run the bench takes its room: the rail is at its shortest.
  await runAndPause(page);
  await settled(page);
  expect((await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThanOrEqual(CANVAS_PX.propertiesRail);

  await atEachLanguageAndSize(page, async (locale, tag) => {
    const rail = (await palette(page).boundingBox())!;
    for (const name of LESSON2_KINDS[locale]) {
      // The button is named by its kind, and that name is written in it, whole and in view, not only on hover.
      const item = palette(page).getByRole('button', { name, exact: true });
      const caption = item.getByText(name, { exact: true });
      await expect(caption, `${locale} ${tag}: ${name} written in the rail`).toBeVisible();
      const box = (await caption.boundingBox())!;
      expect(inside(box, (await item.boundingBox())!), `${locale} ${tag}: ${name} ${JSON.stringify(box)} inside its button`).toBe(true);
      expect(inside(box, rail), `${locale} ${tag}: ${name} ${JSON.stringify(box)} in the rail's view ${JSON.stringify(rail)}`).toBe(true);
      expect(await caption.evaluate((e) => parseFloat(getComputedStyle(e).fontSize))).toBeGreaterThanOrEqual(10);
    }
    await page.screenshot({ path: `test-results/screenshots/canvas-rail-${locale}-${tag}.png` });

    // Hovered, a kind's tooltip says what it is, at once and inside the window; it goes with the pointer.
    const cache = palette(page).getByRole('button', { name: LESSON2_KINDS[locale][2], exact: true });
    await cache.hover();
    const tip = page.getByRole('tooltip');
    await expect(tip).toHaveText(`${LESSON2_KINDS[locale][2]}${CACHE_TIP[locale]}`);
    const window = { x: 0, y: 0, ...page.viewportSize()! };
    expect(inside((await tip.boundingBox())!, window), `${locale} ${tag}: the tooltip inside the window`).toBe(true);
    await page.screenshot({ path: `test-results/screenshots/canvas-rail-tip-${locale}-${tag}.png` });
    await page.mouse.move(window.width / 2, window.height - 5);
    await expect(tip).toHaveCount(0);

    // From the keyboard: Tab onto the cache shows its tooltip, Escape puts it away; its description is the button's.
    const service = palette(page).getByRole('button', { name: LESSON2_KINDS[locale][1], exact: true });
    await service.focus();
    await page.keyboard.press('Tab');
    await expect(cache).toBeFocused();
    await expect(tip).toHaveText(`${LESSON2_KINDS[locale][2]}${CACHE_TIP[locale]}`);
    await expect(cache).toHaveAccessibleDescription(CACHE_TIP[locale]);
    await page.keyboard.press('Escape');
    await expect(tip).toHaveCount(0);
    await cache.blur();
  });

  // With a node selected the properties panel opens; the canvas beside it is as wide as before too.
  await page.locator('.react-flow__node[data-id="lb"]').click();
  await expect(page.locator('.sl-properties')).toBeVisible();
  await settled(page);
  expect((await page.locator('.react-flow').boundingBox())!.width).toBeGreaterThanOrEqual(CANVAS_PX.propertiesOpen);
});

/** Moves the lab's cursor to `ms` (paused). */
async function seek(page: Page, ms: number): Promise<void> {
  await page.getByLabel('Timeline').fill(String(ms));
  await expect.poll(async () => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'))).toBe(ms);
}

/** Every traffic label on the canvas, with the node it lies on if any. */
async function labelsOnNodes(page: Page): Promise<{ id: string; text: string; form: string; on: string[] }[]> {
  const nodes = page.locator('.react-flow__node');
  const boxes: { id: string; box: Box }[] = [];
  for (let i = 0; i < (await nodes.count()); i++) boxes.push({ id: (await nodes.nth(i).getAttribute('data-id'))!, box: (await nodes.nth(i).boundingBox())! });
  const labels = page.locator('[data-testid^="traffic-"]');
  const out: { id: string; text: string; form: string; on: string[] }[] = [];
  for (let i = 0; i < (await labels.count()); i++) {
    const label = labels.nth(i);
    const box = (await label.boundingBox())!;
    out.push({ id: (await label.getAttribute('data-testid'))!, text: (await label.textContent()) ?? '', form: (await label.getAttribute('data-form')) ?? '', on: boxes.filter((n) => overlaps(box, n.box)).map((n) => n.id) });
  }
  return out;
}

/** No traffic label lies under a node; at least one says requests fail. */
async function expectLabelsClearOfNodes(page: Page, screen: string): Promise<void> {
  await settled(page);
  const labels = await labelsOnNodes(page);
  expect(labels.length, `${screen}: the edges show their traffic`).toBeGreaterThan(3);
  expect(labels.some((l) => /failed|失败/.test(l.text)), `${screen}: a label says requests fail ${JSON.stringify(labels)}`).toBe(true);
  for (const l of labels) expect(l.on, `${screen}: ${l.id} (“${l.text}”, ${l.form}) lies on no node`).toEqual([]);
}

/** The whole label is shown, above everything at its centre (what a student pointing at it sees). */
async function expectWholeAndOnTop(label: Locator, screen: string): Promise<void> {
  await expect.poll(async () => (await label.locator('.sl-edge-text').boundingBox())?.width ?? 0, { message: `${screen}: the whole label shows` }).toBeGreaterThan(30);
  const isOnTop = await label.evaluate((e) => {
    const r = e.getBoundingClientRect();
    return e.contains(document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2));
  });
  expect(isOnTop, `${screen}: nothing drawn over the label`).toBe(true);
}

test('lesson 1 failing at 1280×720: no traffic label lies under a node, the failures under the rate on the short users → balancer edge, in both languages and at 1440×900', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await runAndPause(page);
  // API instance 2 crashes at 10 s: until the balancer's health check takes it out, its requests fail.
  await seek(page, 11_000);
  await atEachLanguageAndSize(page, async (locale, tag) => {
    await expectLabelsClearOfNodes(page, `lesson 1 ${locale} ${tag}`);
    // The users → balancer label (70 px between the cards at 1280×720) keeps both figures, on two lines.
    const usersLb = page.getByTestId('traffic-users-lb');
    await expect(usersLb).toHaveAttribute('data-form', 'stacked');
    await expect(usersLb).toHaveText(locale === 'en' ? /^\d+\/s\d+% failed$/ : /^\d+\/秒\d+% 失败$/);
    await page.screenshot({ path: `test-results/screenshots/canvas-edge-labels-lesson1-${locale}-${tag}.png` });
  });
});

test('lesson 3 at 1280×720: where only the failures’ share fits between the balancer and an instance, the whole label shows above the nodes on hover and keyboard focus', async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await runLesson3Paused(page);
  // Round robin over instances that keep sessions in memory: requests fail from the start.
  await seek(page, 10_000);
  await expectLabelsClearOfNodes(page, 'lesson 3 en');
  const label = page.getByTestId('traffic-lb-api-1');
  await expect(label).toHaveAttribute('data-form', 'share');
  await expect(label.locator('.sl-edge-short')).toHaveText(/^\d+%$/);
  await page.screenshot({ path: 'test-results/screenshots/canvas-edge-share-lesson3-en-1280x720.png' });
  await label.hover();
  await expectWholeAndOnTop(label, 'lesson 3, hovered');
  await expect(label.locator('.sl-edge-text')).toHaveText(/^\d+\/s · \d+% failed$/);
  await page.screenshot({ path: 'test-results/screenshots/canvas-edge-share-hover-lesson3-en-1280x720.png' });
  await page.mouse.move(5, 700);
  // From the keyboard: Tab onto it from the label before.
  await page.getByTestId('traffic-users-lb').focus();
  await page.keyboard.press('Tab');
  await expect(label).toBeFocused();
  await expectWholeAndOnTop(label, 'lesson 3, focused');
  await label.blur();

  // In Chinese the failures' line is narrower ("33% 失败"): both figures fit between the cards, rate over failures.
  await pickLanguage(page, 'zh-CN');
  await expectLabelsClearOfNodes(page, 'lesson 3 zh-CN');
  await expect(label).toHaveAttribute('data-form', 'stacked');
  await expect(label).toHaveText(/^\d+\/秒\d+% 失败$/);
  await page.screenshot({ path: 'test-results/screenshots/canvas-edge-share-lesson3-zh-CN-1280x720.png' });
});
