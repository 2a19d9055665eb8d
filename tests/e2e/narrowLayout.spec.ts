/**
 * Everything fits from a 1100 px window to a 1440 px one, in English and in 简体中文: the header
 * stays one row with every control inside the window, the editor's toolbar one row beside a lesson,
 * the lab's Compare in view after a run, and Class results keeps its actions on the title's row at
 * 1280 px once a lesson is chosen. Each test measures the boxes a student would see cut off or
 * pushed to another row. Screenshots land in test-results/screenshots/narrow-*.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { writeClassSubmissions } from '../support/classSubmissions';
import { answerPredictions, forgetStudentWork, inside, node, openApp, pickLanguage, runLesson3Paused, saveAs, settled, type Box } from './helpers';

test.beforeEach(forgetStudentWork);

const SIZES = [
  { width: 1100, height: 700 },
  { width: 1280, height: 720 },
  { width: 1440, height: 900 },
] as const;
const LOCALES = ['en', 'zh-CN'] as const;

/** The boxes of `selector`'s matches that are shown (a hidden file input has no box). */
async function boxesOf(page: Page, selector: string): Promise<(Box & { text: string })[]> {
  return page.locator(selector).evaluateAll((els) =>
    els
      .filter((e) => e.checkVisibility())
      .map((e) => {
        const r = e.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height, text: (e.textContent ?? '').trim().slice(0, 30) };
      })
      .filter((b) => b.width > 0),
  );
}

/** No box runs into the next one along the row (a shrunk group's buttons spilled under its neighbour's). */
function apartAlongRow(boxes: readonly (Box & { text: string })[]): string[] {
  const sorted = [...boxes].sort((a, b) => a.x - b.x);
  return sorted.slice(1).flatMap((b, i) => (sorted[i]!.x + sorted[i]!.width > b.x + 0.5 ? [`"${sorted[i]!.text}" runs into "${b.text}"`] : []));
}

/** One row: the lowest top lies above the highest bottom (items of different heights are centred on the row). */
function isOneRow(boxes: readonly Box[]): boolean {
  return Math.max(...boxes.map((b) => b.y)) < Math.min(...boxes.map((b) => b.y + b.height));
}

async function setSize(page: Page, size: { width: number; height: number }): Promise<void> {
  await page.setViewportSize(size);
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

test('the header is one row with every control inside the window, and the lesson title keeps room, from 1100 to 1440 px', async ({ page }) => {
  await openApp(page);
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}px`;
      const controls = await boxesOf(page, '.sl-header button, .sl-header select, .sl-header .sl-brand, .sl-header .sl-filename, .sl-header .sl-lesson-title');
      expect(controls.length, where).toBeGreaterThan(10);
      // At 1100 px Studio and the language picker ran past the right edge (the page scrolled sideways).
      for (const c of controls) expect(c.x + c.width, `${where}: "${c.text}" ${JSON.stringify(c)}`).toBeLessThanOrEqual(size.width);
      expect(isOneRow(controls), `${where}: ${JSON.stringify(controls)}`).toBe(true);
      expect(apartAlongRow(controls), where).toEqual([]);
      expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), where).toBeLessThanOrEqual(size.width);
      // The lesson's title gives way first, but keeps a few letters (it was squeezed to nothing at 1100 px).
      const title = (await page.locator('.sl-header .sl-lesson-title').boundingBox())!;
      expect(title.width, `${where}: the lesson title is ${title.width} px wide`).toBeGreaterThanOrEqual(40);
      // "Untitled" reads whole: the title gives way first.
      expect(await page.getByTestId('file-name').evaluate((e) => e.scrollWidth <= e.clientWidth), `${where}: the file name is whole`).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/narrow-header-${locale}-${size.width}x${size.height}.png` });
    }
    await setSize(page, SIZES[1]);
  }
});

