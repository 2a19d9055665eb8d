import { expect, test, type Page } from '@playwright/test';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { node, openApp } from './helpers';

const zh = ZH_CN;

/**
 * Words that may stay in Latin letters on a Chinese screen: node ids and labels come from the
 * lesson data (added per page), units, key names, file formats, proper names and the course's
 * English abbreviations.
 */
const ALLOWED = /\b(ms|s|req|p50|p99|PNG|SVG|CSV|JSON|zip|API|Ctrl|Shift|Tab|Enter|Esc|Escape|Space|Delete|Backspace|StateLab|English|LRU|Zipf|GC|etcd|ZooKeeper|M\/M\/c|npm|run|grade|cat|factor|latencyFactor|drain|false)\b/g;

/**
 * Every visible text on the page that still reads as English once the allowed words, the design's
 * node ids and labels, the lab's fault ids, and numbers are taken out (event-log sentences included).
 */
async function englishOnScreen(page: Page): Promise<string[]> {
  const texts = await page.evaluate(() => {
    // Data, not words: key names, node labels, the trace hash, saved designs' names.
    const skip = 'kbd, .sl-node-label, [data-testid="trace-hash"], .sl-lesson-body code, .sl-compare-pick select, .sl-compare-table th:nth-child(3), ul[aria-label] .sl-file-item:not([data-target]):not([data-edge])';
    const out: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const el = n.parentElement;
      const text = n.textContent?.trim();
      if (!el || !text || el.closest(skip) || el.closest('option, script, style')) continue;
      if (!el.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue;
      out.push(text);
    }
    for (const select of document.querySelectorAll('select')) if (select.checkVisibility() && !select.closest(skip)) out.push(select.selectedOptions[0]?.textContent ?? '');
    return out;
  });
  const nodeIds = await page.locator('.react-flow__node').evaluateAll((els) => els.flatMap((e) => [e.getAttribute('data-id') ?? '', e.querySelector('.sl-node-label')?.textContent ?? '']));
  // Fault ids the lab gives injected faults (lab-crash-1) are data like node ids.
  const faultIds = await page.locator('.sl-eventlog li').evaluateAll((els) => els.flatMap((e) => [...(e.textContent ?? '').matchAll(/lab-[a-z-]+-\d+/g)].map((m) => m[0])));
  const ids = [...nodeIds, ...faultIds];
  const idPattern = new RegExp(`(^|[^\\w-])(${ids.filter(Boolean).map((i) => i.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|') || '$^'})(?![\\w-])`, 'g');
  return texts.filter((t) => /[A-Za-z]{2,}/.test(t.replace(idPattern, ' ').replace(ALLOWED, ' ')));
}

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/screenshots/zh-CN-${name}.png` });

test('in 简体中文 the editor, a run with a crash, the fault menu, properties, Compare, Lesson packs and the help overlay show no English', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  // The check sees English where there is English: the same screen in English is full of it.
  expect((await englishOnScreen(page)).length).toBeGreaterThan(10);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: zh.files.new, exact: true })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'editor-1280x720');

  // Properties of a node, with its options and descriptions.
  await node(page, 'api-1').click();
  await expect(page.getByRole('complementary', { name: zh.properties.title })).toContainText(zh.properties.name);
  expect(await englishOnScreen(page)).toEqual([]);

  // Run (the button the lessons name: 运行), then crash a node from the fault menu.
  await page.getByRole('button', { name: zh.lab.run }).click();
  await expect(page.getByRole('button', { name: zh.lab.pause })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: zh.lab.pause }).click();
  await node(page, 'api-1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: zh.lab.injectFault });
  await expect(menu.getByRole('menuitem', { name: '崩溃' })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'fault-menu');
  await menu.getByRole('menuitem', { name: '崩溃' }).click();
  await expect(page.getByRole('region', { name: zh.lab.injectedFaults })).toContainText('崩溃 api-1', { timeout: 60_000 });
  await page.getByRole('button', { name: zh.lab.play }).click();
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down', { timeout: 60_000 });
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'run-with-crash-1280x720');
  await page.setViewportSize({ width: 1440, height: 900 });
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'run-with-crash-1440x900');

  // Compare, Lesson packs and the keyboard help.
  await page.getByRole('button', { name: zh.lab.compare }).first().click();
  await expect(page.getByRole('dialog', { name: zh.lab.compareTitle })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'compare');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: zh.app.lessonPacks }).click();
  await expect(page.getByRole('dialog', { name: zh.lesson.packs })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'lesson-packs');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: zh.editor.shortcuts, exact: true }).click();
  await expect(page.getByRole('dialog', { name: zh.editor.keyboardShortcuts })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'help');
  await page.keyboard.press('Escape');
});

test('the language stays reachable after New and is kept across a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: zh.files.new, exact: true }).click();
  const confirm = page.getByRole('button', { name: zh.app.discardAndNew });
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: zh.app.language })).toBeVisible();
  await expect(page.getByText('0 个节点 · 0 个连接')).toBeVisible();
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('button', { name: zh.files.new, exact: true })).toBeVisible();
  // Back to English for the tests that follow (the host's data folder is shared, the browser's storage is not).
  await page.getByRole('combobox', { name: zh.app.language }).selectOption('en');
  await expect(page.getByRole('button', { name: 'New', exact: true })).toBeVisible();
});

test('in 简体中文 the Connect, Open, Save as and Class results dialogs show no English', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await node(page, 'api-1').click();
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog', { name: '连接 API 1' })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'connect');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: zh.files.open, exact: true }).click();
  await expect(page.getByRole('dialog', { name: zh.files.openTitle })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await page.getByRole('dialog', { name: zh.files.openTitle }).getByRole('button', { name: zh.files.cancel }).click();
  await page.getByRole('button', { name: zh.files.saveAs, exact: true }).click();
  await expect(page.getByRole('dialog', { name: zh.files.saveAsTitle })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await page.getByRole('dialog', { name: zh.files.saveAsTitle }).getByRole('button', { name: zh.files.cancel }).click();
  await page.getByRole('button', { name: zh.app.classResults, exact: true }).click();
  await expect(page.getByRole('dialog', { name: zh.classResults.title })).toBeVisible();
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'class-results');
});
