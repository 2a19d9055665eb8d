import { expect, test, type Page } from '@playwright/test';
import { APP_PATH, forgetStudentWork, inside, node, settled } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

/** The longest Tab walk any control of the app needs. */
const MAX_TABS = 120;

/** What has the keyboard focus: its tag, classes, node id and text. */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return { tag: el?.tagName ?? '', className: typeof el?.className === 'string' ? el.className : '', id: el?.dataset.id ?? '', text: el?.textContent?.trim() ?? '', role: el?.getAttribute('role') ?? '' };
  });

/** Presses Tab until the focused element matches, as a keyboard user would; fails if it never does. */
async function tabTo(page: Page, what: string, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean): Promise<void> {
  for (let i = 0; i < MAX_TABS; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(`Tab never reached ${what}`);
}
const button = (text: string) => (f: Awaited<ReturnType<typeof focused>>) => f.tag === 'BUTTON' && f.text === text;
const canvasNode = (id: string) => (f: Awaited<ReturnType<typeof focused>>) => f.className.includes('react-flow__node') && f.id === id;

test('keyboard only: open a lesson, add and connect a node, run, inject a crash and check the work', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);

  // Lesson packs opens with Enter and closes with Escape; then lesson 1 opens from it.
  await tabTo(page, 'the Lesson packs button', button('Lesson packs'));
  await page.keyboard.press('Enter');
  const packs = page.getByRole('dialog', { name: 'Lesson packs' });
  await expect(packs).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(packs).toHaveCount(0);
  await page.keyboard.press('Enter');
  await expect(packs).toBeVisible();
  await tabTo(page, 'Lesson 1 of the built-in pack', button('Lesson 1'));
  await page.keyboard.press('Enter');
  await expect(packs).toHaveCount(0);
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 1');
  // The lesson is open once Check my work is free again: until then its saved work may still replace
  // the canvas, and a node added meanwhile would go with it (seen once on a busy machine).
  await expect(page.getByRole('button', { name: 'Check my work' })).toBeEnabled({ timeout: 30_000 });

  // Add a service from the palette; Tab reaches the nodes before any connection, each with a focus ring.
  await page.locator('body').focus();
  await tabTo(page, 'the Service palette item', button('Service'));
  await page.keyboard.press('Enter');
  await expect(node(page, 'service-1')).toBeVisible();
  await tabTo(page, 'a node of the canvas', (f) => f.className.includes('react-flow__node') || f.className.includes('react-flow__edge'));
  expect((await focused(page)).className).toContain('react-flow__node');
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement!.querySelector('.sl-node')!).outlineStyle);
  expect(ring).toBe('solid');

  // Select the load balancer, press C, pick the new service from the list.
  await page.locator('body').focus();
  await tabTo(page, 'the load balancer node', canvasNode('lb'));
  await page.keyboard.press('Enter');
  await expect(node(page, 'lb')).toHaveClass(/selected/);
  await page.keyboard.press('c');
  const connectLb = page.getByRole('dialog', { name: 'Connect Load balancer' });
  await expect(connectLb).toBeVisible();
  await expect(connectLb.locator('[data-target="db"]')).toBeDisabled();
  await tabTo(page, 'Service 1 in the list', (f) => f.tag === 'BUTTON' && f.text.startsWith('Service 1'));
  await page.keyboard.press('Enter');
  await expect(connectLb).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[data-id="lb-service-1-1"]')).toHaveCount(1);

  // Then the service to the database: focus came back to the load balancer; Tab on to the service.
  await tabTo(page, 'the new service node', canvasNode('service-1'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('c');
  await tabTo(page, 'Database in the list', (f) => f.tag === 'BUTTON' && f.text.startsWith('Database'));
  await page.keyboard.press('Enter');
  await expect(page.locator('.react-flow__edge[data-id="service-1-db-1"]')).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: 'Connected Service 1 → Database.' })).toBeVisible();

  // Connections are not Tab stops; C lists the selected node's connections to select one instead.
  await page.keyboard.press('c');
  const connectService = page.getByRole('dialog', { name: 'Connect Service 1' });
  await tabTo(page, 'the connection to the database', (f) => f.tag === 'BUTTON' && f.text === 'Select Service 1 → Database');
  await page.keyboard.press('Enter');
  await expect(connectService).toHaveCount(0);
  await expect(page.locator('.react-flow__edge[data-id="service-1-db-1"]')).toHaveClass(/selected/);
  await expect(page.locator('.react-flow__edge[tabindex]')).toHaveCount(0);

  // Run (Ctrl+Enter), stop at the first event (.), crash API 1 through F and the fault menu.
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible({ timeout: 30_000 });
  await page.keyboard.press('.');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.locator('body').focus();
  await tabTo(page, 'the API 1 node', canvasNode('api-1'));
  await page.keyboard.press('Enter');
  await page.keyboard.press('f');
  const menu = page.getByRole('menu', { name: 'Inject a fault' });
  await expect(menu).toBeVisible();
  for (let i = 0; i < 10 && !(await focused(page)).text.startsWith('Crash'); i++) await page.keyboard.press('Tab');
  expect((await focused(page)).text).toMatch(/^Crash/);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('region', { name: 'Injected faults' })).toContainText('Crash API 1');
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down');

  // Check my work from the lesson column.
  await tabTo(page, 'Check my work', button('Check my work'));
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  await page.screenshot({ path: 'test-results/screenshots/keyboard-only-graded.png' });
});