test('beside a lesson at 1100 px, the editor toolbar stays one row with Shortcuts in it', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  // The lesson column is open and the components panel a rail of icons (as a narrow window starts).
  await expect(page.locator('.sl-lesson')).toBeVisible();
  await expect(page.locator('button[data-panel="palette"]')).toHaveAttribute('aria-expanded', 'false');
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    const items = await boxesOf(page, '.sl-toolbar > *');
    expect(items.length).toBeGreaterThan(4);
    // Shortcuts went to a second row, taking 33 px of canvas height.
    expect(isOneRow(items), `${locale}: ${JSON.stringify(items)}`).toBe(true);
    const bar = (await page.locator('.sl-toolbar').boundingBox())!;
    for (const item of items) expect(item.x + item.width, `${locale}: "${item.text}" inside the toolbar`).toBeLessThanOrEqual(bar.x + bar.width);
    // Still named in words: the connection kind's select and the Shortcuts button.
    await expect(page.locator('.sl-toolbar select')).toHaveAccessibleName(locale === 'en' ? 'Connection kind' : /连接/);
    await expect(page.getByRole('button', { name: locale === 'en' ? 'Shortcuts' : '快捷键', exact: true })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/narrow-toolbar-${locale}-1100x700.png` });
  }
});

/** Opens the studio on a copy of the built-in pack (its first lesson on the canvas). */
async function openStudio(page: Page, packId: string): Promise<void> {
  rmSync(path.join(E2E_DATA_DIR, 'studio', packId), { recursive: true, force: true });
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Narrow pack');
  await start.getByTestId('new-pack-id').fill(packId);
  await start.locator('select').selectOption('stateless-vs-stateful');
  await start.getByRole('button', { name: /Duplicate/ }).click();
  await expect(page.getByTestId('studio-panel')).toBeVisible();
}

/**
 * The toolbar is one row inside its bar, and Snap to grid and Shortcuts are in it or, when the
 * canvas is too narrow for them, in its More menu (checked by opening it).
 */
async function expectToolbarFits(page: Page, where: string, locale: (typeof LOCALES)[number]): Promise<void> {
  const items = await boxesOf(page, '.sl-toolbar > *');
  expect(items.length, where).toBeGreaterThanOrEqual(5);
  expect(isOneRow(items), `${where}: ${JSON.stringify(items)}`).toBe(true);
  expect(apartAlongRow(items), where).toEqual([]);
  const bar = (await page.locator('.sl-toolbar').boundingBox())!;
  for (const item of items) expect(item.x + item.width, `${where}: "${item.text}" inside the toolbar`).toBeLessThanOrEqual(bar.x + bar.width);
  const toolbar = page.getByRole('toolbar', { name: locale === 'en' ? 'Edit' : '编辑' });
  // Undo, Redo and Layout keep their words as names (an icon stands for them on a narrow canvas).
  for (const name of locale === 'en' ? ['Undo', 'Redo', 'Layout'] : ['撤销', '重做', '布局']) await expect(toolbar.getByRole('button', { name, exact: true }), where).toBeVisible();
  const snap = locale === 'en' ? 'Snap to grid' : '对齐网格';
  const more = toolbar.getByRole('button', { name: locale === 'en' ? 'More' : '更多', exact: true });
  if (await more.isVisible()) {
    await more.click();
    const menu = page.getByRole('menu');
    await expect(menu.getByRole('menuitemcheckbox', { name: snap }), where).toBeVisible();
    await expect(menu.getByRole('menuitem', { name: locale === 'en' ? 'Keyboard shortcuts' : '键盘快捷键' }), where).toBeVisible();
    // The menu opens over the canvas, not cut off by the window or under the panels beside it.
    const m = (await menu.boundingBox())!;
    const canvas = (await page.locator('.sl-canvas').boundingBox())!;
    expect(m.x, where).toBeGreaterThanOrEqual(canvas.x);
    expect(m.x + m.width, where).toBeLessThanOrEqual(canvas.x + canvas.width);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();
  } else {
    await expect(toolbar.getByRole('checkbox', { name: snap }), where).toBeVisible();
    await expect(toolbar.getByRole('button', { name: locale === 'en' ? 'Shortcuts' : '快捷键', exact: true }), where).toBeVisible();
  }
}

test('with the lesson and the components panel open, the editor toolbar is one row from 1100 to 1440 px, what does not fit in its More menu', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await page.locator('button[data-panel="palette"]').click();
  await expect(page.locator('button[data-panel="palette"]')).toHaveAttribute('aria-expanded', 'true');
  await expect(page.locator('.sl-lesson')).toBeVisible();
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      // In English at 1100 px Shortcuts went to a second row.
      await expectToolbarFits(page, `${locale} at ${size.width}px`, locale);
      await page.screenshot({ path: `test-results/screenshots/narrow-toolbar-lesson-palette-${locale}-${size.width}x${size.height}.png` });
    }
    await setSize(page, SIZES[0]);
  }
});

test('with the studio, the components and the properties panel open, the editor toolbar is one row from 1100 to 1440 px, and its More menu works', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(SIZES[1]);
  await openApp(page);
  await openStudio(page, 'narrow-toolbar');
  const palette = page.locator('button[data-panel="palette"]');
  if ((await palette.getAttribute('aria-expanded')) === 'false') await palette.click();
  await expect(palette).toHaveAttribute('aria-expanded', 'true');
  // The properties panel open too (the author opened its rail, or has a node selected): the narrowest canvas.
  const properties = page.locator('button[data-panel="properties"]');
  if ((await properties.getAttribute('aria-expanded')) === 'false') await properties.click();
  await expect(properties).toHaveAttribute('aria-expanded', 'true');
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      // At 1100 px the canvas is 290 px wide: Snap to grid and Shortcuts went to a second row (in English a third).
      await expectToolbarFits(page, `${locale} at ${size.width}px`, locale);
      await page.screenshot({ path: `test-results/screenshots/narrow-toolbar-studio-palette-${locale}-${size.width}x${size.height}.png` });
    }
  }
  // In its More menu, Snap to grid turns snapping on and off and Keyboard shortcuts opens the help.
  await setSize(page, SIZES[0]);
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  const more = page.getByRole('button', { name: 'More', exact: true });
  await more.click();
  const snap = page.getByRole('menuitemcheckbox', { name: 'Snap to grid' });
  const was = await snap.getAttribute('aria-checked');
  await page.screenshot({ path: 'test-results/screenshots/narrow-toolbar-more-menu-en-1100x700.png' });
  await snap.click();
  await expect(page.getByRole('menu')).toHaveCount(0);
  await setSize(page, SIZES[2]);
  await expect(page.getByRole('checkbox', { name: 'Snap to grid' })).toBeChecked({ checked: was !== 'true' });
  await setSize(page, SIZES[0]);
  await more.click();
  await expect(page.getByRole('menuitemcheckbox', { name: 'Snap to grid' })).toHaveAttribute('aria-checked', was === 'true' ? 'false' : 'true');
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('menuitem', { name: 'Keyboard shortcuts' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toHaveCount(0);
  await expect(more).toBeFocused();
});

test('after a run, Compare… and every headline number stay in view, the numbers in the results head, from 1100 to 1440 px', async ({ page }) => {
  await runLesson3Paused(page);
  await expect(page.getByTestId('trace-hash')).toBeVisible();
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}px`;
      const head = (await page.locator('.sl-labbench-head').boundingBox())!;
      // Compare… sits beside the chart picker, atop the side column (it shared the head with the numbers).
      const compare = (await page.locator('.sl-labbench-tools > button').boundingBox())!;
      // At 1100 px Compare… lay wholly past the head's right edge, clipped away by the bench.
      const bench = (await page.locator('.sl-labbench').boundingBox())!;
      expect(compare.x + compare.width, `${where}: Compare… ${JSON.stringify(compare)} inside the bench ${JSON.stringify(bench)}`).toBeLessThanOrEqual(bench.x + bench.width + 0.5);
      expect(compare.y + compare.height, `${where}: Compare… inside the window`).toBeLessThanOrEqual(size.height);
      const metrics = await boxesOf(page, '.sl-labbench-head .sl-metric');
      expect(metrics.length, where).toBe(5);
      for (const m of metrics) {
        expect(m.x + m.width, `${where}: "${m.text}" inside the head ${JSON.stringify(head)}`).toBeLessThanOrEqual(head.x + head.width + 0.5);
        // A number reads beside its label, as the others do: the trace hash stood in a column of its own (it shared the request trace panel's class).
        expect(m.height, `${where}: "${m.text}" on one line`).toBeLessThan(30);
      }
      await page.screenshot({ path: `test-results/screenshots/narrow-results-head-${locale}-${size.width}x${size.height}.png` });
    }
    await setSize(page, SIZES[1]);
  }
});

