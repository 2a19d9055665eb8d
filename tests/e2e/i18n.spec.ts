import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import { GRAPH_LIMITS } from '../../src/shared/graph';
import { englishOnScreen } from '../support/screenAudit';
import { atEachLanguageAndSize, forgetStudentWork, node, openApp, pickLanguage } from './helpers';

test.beforeEach(forgetStudentWork);

const zh = ZH_CN;

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
  // Nodes are named in the student's language (the lesson's nodeNames): on the canvas and in the fault menu.
  await expect(node(page, 'lb').locator('.sl-node-label')).toHaveText('负载均衡器');
  await expect(node(page, 'db').locator('.sl-node-label')).toHaveText('数据库');
  await node(page, 'api-1').click({ button: 'right' });
  const menu = page.getByRole('menu', { name: zh.lab.injectFault });
  await expect(menu.getByRole('menuitem', { name: '崩溃' })).toBeVisible();
  await expect(menu.getByTestId('fault-menu-target')).toHaveText('API 实例 1');
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'fault-menu');
  await menu.getByRole('menuitem', { name: '崩溃' }).click();
  await expect(page.getByRole('region', { name: zh.lab.injectedFaults })).toContainText('崩溃 API 实例 1', { timeout: 60_000 });
  await page.getByRole('button', { name: zh.lab.play }).click();
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down', { timeout: 60_000 });
  // … in a chart legend and in the event log.
  const share = page.locator('[data-chart="lbShare"] .sl-chart-value[data-node="api-1"]');
  await expect(share).toContainText('API 实例 1');
  await expect(page.locator('.sl-eventlog [data-kind="failure-detected"]').first()).toContainText('负载均衡器', { timeout: 60_000 });
  // The fault's line names the action and the node, not the lab fault's id.
  const faultLine = page.locator('.sl-eventlog [data-kind="fault"]').first();
  await expect(faultLine).toContainText('对 API 实例 1 施加“崩溃”。');
  await expect(faultLine).not.toContainText('lab-crash');
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

  // In English the same nodes read in English; a node the student renamed keeps their name in both.
  await page.getByRole('combobox', { name: zh.app.language }).selectOption('en');
  await expect(node(page, 'lb').locator('.sl-node-label')).toHaveText('Load balancer');
  await expect(share).toContainText('API 1');
  await expect(share).not.toContainText('实例');
  // The injected fault reads by the node's name in English too; the ids stay in its tooltip.
  const injected = page.getByRole('region', { name: 'Injected faults' });
  await expect(injected.locator('li > span')).toHaveText(/^\d+\.\d s · Crash API 1$/);
  await expect(injected.locator('li > span')).toHaveAttribute('title', /^\d+\.\d s · crash api-1$/);
  await expect(faultLine).toContainText('Crash on API 1.');
  for (const [width, height] of [[1440, 900], [1280, 720]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `test-results/screenshots/en-injected-fault-names-${width}x${height}.png` });
  }
  await node(page, 'lb').click();
  await page.getByRole('complementary', { name: 'Properties' }).getByLabel('Name', { exact: true }).fill('Front door');
  await expect(node(page, 'lb').locator('.sl-node-label')).toHaveText('Front door');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(node(page, 'lb').locator('.sl-node-label')).toHaveText('Front door');
  await expect(node(page, 'db').locator('.sl-node-label')).toHaveText('数据库');
});

test('the properties form writes its units in the language shown: 毫秒 and 次/秒 in 简体中文, ms and req/s in English', async ({ page }) => {
  test.setTimeout(90_000);
  await openApp(page);
  const form = page.locator('.sl-properties');
  // A unit in brackets after a field's label or a group's legend (the audit lets "ms" pass as a
  // symbol, so it is read here by name).
  const unitsShown = async () => (await form.locator('.sl-unit').allTextContents()).map((u) => u.trim());
  for (const id of ['api-1', 'db']) {
    await node(page, id).click();
    await expect(form.locator('.sl-unit').first()).toBeVisible();
    await atEachLanguageAndSize(page, async (locale, tag) => {
      const units = await unitsShown();
      if (locale === 'zh-CN') {
        expect(units).toContain('(毫秒)');
        if (id === 'db') expect(units).toContain('(次/秒)');
        expect(units.filter((u) => /[A-Za-z]/.test(u))).toEqual([]);
      } else {
        expect(units).toContain('(ms)');
        if (id === 'db') expect(units).toContain('(req/s)');
      }
      await page.screenshot({ path: `test-results/screenshots/${locale}-properties-units-${id}-${tag}.png` });
    });
    await pickLanguage(page, 'en');
  }
});