test('Escape closes Compare and the help overlay, keys in a dialog stay there, and C without a selection says what to do', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.locator('.sl-palette-item[data-kind="service"]').click();
  await node(page, 'service-1').click();
  await page.getByRole('button', { name: 'Compare…' }).focus();
  await page.keyboard.press('Enter');
  const compare = page.getByRole('dialog', { name: 'Compare with a saved design' });
  await expect(compare).toBeVisible();
  // Keys typed in a dialog stay there: Delete does not delete the node selected behind it.
  await page.keyboard.press('Delete');
  await page.keyboard.press('Escape');
  await expect(compare).toHaveCount(0);
  await expect(page.locator('.react-flow__node')).toHaveCount(7);
  await expect(page.getByRole('button', { name: 'Compare…' })).toBeFocused();
  await page.keyboard.press('?');
  const help = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(help).toContainText('Show or hide the Properties panel');
  await expect(help).toContainText('pick the target from a list');
  // "?" shows or hides the help, as the help itself says: pressed again it closes it.
  await expect(help).toContainText('Show or hide this help');
  await page.keyboard.press('?');
  await expect(help).toHaveCount(0);
  await page.keyboard.press('?');
  await expect(help).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(help).toHaveCount(0);
  await page.locator('body').focus();
  await page.keyboard.press('Escape');
  await expect(node(page, 'service-1')).not.toHaveClass(/selected/);
  await page.keyboard.press('c');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('editor-notice')).toContainText('press C');
});

/** The keys an element's aria-keyshortcuts names, as the tooltips and the help write them ("Control+Shift+Z" → "Ctrl+Shift+Z"). */
const shownKeys = (aria: string) => aria.split(' ').map((k) => k.replace('Control', 'Ctrl'));