test('after a run with an injected fault, the lab’s side column shows its event log (five entries or more from 1280×720) and the injected fault inside the bench, from 1100 to 1440 px', async ({ page }) => {
  test.setTimeout(90_000);
  await runLesson3Paused(page);
  await node(page, 'api-1').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Inject a fault' }).getByRole('menuitem', { name: 'Crash', exact: true }).click();
  // The student's fault (lesson 3's own crash is listed from the start).
  const injected = page.locator('.sl-injected-own li').first();
  await expect(injected).toBeAttached({ timeout: 30_000 });
  // The run with the fault has come back (while it runs, the bar holds Cancel and its progress).
  await expect(page.getByRole('button', { name: 'Cancel' })).toHaveCount(0, { timeout: 60_000 });
  // The cursor at the run's end: the log holds all its entries (over a dozen).
  await page.getByLabel('Timeline').fill('24000');
  expect(await page.locator('.sl-eventlog li').count()).toBeGreaterThan(8);
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}×${size.height}`;
      await page.locator('.sl-labbench-side').evaluate((e) => e.scrollTo(0, 0));
      const side = (await page.locator('.sl-labbench-side').boundingBox())!;
      expect(side.y + side.height, `${where}: the side column inside the window`).toBeLessThanOrEqual(size.height);
      // At 1280×720 the event log's 96 px pushed the injected faults wholly below the window.
      if (size.width >= 1280) {
        expect(await page.locator('.sl-labbench-side').evaluate((e) => e.scrollHeight - e.clientHeight), `${where}: the side column needs no scrolling`).toBeLessThanOrEqual(1);
        for (const part of await boxesOf(page, '.sl-labbench-side > *')) expect(part.y + part.height, `${where}: "${part.text}" ${JSON.stringify(part)} inside the side column ${JSON.stringify(side)}`).toBeLessThanOrEqual(side.y + side.height + 0.5);
      }
      // From 1280×720 the log shows at least five entries whole below its title row (it showed one, then none once
      // the rows wrapped), beside the injected fault; the cursor stands at the run's end, so every entry is reached.
      if (size.width >= 1280) {
        const whole = await page.locator('.sl-eventlog').evaluate((log) => {
          const bottom = log.getBoundingClientRect().bottom;
          // Below the title row where it stays in view as the log scrolls, else below the log's top edge.
          const head = log.querySelector('.sl-eventlog-head');
          const below = head ? head.getBoundingClientRect().bottom : log.getBoundingClientRect().top;
          return [...log.querySelectorAll('li')].filter((li) => {
            const r = li.getBoundingClientRect();
            return r.top >= below - 0.5 && r.bottom <= bottom + 0.5 && r.height > 0;
          }).length;
        });
        expect(whole, `${where}: event log entries whole in view`).toBeGreaterThanOrEqual(5);
        // The last entry reached stays in view as the window changes size (the log kept its old place, the latest entries below it).
        await expect(page.locator('.sl-eventlog li').last(), `${where}: the last entry reached`).toBeInViewport({ ratio: 1 });
        const last = (await page.locator('.sl-eventlog li').last().boundingBox())!;
        const log = (await page.locator('.sl-eventlog').boundingBox())!;
        expect(last.y + last.height, `${where}: the last entry inside the log`).toBeLessThanOrEqual(log.y + log.height + 0.5);
      }
      // From 1280×720 both show as the bench opens; in the 1100×700 window's smaller bench the column scrolls to them.
      if (size.width < 1280) await injected.scrollIntoViewIfNeeded();
      await expect(injected, where).toBeInViewport({ ratio: 1 });
      if (size.width < 1280) await page.locator('.sl-eventlog h3').scrollIntoViewIfNeeded();
      await expect(page.locator('.sl-eventlog h3'), where).toBeInViewport({ ratio: 1 });
      expect(await page.evaluate(() => document.scrollingElement!.scrollTop), `${where}: the page itself does not scroll`).toBe(0);
      await page.screenshot({ path: `test-results/screenshots/narrow-lab-side-${locale}-${size.width}x${size.height}.png` });
    }
    await setSize(page, SIZES[1]);
  }
});

/** Lessons run in the student's default layout: lesson 5 (ten nodes) and the capstone (thirteen), each stopped mid-run. */
const RUN_LESSONS = [
  { id: 'scaling-out', nodes: 10, atMs: 12_000 },
  { id: 'capstone', nodes: 13, atMs: 12_000 },
] as const;

/**
 * What a student sees right after Run: the first row's first chart whole with its x axis's labels, inside the
 * window and not clipped by the charts' scrolling box; five event-log entries whole below its title row (three where they wrap and the bench can grow no more); every
 * node of the design inside the visible canvas; the page itself not scrolled.
 */
async function expectRunReadable(page: Page, where: string, size: { width: number; height: number }): Promise<void> {
  const charts = (await page.locator('.sl-labbench-charts').boundingBox())!;
  const chart = page.locator('.sl-chart').first();
  const figure = (await chart.boundingBox())!;
  const plot = (await chart.locator('.sl-chart-plotbox').boundingBox())!;
  // The plot's box holds uPlot's canvas, its x axis's labels along the bottom 24 px: they are drawn.
  await expect(chart.locator('.sl-chart-plot'), where).toHaveAttribute('data-x-ticks', /\d/);
  // At 1280×720 the charts' box ended 151 px below its top and the first chart's plot ran 100 px further (lesson 5).
  expect(inside(plot, charts), `${where}: the first chart's plot ${JSON.stringify(plot)} inside the charts' box ${JSON.stringify(charts)}`).toBe(true);
  expect(inside(figure, charts), `${where}: the first chart ${JSON.stringify(figure)} whole`).toBe(true);
  expect(plot.y + plot.height, `${where}: the first chart's x axis inside the window`).toBeLessThanOrEqual(size.height);
  expect(await page.locator('.sl-labbench-charts').evaluate((e) => e.scrollTop), `${where}: the charts are not scrolled`).toBe(0);
  // The log, scrolled to the cursor's entry as it is after Run: three entries showed, the first cut in half.
  const whole = await page.locator('.sl-eventlog').evaluate((log) => {
    const bottom = log.getBoundingClientRect().bottom;
    const below = log.querySelector('.sl-eventlog-head')!.getBoundingClientRect().bottom;
    const shown = [...log.querySelectorAll('li')].filter((li) => {
      const r = li.getBoundingClientRect();
      return r.top >= below - 0.5 && r.bottom <= bottom + 0.5 && r.height > 0;
    });
    return shown.length;
  });
  // Five entries whole. An entry wraps rather than cut its reason off, and the bench grows for the last five up to half
  // the split: where it is at its most and they take two lines each (lesson 5 in 简体中文 with the properties panel
  // and the stale-run note), three whole ones and the log scrolls to the rest.
  const split = (await page.locator('.sl-split').boundingBox())!.height;
  const isBenchAtMost = (await page.locator('.sl-footer').boundingBox())!.height >= split / 2 - 6;
  expect(whole, `${where}: event log entries whole in view${isBenchAtMost ? ', the bench at its most' : ''}`).toBeGreaterThanOrEqual(isBenchAtMost ? 3 : 5);
  await expect(page.locator('.sl-eventlog'), where).toBeInViewport({ ratio: 1 });
  await expect(page.locator('.sl-injected'), where).toBeInViewport({ ratio: 1 });
  // Every node of the design inside the canvas left above the bench.
  const pane = (await page.locator('.react-flow').boundingBox())!;
  expect(pane.y + pane.height, `${where}: the canvas above the bench`).toBeLessThanOrEqual((await page.locator('.sl-footer').boundingBox())!.y);
  for (const n of await page.locator('.react-flow__node').all()) {
    const box = (await n.boundingBox())!;
    expect(inside(box, pane), `${where}: node ${await n.getAttribute('data-id')} ${JSON.stringify(box)} inside the canvas ${JSON.stringify(pane)}`).toBe(true);
  }
  expect(await page.evaluate(() => document.scrollingElement!.scrollTop), `${where}: the page itself does not scroll`).toBe(0);
}