test('the language stays reachable after New and is kept across a reload', async ({ page }) => {
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('button', { name: zh.files.new, exact: true }).click();
  const confirm = page.getByRole('button', { name: zh.app.discardAndNew });
  if (await confirm.isVisible()) await confirm.click();
  await expect(page.locator('.react-flow__node')).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: zh.app.language })).toBeVisible();
  // Nothing selected, the properties panel is a rail: opened, it counts the empty design in Chinese.
  await page.locator('button[data-panel="properties"]').click();
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
  await expect(page.getByRole('dialog', { name: '连接 API 实例 1' })).toBeVisible();
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

test('in 简体中文 errors read in Chinese: a broken, an oversized and an invalid design, a saved design that no longer loads, a broken pack, and the Step readout', async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  // A saved design that main refuses when it is opened (its error comes back from the host as a key).
  mkdirSync(path.join(E2E_DATA_DIR, 'designs'), { recursive: true });
  writeFileSync(path.join(E2E_DATA_DIR, 'designs', 'damaged.statelab.json'), '{"format": "statelab.graph", "version": 1, "nodes": [');
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const input = page.getByTestId('open-file-input');
  const error = page.getByTestId('file-error');

  await input.setInputFiles({ name: 'cut.statelab.json', mimeType: 'application/json', buffer: Buffer.from('{\n  "format": "statelab.graph",\n  "nodes": [1,,]\n}') });
  await expect(error).toContainText('无法打开“cut.statelab.json”：文件不是有效的 JSON（第 3 行第 15 列）');
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'error-broken-file');

  await input.setInputFiles({ name: 'big.statelab.json', mimeType: 'application/json', buffer: Buffer.alloc(GRAPH_LIMITS.bytes + 1, ' ') });
  await expect(error).toContainText('此文件过大');
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'error-oversized-file');

  const invalid = { format: 'statelab.graph', version: 1, name: 'x', nodes: [{ id: 'a', kind: 'service', label: 'A', position: { x: 'left', y: 0 }, props: {} }], edges: [] };
  await input.setInputFiles({ name: 'invalid.statelab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(invalid)) });
  await expect(error).toContainText('设计图有问题');
  // zod's Chinese wording, set without spaces between Chinese words as every Chinese text on screen is.
  await expect(error).toContainText('nodes[0].position.x: 无效输入：期望数字，实际接收字符串');
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'error-validation');
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  await page.getByRole('button', { name: zh.files.open, exact: true }).click();
  const open = page.getByRole('dialog', { name: zh.files.openTitle });
  await open.getByRole('button', { name: 'damaged' }).first().click();
  await expect(open.getByRole('alert')).toContainText('无法打开“damaged”：文件“damaged”不是有效的 JSON');
  expect(await englishOnScreen(page, ['damaged'])).toEqual([]);
  await shot(page, 'error-from-host');
  await open.getByRole('button', { name: zh.files.cancel }).click();

  await page.getByRole('button', { name: zh.app.lessonPacks }).click();
  const packs = page.getByRole('dialog', { name: zh.lesson.packs });
  await packs.getByTestId('pack-picker').setInputFiles({ name: 'junk.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip at all, just words') });
  await expect(packs.getByRole('alert')).toContainText('junk.zip：不是可读取的 zip 文件（');
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'error-broken-pack');
  await page.keyboard.press('Escape');

  // The Step readout says what the simulator did, in Chinese.
  await page.getByRole('button', { name: zh.lab.run }).click();
  await expect(page.getByRole('button', { name: zh.lab.pause })).toBeVisible({ timeout: 60_000 });
  await page.getByRole('button', { name: zh.lab.pause }).click();
  await page.getByRole('button', { name: zh.lab.step, exact: true }).click();
  const readout = page.getByTestId('step-readout');
  await expect(readout).toHaveAttribute('data-state', 'event', { timeout: 60_000 });
  // The time as the event log writes it: under a second in 毫秒 ("87.444毫秒"), after it in 秒 to the millisecond or microsecond ("1.359723秒").
  await expect(readout).toHaveText(/^(\d{1,3}(\.\d{3})?毫秒|\d+\.\d{3}(\d{3})?秒) · .*\p{Script=Han}/u);
  expect(await englishOnScreen(page)).toEqual([]);
  await shot(page, 'step-readout');
});