test('the actions a student uses often name their key in their tooltip and in the help, in English and 简体中文', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.keyboard.press('Control+Enter');
  const pause = page.getByRole('button', { name: 'Pause', exact: true });
  await expect(pause).toBeVisible({ timeout: 30_000 });
  // P pauses and plays the run (Play and Pause had no key and no tooltip).
  await page.locator('body').focus();
  await page.keyboard.press('p');
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await page.keyboard.press('p');
  await expect(pause).toBeVisible();
  await page.keyboard.press('p');
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    const keyed = await page.locator('[aria-keyshortcuts]').evaluateAll((els) =>
      els.filter((e) => e.checkVisibility()).map((e) => ({ name: (e.getAttribute('aria-label') ?? e.textContent ?? '').trim(), keys: e.getAttribute('aria-keyshortcuts')!, title: e.getAttribute('title') ?? '' })),
    );
    // Each often-used action carries its key: the file, edit, lab and lesson ones.
    const names = keyed.map((k) => k.name);
    const often = locale === 'en'
      ? ['Save', 'Open…', 'Undo', 'Redo', 'Layout', 'Shortcuts', '▶ Run', 'Play', 'Step', 'Next logged event', 'Next fault', 'To start', 'Check my work']
      : ['保存', '撤销', '重做', '布局', '快捷键', '播放', '下一个日志事件', '下一个故障', '回到开头', '检查作业'];
    for (const name of often) expect(names, `${locale}: ${name} has a key`).toContain(name);
    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: locale === 'en' ? 'Keyboard shortcuts' : '键盘快捷键' });
    await expect(help).toBeVisible();
    const helpText = (await help.textContent())!;
    for (const { name, keys, title } of keyed) {
      for (const key of shownKeys(keys)) {
        expect(title, `${locale}: the tooltip of "${name}" names ${key}`).toContain(key);
        expect(helpText, `${locale}: the help lists ${key} (${name})`).toContain(key);
      }
    }
    // The arrow keys move the selected nodes: said in words.
    await expect(help).toContainText(locale === 'en' ? 'Arrow keys' : '方向键');
    // The desktop menu's own keys are listed too, each with its words, under the menu's heading.
    const menuKeys = help.getByRole('table', { name: locale === 'en' ? 'In the desktop app’s menu' : '桌面版菜单中的快捷键' });
    const menuWords: [string, string, string][] = [['Ctrl+N', 'New design', '新建设计'], ['Ctrl+Shift+S', 'Save as…', '另存为…'], ['Ctrl+E', 'Export the design file', '导出设计文件'], ['Ctrl+I', 'Import a lesson pack', '导入课程包'], ['Ctrl+Shift+O', 'Open a submission', '打开作业'], ['F1', 'Show this help', '显示本帮助']];
    for (const [key, en, zh] of menuWords) await expect(menuKeys.getByRole('row', { name: `${key} ${locale === 'en' ? en : zh}`, exact: true })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/keyboard-help-${locale}-1440x900.png` });
    await page.keyboard.press('Escape');
  }
  // F for a fault is said where faults are listed.
  await expect(page.getByRole('region', { name: '已注入的故障' })).toContainText('按 F');
});

test('typing in a text field types: no shortcut fires (P, ., L, ?, C, F, 1–3, Delete, Ctrl+Z), and Ctrl+Shift+Enter checks the work', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.locator('.sl-palette-item[data-kind="service"]').click();
  await expect(node(page, 'service-1')).toBeVisible();
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const play = page.getByRole('button', { name: 'Play', exact: true });
  await expect(play).toBeVisible();
  const panels = page.locator('button[data-panel]');
  const panelStates = async () => panels.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-panel')}:${e.getAttribute('aria-expanded')}`).join(' '));
  const where = async () => (await node(page, 'service-1').boundingBox())!;
  // Selected, its properties open beside the canvas (which refits): the panels and the node's place from then on.
  await node(page, 'service-1').click();
  await expect(page.locator('.sl-properties')).toBeVisible();
  await settled(page);
  const before = await panelStates();
  const at = await where();
  const typed = 'p.l?cf123 pl';
  const fields = [
    { what: 'the Name field', field: page.locator('.sl-properties [data-field="label"] input') },
    { what: 'a number field', field: page.locator('.sl-properties [data-field="workers"] input') },
    { what: 'the lesson’s name field', field: page.getByTestId('variant-student') },
  ];
  for (const { what, field } of fields) {
    await field.click();
    await field.fill('');
    await field.pressSequentially(typed);
    await expect(field, what).toHaveValue(typed);
    await page.keyboard.press('Delete');
    await page.keyboard.press('Control+z');
    await expect(page.getByRole('dialog'), what).toHaveCount(0);
    await expect(play, `${what}: P did not play the run`).toBeVisible();
    expect(await panelStates(), `${what}: 1, 2 and 3 did not fold a panel`).toBe(before);
    await expect(node(page, 'service-1'), `${what}: Delete did not delete the node`).toBeVisible();
    expect(await where(), `${what}: L did not lay the design out`).toEqual(at);
    await field.fill('');
  }
  // Ctrl+Shift+Enter checks the work from anywhere, a field included, as Ctrl+Enter runs.
  await page.getByTestId('variant-student').click();
  await page.keyboard.press('Control+Shift+Enter');
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
});

const cursorMs = async (page: Page) => Number(await page.getByTestId('cursor-time').getAttribute('data-cursor-ms'));

test('N, Shift+F and Home walk a run as Next logged event, Next fault and To start do, in English and 简体中文; F still opens the fault menu', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.keyboard.press('Control+Enter');
  await expect(page.getByRole('button', { name: 'Pause', exact: true })).toBeVisible({ timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  // API 1 selected: F would open its fault menu, Shift+F must not.
  await node(page, 'api-1').click();

  // Where the buttons take the cursor from the start, the keys take it too.
  await page.getByRole('button', { name: 'To start' }).click();
  await page.getByRole('button', { name: 'Next logged event' }).click();
  const firstLogged = await cursorMs(page);
  await page.getByRole('button', { name: 'To start' }).click();
  await page.getByRole('button', { name: 'Next fault' }).click();
  const firstFault = await cursorMs(page);
  expect(firstLogged).toBeGreaterThan(0);
  expect(firstFault).toBeGreaterThan(0);
  await page.getByLabel('Timeline').fill('1000');
  await expect.poll(() => cursorMs(page)).toBe(1000);
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    await node(page, 'api-1').click();
    await page.keyboard.press('Home');
    await expect.poll(() => cursorMs(page), `${locale}: Home goes to the start`).toBe(0);
    await page.keyboard.press('Shift+F');
    await expect.poll(() => cursorMs(page), `${locale}: Shift+F jumps to the next fault`).toBe(firstFault);
    await expect(page.getByRole('menu')).toHaveCount(0);
    await page.keyboard.press('Home');
    await expect.poll(() => cursorMs(page)).toBe(0);
    await page.keyboard.press('n');
    await expect.poll(() => cursorMs(page), `${locale}: N goes to the first logged event`).toBe(firstLogged);
    await expect(page.getByRole('button', { name: locale === 'en' ? 'Play' : '播放', exact: true })).toBeVisible();
    // Each button names its key in its tooltip, in the student's language.
    const [logged, fault, start] = locale === 'en' ? ['Next logged event', 'Next fault', 'To start'] : ['下一个日志事件', '下一个故障', '回到开头'];
    await expect(page.getByRole('button', { name: logged, exact: true })).toHaveAttribute('title', locale === 'en' ? /\(N\)$/ : /（N）$/);
    await expect(page.getByRole('button', { name: fault, exact: true })).toHaveAttribute('title', locale === 'en' ? /\(Shift\+F\)$/ : /（Shift\+F）$/);
    await expect(page.getByRole('button', { name: start, exact: true })).toHaveAttribute('title', locale === 'en' ? /\(Home\)$/ : /（Home）$/);
  }
  // F, without Shift, still opens the selected node's fault menu.
  await node(page, 'api-1').click();
  await page.keyboard.press('f');
  await expect(page.getByRole('menu')).toBeVisible();
});