const RUN_WORDS = {
  en: { lesson: 'Lesson', run: /Run/, pause: 'Pause', timeline: 'Timeline', hide: 'Hide charts', show: 'Show charts' },
  'zh-CN': { lesson: '课程', run: /运行/, pause: '暂停', timeline: '时间轴', hide: '隐藏图表', show: '显示图表' },
} as const;

// One walk for both languages (it was one per language, the same runs twice): each lesson is run in
// one of them, by its words, and every screen on the way is checked and shot in both.
test(`right after Run at 1280×720 beside the lesson, the first row of charts shows whole, five log entries and every node (en and zh-CN), and at 1440×900`, async ({ page }) => {
  test.setTimeout(150_000);
  await page.setViewportSize(SIZES[1]);
  await openApp(page);
  for (const [i, lesson] of RUN_LESSONS.entries()) {
    const locale = LOCALES[i % LOCALES.length]!;
    const words = RUN_WORDS[locale];
    /** The run as it is now, readable in the other language and then in this lesson's, with a screenshot of each when `shot` names it. */
    const readableInBoth = async (where: string, size: { width: number; height: number }, shot?: (locale: string) => string) => {
      for (const shown of [...LOCALES.filter((l) => l !== locale), locale]) {
        await pickLanguage(page, shown);
        await settled(page);
        await expectRunReadable(page, `${lesson.id}, ${shown} ${where}`, size);
        if (shot) await page.screenshot({ path: shot(shown) });
      }
    };
    await pickLanguage(page, locale);
    await page.getByRole('combobox', { name: words.lesson, exact: true }).selectOption(lesson.id);
    await expect(page.locator('.react-flow__node')).toHaveCount(lesson.nodes);
    await setSize(page, SIZES[1]);
    // The student's default layout: the lesson open, the components a rail, and the properties a
    // rail until something is selected.
    await expect(page.locator('.sl-lesson')).toBeVisible();
    await expect(page.locator('.sl-panel-toggle[data-panel="properties"]')).toHaveAttribute('aria-expanded', 'false');
    await answerPredictions(page);
    await page.getByRole('button', { name: words.run }).click();
    const pause = page.getByRole('button', { name: words.pause, exact: true });
    await expect(pause).toBeVisible({ timeout: 30_000 });
    await pause.click();
    await page.getByLabel(words.timeline).fill(String(lesson.atMs));
    // Mid-run: entries before the cursor, the "more later" line under them.
    expect(await page.locator('.sl-eventlog li').count(), `${lesson.id}: entries before the cursor`).toBeGreaterThanOrEqual(5);
    await expect(page.getByTestId('events-later')).toBeVisible();
    await readableInBoth('at 1280×720', SIZES[1], (shown) => `test-results/screenshots/bench-fit-${lesson.id}-${shown}-1280x720.png`);
    if (lesson.id === 'scaling-out') {
      // An edit after the run: the note saying so pushes the results down, and the bench grows by its height.
      await node(page, 'api-3').click();
      await page.keyboard.press('Delete');
      await expect(page.getByTestId('run-stale')).toBeVisible();
      await readableInBoth('at 1280×720, the stale-run note shown', SIZES[1], (shown) => `test-results/screenshots/bench-fit-stale-note-${shown}-1280x720.png`);
    }
    // Hide charts folds the bench to its strip and gives the canvas the height back; Show charts opens it as it was.
    const canvas = page.locator('.react-flow');
    const open = (await canvas.boundingBox())!.height;
    await page.getByRole('button', { name: words.hide }).click();
    await expect(page.locator('#sl-results')).toBeHidden();
    await expect.poll(async () => (await canvas.boundingBox())!.height).toBeGreaterThan(open + 150);
    await page.getByRole('button', { name: words.show }).click();
    await expect(page.locator('#sl-results')).toBeVisible();
    await readableInBoth('at 1280×720, the charts shown again', SIZES[1]);
    await setSize(page, SIZES[2]);
    await readableInBoth('at 1440×900', SIZES[2], (shown) => `test-results/screenshots/bench-fit-${lesson.id}-${shown}-1440x900.png`);
  }
  // The split moves from the keyboard, and a size the student chose is theirs: a window resized and back does not grow the bench again.
  await setSize(page, SIZES[1]);
  const footer = page.locator('.sl-footer');
  const fitted = (await footer.boundingBox())!.height;
  await page.getByRole('separator').focus();
  await page.keyboard.press('ArrowDown');
  await expect.poll(async () => (await footer.boundingBox())!.height).toBeLessThan(fitted - 20);
  const chosen = (await footer.boundingBox())!.height;
  await setSize(page, SIZES[0]);
  await setSize(page, SIZES[1]);
  await settled(page);
  expect(Math.abs((await footer.boundingBox())!.height - chosen), `the bench stays at the student's ${chosen} px`).toBeLessThan(2);
  // What no longer fits scrolls, and the charts' box takes the keyboard to scroll it.
  expect(await page.locator('.sl-labbench-charts').evaluate((e) => e.scrollHeight > e.clientHeight && e.tabIndex === 0)).toBe(true);
});

