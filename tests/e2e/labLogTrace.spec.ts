import { expect, test, type Page } from '@playwright/test';
import { atEachLanguageAndSize, forgetStudentWork, inside, runLesson3Paused, settled } from './helpers';

// What a student reads in the lab at 1280×720 (and 1440×900), in English and 简体中文: why requests
// failed, whole in the event log without hovering, and a request's trace beside the design it is about.
test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

/** Lesson 3's starter run to its end (the crash of API 2 at 12 s and the failures it brings), the results open. */
async function lesson3AtEnd(page: Page): Promise<void> {
  await page.setViewportSize({ width: 1280, height: 720 });
  await runLesson3Paused(page);
  await page.getByLabel('Timeline').fill('24000');
  const show = page.getByRole('button', { name: 'Show charts' });
  if (await show.isVisible()) await show.click();
  await expect(page.locator('#sl-results')).toBeVisible();
}

/** Why requests failed, as each language words lesson 3's failures: the reason after the colon is what a student needs. */
const REASONS = {
  en: [/fails requests with session lost: the users' sessions are not in its memory\.$/, /fails requests as down: API 2 is down\.$/],
  'zh-CN': [/的请求因会话丢失而失败：用户的会话不在它的内存中。$/, /的请求因宕机而失败：API 实例 2 已宕机。$/],
} as const;

test('every failed line of the event log reads its reason whole, without hovering, at 1280×720 and 1440×900 in English and 简体中文', async ({ page }) => {
  test.setTimeout(120_000);
  await lesson3AtEnd(page);
  const log = page.locator('.sl-eventlog');
  await atEachLanguageAndSize(page, async (locale, tag) => {
    const where = `${locale} at ${tag}`;
    const lines = log.locator('li[data-kind="failing"]');
    // The starter's three instances fail requests from the start; the balancer once API 2 is down.
    expect(await lines.count(), where).toBeGreaterThanOrEqual(4);
    for (const reason of REASONS[locale]) await expect(lines.filter({ hasText: reason }).first(), where).toBeAttached();
    for (let i = 0; i < (await lines.count()); i++) {
      const line = lines.nth(i);
      // In view in the log, as a student scrolls to it (below the title row that stays on top); the pointer away.
      await page.mouse.move(0, 0);
      await line.evaluate((li) => li.scrollIntoView({ block: 'center' }));
      const seen = await line.evaluate((li) => {
        const button = li.querySelector('button')!;
        const text = li.textContent ?? '';
        // The sentence's last character, where it is laid out: cut off by "…", it lay beyond the entry's right edge.
        let last: Text | undefined;
        const walker = document.createTreeWalker(button, NodeFilter.SHOW_TEXT);
        while (walker.nextNode()) if ((walker.currentNode as Text).data.trim() !== '') last = walker.currentNode as Text;
        const range = document.createRange();
        range.setStart(last!, last!.data.trimEnd().length - 1);
        range.setEnd(last!, last!.data.trimEnd().length);
        const end = range.getBoundingClientRect();
        const entry = button.getBoundingClientRect();
        const logBox = li.closest('.sl-eventlog')!.getBoundingClientRect();
        const head = li.closest('.sl-eventlog')!.querySelector('.sl-eventlog-head')!.getBoundingClientRect();
        const box = (r: DOMRect) => ({ x: r.x, y: r.y, width: r.width, height: r.height });
        return {
          text,
          overflows: button.scrollWidth > button.clientWidth || button.scrollHeight > button.clientHeight,
          end: box(end),
          entry: box(entry),
          shown: { x: logBox.x, y: head.bottom, width: logBox.width, height: logBox.bottom - head.bottom },
          window: { x: 0, y: 0, width: innerWidth, height: innerHeight },
        };
      });
      const what = `${where}: "${seen.text}"`;
      expect(seen.overflows, `${what} not cut off`).toBe(false);
      expect(inside(seen.end, seen.entry), `${what}: its last character ${JSON.stringify(seen.end)} inside the entry ${JSON.stringify(seen.entry)}`).toBe(true);
      expect(inside(seen.entry, seen.shown), `${what}: the entry ${JSON.stringify(seen.entry)} whole in the log ${JSON.stringify(seen.shown)}`).toBe(true);
      expect(inside(seen.entry, seen.window), `${what}: the entry inside the window`).toBe(true);
    }
    await lines.filter({ hasText: REASONS[locale][1] }).first().evaluate((li) => li.scrollIntoView({ block: 'center' }));
    await page.screenshot({ path: `${SHOTS}/lab-log-reasons-${locale}-${tag}.png` });
    await log.screenshot({ path: `${SHOTS}/lab-log-reasons-panel-${locale}-${tag}.png` });
  });
});

/** The canvas's pane below its toolbar must be at least this tall while a trace is open: lesson 3's design at its full size. */
const CANVAS_BESIDE_TRACE_PX = 340;
/** The design's zoom while a trace is open: below it a node's small print (its state, its sessions lost) is hard to read. */
const READABLE_ZOOM = 0.8;

test('with a request trace open, the canvas keeps lesson 3’s whole design readable above it, at 1280×720 and 1440×900 in English and 简体中文; Close gives the charts back', async ({ page }) => {
  test.setTimeout(120_000);
  await lesson3AtEnd(page);
  const footer = page.locator('.sl-footer');
  const benchBefore = (await footer.boundingBox())!.height;
  await page.getByTestId('trace-button').click();
  const panel = page.getByTestId('trace-panel');
  await panel.getByRole('button', { name: 'First failed request' }).click();
  const diagram = panel.getByTestId('sequence-diagram');
  await expect(diagram).toBeVisible({ timeout: 30_000 });
  await atEachLanguageAndSize(page, async (locale, tag) => {
    const where = `${locale} at ${tag}`;
    await settled(page);
    const pane = (await page.locator('.react-flow').boundingBox())!;
    expect(pane.height, `${where}: the canvas's height with the trace open`).toBeGreaterThanOrEqual(CANVAS_BESIDE_TRACE_PX);
    expect(pane.y + pane.height, `${where}: the canvas above the bench`).toBeLessThanOrEqual((await footer.boundingBox())!.y);
    const nodes = page.locator('.react-flow__node');
    await expect(nodes).toHaveCount(6);
    for (const n of await nodes.all()) {
      const box = (await n.boundingBox())!;
      expect(inside(box, pane), `${where}: node ${await n.getAttribute('data-id')} ${JSON.stringify(box)} inside the canvas ${JSON.stringify(pane)}`).toBe(true);
      // Drawn at least READABLE_ZOOM of its size: its laid-out width against its width on screen.
      const zoom = box.width / (await n.evaluate((e) => (e as HTMLElement).offsetWidth));
      expect(zoom, `${where}: node ${await n.getAttribute('data-id')} drawn at ${zoom.toFixed(2)} of its size`).toBeGreaterThanOrEqual(READABLE_ZOOM);
    }
    // The trace beside it: its tools, the request's head and the diagram's first message in view.
    await expect(panel.getByRole('button', { name: locale === 'en' ? 'Close trace' : /关闭/ }), where).toBeInViewport({ ratio: 1 });
    await expect(panel.getByTestId('trace-head'), where).toBeInViewport({ ratio: 1 });
    await expect(diagram.locator('[data-message="request"]').first(), where).toBeInViewport({ ratio: 1 });
    expect(await page.evaluate(() => document.scrollingElement!.scrollTop), `${where}: the page itself does not scroll`).toBe(0);
    await page.screenshot({ path: `${SHOTS}/lab-trace-canvas-${locale}-${tag}.png` });
  });
  // Close trace: the charts and the event log come back, in the bench as it was.
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await panel.getByRole('button', { name: 'Close trace' }).click();
  await expect(panel).toHaveCount(0);
  await expect(page.locator('.sl-chart').first()).toBeVisible();
  await expect(page.locator('.sl-eventlog')).toBeVisible();
  await expect.poll(async () => Math.abs((await footer.boundingBox())!.height - benchBefore)).toBeLessThan(2);
});