test('a key pressed in the toolbar’s open More menu stays in the menu (L, 2, P), and Escape closes it, in English and 简体中文', async ({ page }) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1100, height: 700 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  await page.locator('.sl-palette-item[data-kind="service"]').click();
  await expect(node(page, 'service-1')).toBeVisible();
  // With the components panel open beside the lesson, the canvas is narrow enough for the More menu.
  const palette = page.locator('button[data-panel="palette"]');
  if ((await palette.getAttribute('aria-expanded')) === 'false') await palette.click();
  // And the properties panel opened from its rail (it is a rail while nothing is selected).
  const properties = page.locator('button[data-panel="properties"]');
  if ((await properties.getAttribute('aria-expanded')) === 'false') await properties.click();
  const more = page.getByTestId('toolbar-more');
  await expect(more).toBeVisible();
  const panels = page.locator('button[data-panel]');
  const panelStates = async () => panels.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-panel')}:${e.getAttribute('aria-expanded')}`).join(' '));
  const before = await panelStates();
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    // Where the new service stands (a language's wider words may refit the canvas).
    await settled(page);
    const at = (await node(page, 'service-1').boundingBox())!;
    await more.click();
    const menu = page.getByRole('menu', { name: locale === 'en' ? 'More' : '更多' });
    await expect(menu).toBeVisible();
    for (const key of ['l', '2', 'p', 'c']) {
      await page.keyboard.press(key);
      await expect(menu, `${locale}: ${key} left the menu open`).toBeVisible();
    }
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(await panelStates(), `${locale}: 2 did not fold the Properties panel`).toBe(before);
    expect((await node(page, 'service-1').boundingBox())!, `${locale}: L did not lay the design out`).toEqual(at);
    await page.keyboard.press('Escape');
    await expect(menu).toHaveCount(0);
    await expect(more).toBeFocused();
    // Closed, the menu's button is an ordinary control again: 2 folds the Properties panel, and back.
    await page.keyboard.press('2');
    await expect.poll(panelStates).not.toBe(before);
    await page.keyboard.press('2');
    await expect.poll(panelStates).toBe(before);
  }
});

test('the help fits a 1280×720 and a 1100×700 window without scrolling, in English and 简体中文', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node')).toHaveCount(6);
  for (const locale of ['en', 'zh-CN'] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    for (const size of [{ width: 1280, height: 720 }, { width: 1100, height: 700 }]) {
      await page.setViewportSize(size);
      await page.locator('body').focus();
      await page.keyboard.press('?');
      const help = page.getByRole('dialog', { name: locale === 'en' ? 'Keyboard shortcuts' : '键盘快捷键' });
      await expect(help).toBeVisible();
      // The whole list, the desktop menu's keys included, fits.
      await expect(help).toContainText('Ctrl+Shift+O');
      await page.screenshot({ path: `test-results/screenshots/keyboard-help-${locale}-${size.width}x${size.height}.png` });
      const fits = await help.evaluate((el) => el.scrollHeight <= el.clientHeight && el.scrollWidth <= el.clientWidth);
      expect(fits, `${locale} at ${size.width}×${size.height}: the help scrolls`).toBe(true);
      expect(inside((await help.boundingBox())!, { x: 0, y: 0, ...size }), `${locale} at ${size.width}×${size.height}: the help is inside the window`).toBe(true);
      await expect(help.getByRole('button', { name: locale === 'en' ? 'Close' : '关闭' })).toBeInViewport();
      await page.keyboard.press('Escape');
      await expect(help).toHaveCount(0);
    }
  }
});