test('the fault menu of a node low on the canvas stays whole inside the window, at 1280×720 and 1100×700 in 简体中文', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(SIZES[1]);
  await runLesson3Paused(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  // The properties panel open first (a selection opens it, and the design refits once), so the drag
  // below selects API 3 without moving the design away from where it was put.
  await node(page, 'api-3').click();
  await expect(page.getByRole('complementary', { name: '属性' })).toBeVisible();
  for (const size of SIZES.slice(0, 2)) {
    await setSize(page, size);
    await settled(page);
    // API 3 dragged to the canvas's bottom edge, just above the lab bench.
    const canvas = (await page.locator('.react-flow__pane').boundingBox())!;
    const card = (await node(page, 'api-3').boundingBox())!;
    await page.mouse.move(card.x + card.width / 2, card.y + card.height / 2);
    await page.mouse.down();
    await page.mouse.move(card.x + card.width / 2, canvas.y + canvas.height - card.height / 2 - 4, { steps: 8 });
    await page.mouse.up();
    const low = (await node(page, 'api-3').boundingBox())!;
    await page.mouse.click(low.x + low.width / 2, low.y + low.height - 4, { button: 'right' });
    const menu = page.getByRole('menu', { name: '注入故障' });
    await expect(menu).toBeVisible();
    const box = (await menu.boundingBox())!;
    // Its items ran past the window's bottom edge: a service's ten faults from 470 px down in a 720 px window.
    expect(box.y + box.height, `at ${size.width}px: the menu ${JSON.stringify(box)}`).toBeLessThanOrEqual(size.height);
    expect(box.y, `at ${size.width}px`).toBeGreaterThanOrEqual(0);
    for (const item of await menu.getByRole('menuitem').all()) await expect(item, `at ${size.width}px`).toBeInViewport({ ratio: 1 });
    await page.screenshot({ path: `test-results/screenshots/narrow-fault-menu-low-zh-CN-${size.width}x${size.height}.png` });
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
  }
});

test('the keyboard shortcuts help shows its heading, every key and Close without scrolling, from 1100×700 to 1440×900 in both languages', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    await page.locator('body').focus();
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: locale === 'en' ? 'Keyboard shortcuts' : '键盘快捷键' });
    await expect(help).toBeVisible();
    for (const size of SIZES) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}×${size.height}`;
      // In one column the list was taller than the dialog: it opened scrolled to Close, its heading out of view.
      expect(await help.evaluate((d) => d.scrollHeight - d.clientHeight), `${where}: the help scrolls`).toBeLessThanOrEqual(1);
      await expect(help.getByRole('heading'), where).toBeInViewport({ ratio: 1 });
      await expect(help.locator('kbd').last(), where).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `test-results/screenshots/narrow-help-${locale}-${size.width}x${size.height}.png` });
    }
    await page.keyboard.press('Escape');
    await setSize(page, SIZES[0]);
  }
});

test('class results: with a lesson chosen, the actions share the title’s row at 1280 px and stay inside the dialog from 1100 to 1440 px', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-narrow-class-'));
  await writeClassSubmissions(dir, 4);
  await page.setViewportSize(SIZES[1]);
  await openApp(page);
  await page.getByRole('button', { name: 'Class results' }).click();
  // Found by its class: its name changes with the language.
  const dialog = page.locator('.sl-class-dialog[role="dialog"]');
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toBeVisible({ timeout: 90_000 });
  await expect(dialog.getByTestId('class-lesson')).toBeVisible();
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}px`;
      const box = (await dialog.boundingBox())!;
      const title = (await dialog.locator('.sl-class-header h2').boundingBox())!;
      const lesson = (await dialog.getByTestId('class-lesson').boundingBox())!;
      const actions = await boxesOf(page, '.sl-class-actions > *');
      expect(actions.length, where).toBe(4);
      for (const a of actions) expect(a.x + a.width, `${where}: "${a.text}" inside the dialog`).toBeLessThanOrEqual(box.x + box.width);
      // The lesson picker stays on the title's row, and it names the whole lesson (no cut-off words).
      expect(isOneRow([title, lesson]), `${where}: lesson picker ${JSON.stringify(lesson)} beside the title ${JSON.stringify(title)}`).toBe(true);
      expect(await dialog.getByTestId('class-lesson').evaluate((s: HTMLSelectElement) => s.scrollWidth <= s.clientWidth), where).toBe(true);
      // From 1280 px the actions are on that row too (in English they dropped to a row of their own below it).
      if (size.width >= 1280) expect(isOneRow([title, lesson, ...actions]), `${where}: ${JSON.stringify(actions)}`).toBe(true);
      await page.screenshot({ path: `test-results/screenshots/narrow-class-${locale}-${size.width}x${size.height}.png` });
    }
    await setSize(page, SIZES[1]);
  }
});

test('the studio’s live verification heads a wrong answer’s column in at most two lines, its name in the tooltip, at 1100 and 1280 px', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'narrow-studio'), { recursive: true, force: true });
  await page.setViewportSize(SIZES[1]);
  await openApp(page);
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Narrow pack');
  await start.getByTestId('new-pack-id').fill('narrow-studio');
  await start.locator('select').selectOption('stateless-vs-stateful');
  await start.getByRole('button', { name: /Duplicate/ }).click();
  const verify = page.getByTestId('studio-panel').getByTestId('verify-panel');
  await verify.getByRole('spinbutton').fill('1');
  const wrong = verify.locator('th[data-design^="wrong:"]').first();
  await expect(wrong).toBeVisible({ timeout: 90_000 });
  const name = (await wrong.textContent())!.trim();
  expect(name.length, 'lesson 1 has a wrong answer named in a sentence').toBeGreaterThan(60);
  await expect(wrong).toHaveAttribute('title', name);
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of SIZES.slice(0, 2)) {
      await setSize(page, size);
      const where = `${locale} at ${size.width}px`;
      const lineHeight = await wrong.locator('span').evaluate((s) => parseFloat(getComputedStyle(s).lineHeight) || parseFloat(getComputedStyle(s).fontSize) * 1.2);
      const head = (await wrong.boundingBox())!;
      // It stood eight lines tall in a column 90 px wide, and the rows below it out of the panel's view.
      expect(head.height, `${where}: the header is ${head.height} px tall, a line is ${lineHeight} px`).toBeLessThan(2.6 * lineHeight + 6);
      const panel = (await verify.boundingBox())!;
      const firstRow = (await verify.locator('tbody tr').first().boundingBox())!;
      expect(firstRow.y + firstRow.height, `${where}: the first check's row shows in the panel`).toBeLessThanOrEqual(panel.y + panel.height);
      await page.screenshot({ path: `test-results/screenshots/narrow-studio-verify-${locale}-${size.width}x${size.height}.png` });
    }
  }
});

test('the Step readout under the timeline covers neither the results head nor the note above it, from 1100 to 1440 px', async ({ page }) => {
  test.setTimeout(90_000);
  await runLesson3Paused(page);
  await page.getByRole('button', { name: 'Step', exact: true }).click();
  const readout = page.getByTestId('step-readout');
  await expect(readout).toHaveAttribute('data-state', 'event', { timeout: 60_000 });
  const overlaps = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
  for (const size of SIZES) {
    await setSize(page, size);
    const where = `at ${size.width}px`;
    const text = (await readout.boundingBox())!;
    // What lies below the playback bar: the stale-run or graded-view note when shown, and the results head.
    for (const below of await boxesOf(page, '.sl-graded-note, .sl-labbench-head .sl-summary-scope, .sl-labbench-head .sl-metric')) {
      expect(overlaps(text, below), `${where}: the readout ${JSON.stringify(text)} covers "${below.text}" ${JSON.stringify(below)}`).toBe(false);
    }
    await page.screenshot({ path: `test-results/screenshots/narrow-step-readout-${size.width}x${size.height}.png` });
  }
});

test('at 1280×720 beside a lesson the timeline leaves room to scrub and the Step readout reads whole, in English and in 简体中文', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize(SIZES[1]);
  await runLesson3Paused(page);
  for (const locale of LOCALES) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    await page.getByRole('button', { name: locale === 'en' ? 'Step' : '单步', exact: true }).click();
    const readout = page.getByTestId('step-readout');
    await expect(readout).toHaveAttribute('data-state', 'event', { timeout: 60_000 });
    // The slider was 75 px wide (lesson 3's two fault markers nearly touching); the readout hung under it alone,
    // so "1.359723 s · response delivered to API 1" read "1.359723 s · response deli…".
    const slider = (await page.getByRole('slider').boundingBox())!;
    expect(slider.width, `${locale}: the timeline's slider is ${slider.width} px wide`).toBeGreaterThanOrEqual(120);
    const text = (await readout.textContent())!;
    expect(await readout.evaluate((e) => e.scrollWidth <= e.clientWidth), `${locale}: "${text}" whole`).toBe(true);
    expect(text).toMatch(locale === 'en' ? / · [a-z]+ .*\w/ : / · .*[\u4e00-\u9fff]/);
    await page.screenshot({ path: `test-results/screenshots/narrow-lab-timeline-${locale}-1280x720.png` });
  }
  await page.setViewportSize(SIZES[2]);
  await expect(page.getByTestId('step-readout')).toBeVisible();
  await page.screenshot({ path: 'test-results/screenshots/narrow-lab-timeline-zh-CN-1440x900.png' });
});

test('a design saved under a long name keeps the header inside the window, the name cut with its whole self in the tooltip', async ({ page }) => {
  const name = 'capstone-review-with-two-regions-and-a-session-store-final-version';
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await saveAs(page, name);
  for (const size of SIZES) {
    await setSize(page, size);
    const where = `at ${size.width}px`;
    const controls = await boxesOf(page, '.sl-header button, .sl-header select, .sl-header .sl-filename, .sl-header .sl-lesson-title');
    for (const c of controls) expect(c.x + c.width, `${where}: "${c.text}" ${JSON.stringify(c)}`).toBeLessThanOrEqual(size.width);
    expect(isOneRow(controls), where).toBe(true);
    expect(apartAlongRow(controls), where).toEqual([]);
    expect(await page.evaluate(() => document.scrollingElement!.scrollWidth), where).toBeLessThanOrEqual(size.width);
    await expect(page.getByTestId('file-name')).toHaveAttribute('title', name);
  }
  await setSize(page, SIZES[0]);
  await page.screenshot({ path: 'test-results/screenshots/narrow-header-long-name-1100x700.png' });
  // Compare… lists it: the picker gives way, not the button (对比 broke as 对 / 比 beside the long name).
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: '对比…' }).click();
  const dialog = page.locator('.sl-compare[role="dialog"]');
  await expect(dialog.getByRole('combobox')).toHaveAttribute('title', name);
  for (const size of SIZES) {
    await setSize(page, size);
    const box = (await dialog.boundingBox())!;
    const button = dialog.locator('.sl-compare-pick > button');
    const b = (await button.boundingBox())!;
    const lineHeight = await button.evaluate((e) => parseFloat(getComputedStyle(e).lineHeight) || parseFloat(getComputedStyle(e).fontSize) * 1.2);
    expect(b.height, `at ${size.width}px: the compare button ${JSON.stringify(b)} on one line`).toBeLessThan(2 * lineHeight);
    expect(b.x + b.width, `at ${size.width}px: the compare button inside the dialog`).toBeLessThanOrEqual(box.x + box.width);
    // Nor its label, 变体 (it broke as 变 / 体 once the picker gave way).
    const pick = await boxesOf(page, '.sl-compare-pick > label, .sl-compare-pick select, .sl-compare-pick > button');
    expect(isOneRow(pick), `at ${size.width}px: ${JSON.stringify(pick)}`).toBe(true);
    expect(Math.max(...pick.map((p) => p.height)), `at ${size.width}px: ${JSON.stringify(pick)}`).toBeLessThan(2 * lineHeight);
  }
  await page.screenshot({ path: 'test-results/screenshots/narrow-compare-long-name-zh-CN-1440x900.png' });
});

test('beside a lesson, the components panel keeps each Chinese kind name on one line (负载均衡器 broke as 负载均衡 / 器)', async ({ page }) => {
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const palette = page.locator('button[data-panel="palette"]');
  if ((await palette.getAttribute('aria-expanded')) === 'false') await palette.click();
  await expect(page.locator('.sl-palette-item span').first()).toBeVisible();
  for (const size of SIZES) {
    await setSize(page, size);
    const names = await page.locator('.sl-palette-item span').evaluateAll((spans) =>
      spans.map((s) => {
        const range = document.createRange();
        range.selectNodeContents(s);
        const tops = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
        const item = s.closest('button')!.getBoundingClientRect();
        const text = s.getBoundingClientRect();
        return { name: s.textContent, lines: tops.size, inside: text.right <= item.right + 0.5 };
      }),
    );
    expect(names.length).toBeGreaterThan(2);
    for (const n of names) {
      expect(n.lines, `at ${size.width}px: ${n.name} on one line`).toBe(1);
      expect(n.inside, `at ${size.width}px: ${n.name} inside its button`).toBe(true);
    }
    await page.screenshot({ path: `test-results/screenshots/narrow-palette-zh-CN-${size.width}x${size.height}.png` });
  }
});
