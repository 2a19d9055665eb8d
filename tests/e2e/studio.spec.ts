/**
 * Issue 16's studio, end to end: an instructor builds a one-lesson pack from an empty pack entirely
 * in the UI (canvas → starter, an edit → reference, one crash on the timeline, an error-rate check
 * from the picker, texts in both languages), watches the live panel go starter-fails /
 * reference-passes, and exports the zip; a student on a fresh data folder imports it, fails, fixes
 * the design and passes.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { E2E_BRIDGE_KEY, E2E_DATA_DIR } from '../../playwright.config';
import { forgetStudentWork, node, openApp, startOwnHost } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

async function tuneHealthChecks(page: Page): Promise<void> {
  await node(page, 'lb').click();
  const panel = page.locator('.sl-properties');
  await panel.locator('[data-field="healthCheck.intervalMs"] input').fill('500');
  await panel.locator('[data-field="healthCheck.unhealthyAfter"] input').fill('2');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
}

/** Both locales of a LocalizedField. */
async function fillBoth(page: Page, testId: string, en: string, zh: string): Promise<void> {
  const field = page.getByTestId(testId).first();
  await field.locator('[data-locale="en"]').fill(en);
  await field.locator('[data-locale="zh-CN"]').fill(zh);
}

test('an instructor builds, verifies and exports a one-lesson pack; a student on a fresh data folder imports it, fails, fixes and passes', async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio'), { recursive: true, force: true });
  await openApp(page);

  // An empty pack.
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Health checks');
  await start.getByTestId('new-pack-id').fill('health-checks');
  await start.getByRole('button', { name: 'Create pack' }).click();
  const studio = page.getByTestId('studio-panel');
  await expect(studio).toContainText('Add lesson');
  // One header row at 1280 px with the studio open.
  await page.setViewportSize({ width: 1280, height: 720 });
  const header = await page.locator('.sl-header').boundingBox();
  expect(header!.height).toBeLessThan(60);

  // The canvas is still lesson 1's design, named as lesson 1 names it: in 简体中文 too while the pack has no lesson.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(node(page, 'users').locator('.sl-node-label')).toHaveText('用户');
  await page.getByLabel('语言').selectOption('en');
  // The database renamed on the canvas: no language but English has a name for "Orders".
  await node(page, 'db').click();
  await page.getByRole('complementary', { name: 'Properties' }).getByLabel('Name', { exact: true }).fill('Orders');
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });

  // Canvas → starter (Add lesson takes the canvas; the button says it again).
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  await studio.getByRole('button', { name: 'Use the canvas as starter' }).click();
  await expect(studio.getByTestId('starter-size')).toHaveText('6 nodes');
  // Lock the users by clicking them on the canvas.
  await studio.getByTestId('lock-mode').click();
  await node(page, 'users').click();
  await expect(studio.getByRole('checkbox', { name: /users/i })).toBeChecked();
  // Lock one setting by clicking its lock in Properties: the balancer's policy stays the lesson's.
  // (Select the balancer with lock mode off: in lock mode a click on a node locks the whole node.)
  await studio.getByTestId('lock-mode').click();
  await node(page, 'lb').click();
  await studio.getByTestId('lock-mode').click();
  const policy = page.locator('.sl-properties [data-prop="policy"]');
  await policy.locator('.sl-prop-lock').click();
  await expect(policy.locator('.sl-prop-lock')).toHaveAttribute('aria-pressed', 'true');
  await expect(policy.getByRole('note')).toContainText('is locked by the lesson: it cannot be changed.');
  await expect(policy.locator('select')).toBeDisabled();
  await expect(page.locator('.sl-properties [data-prop="healthCheck"] select, .sl-properties [data-prop="healthCheck"] input').first()).toBeEnabled();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-locked-prop-${width}.png` });
  }
  await studio.getByTestId('lock-mode').click();
  await expect(page.locator('.sl-properties .sl-prop-lock')).toHaveCount(0);

  // Edit → reference.
  await tuneHealthChecks(page);
  await studio.getByRole('button', { name: 'Use the canvas as reference' }).click();
  await expect(studio.getByTestId('reference-size')).toHaveText('6 nodes');

  // One crash on the timeline: api-2 at 10 s.
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  await studio.getByRole('button', { name: 'Add fault' }).click();
  const fault = studio.getByTestId('fault-row-0');
  await fault.getByLabel('Target').selectOption('api-2');
  await fault.getByLabel('At (s)').fill('10');
  await expect(studio.getByTestId('timeline-fault-crash')).toBeVisible();

  // An error-rate check from the picker, from 2 s after the crash to the end.
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await studio.getByRole('button', { name: 'Add metric check' }).click();
  await studio.getByTestId('check-id').fill('recovered');
  await studio.getByTestId('metric-picker').selectOption('errorRate');
  await expect(studio.getByTestId('metric-about')).toContainText('unit: fraction');
  await studio.getByTestId('window-kind').selectOption('range');
  await studio.getByTestId('window-from').getByRole('spinbutton').fill('2000');
  await expect(studio.getByTestId('window-reading')).toHaveText('Measures the run from 12.0 s to 30.0 s.');
  await studio.getByTestId('check-op').selectOption('<');
  await studio.getByTestId('check-bound').fill('0.01');
  // A fraction is typed as one: the studio says how the student will read it.
  await expect(studio.getByTestId('check-bound-words')).toHaveText('Students read it as: less than 1%');
  // An error rate over a window that served nobody must not pass on nothing.
  await studio.getByTestId('check-require-served').check();
  await expect(studio.getByTestId('check-require-served')).toBeChecked();
  await expect(studio.getByTestId('timeline-window')).toBeVisible();
  await fillBoth(page, 'check-title', 'Errors stop soon after the crash', '崩溃后错误很快消失');
  await fillBoth(page, 'check-feedback', '{measured} of requests failed (needed {bound}).', '有 {measured} 的请求失败（要求 {bound}）。');

  // Texts in both languages; a missing translation is highlighted until it is written.
  await studio.getByRole('tab', { name: 'Texts' }).click();
  await studio.getByTestId('lesson-id').fill('fast-health-checks');
  await fillBoth(page, 'pack-title', 'Health checks', '健康检查');
  await page.getByTestId('text-title').locator('[data-locale="en"]').fill('Fast health checks');
  await expect(page.getByTestId('text-title')).toContainText('missing translation');
  await page.getByTestId('text-title').locator('[data-locale="zh-CN"]').fill('快速健康检查');
  await expect(page.getByTestId('text-title')).not.toContainText('missing translation');
  await studio.getByRole('button', { name: 'Add to Objectives' }).click();
  await fillBoth(page, 'text-objectives-0', 'Tune health checks so a crash costs a blip', '调整健康检查，让一次崩溃只带来短暂的错误');
  await studio.getByRole('button', { name: 'Add to Steps' }).click();
  await fillBoth(page, 'text-steps-0', 'Press **Run** and watch the error rate after `api-2` crashes.', '点击 **运行**，观察 `api-2` 崩溃后的错误率。');
  await expect(page.getByTestId('text-steps-0').locator('.sl-studio-preview strong').first()).toHaveText('Run');
  // The lesson keeps the names lesson 1 gives its nodes in both languages; only the node renamed on
  // the canvas ("Orders") lacks a 简体中文 name: it alone is listed, by its name, and picking it opens
  // Designs at its 简体中文 box.
  const missing = studio.getByTestId('studio-missing');
  await expect(missing).toHaveText('1 text has no 简体中文 translation yet');
  await missing.click();
  const missingList = studio.getByTestId('studio-missing-list');
  await expect(missingList.getByRole('button')).toHaveCount(1);
  await expect(missingList).toContainText('Name of node “Orders”');
  await expect(missingList).not.toContainText('db');
  await missingList.getByRole('button', { name: 'Name of node “Orders”' }).click();
  const dbName = page.getByTestId('node-name-db').locator('[data-locale="zh-CN"]');
  await expect(dbName).toBeFocused();
  const zhNames: Record<string, string> = { users: '用户', lb: '负载均衡器', 'api-1': 'API 实例 1', 'api-2': 'API 实例 2', 'api-3': 'API 实例 3' };
  for (const [id, zh] of Object.entries(zhNames)) await expect(page.getByTestId(`node-name-${id}`).locator('[data-locale="zh-CN"]')).toHaveValue(zh);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-missing-node-names-${width}.png` });
  }
  // In 简体中文 the canvas reads the lesson's names, and the one name to write is listed by its English.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(node(page, 'lb').locator('.sl-node-label')).toHaveText('负载均衡器');
  await expect(missing).toHaveText('还有 1 处文字没有简体中文翻译');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-missing-node-names-zh-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
  await dbName.fill('订单库');
  await expect(missing).toHaveCount(0);
  await studio.getByRole('tab', { name: 'Texts' }).click();

  // The live panel: the starter fails on all 10 seeds, the reference passes on all 10.
  const verify = page.getByTestId('verify-panel');
  const row = verify.locator('tr[data-check="recovered"]');
  await expect(row.locator('[data-design="starter"]')).toContainText('passes 0/10', { timeout: 90_000 });
  await expect(row.locator('[data-design="reference"]')).toContainText('passes 10/10');
  await expect(row.getByTestId('verify-flags')).toHaveText('');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean');

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-texts-${width}.png` });
    await studio.getByRole('tab', { name: 'Checks' }).click();
    await page.screenshot({ path: `${SHOTS}/studio-checks-${width}.png` });
    await studio.getByRole('tab', { name: 'Texts' }).click();
  }
  // No serious accessibility violations in the studio panel.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="studio-panel"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The same lesson in 简体中文, for the README.
  await page.getByLabel('Language').selectOption('zh-CN');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await studio.getByRole('tab', { name: '检查' }).click();
    await page.screenshot({ path: `${SHOTS}/studio-checks-zh-full-${width}.png` });
  }
  await studio.getByRole('tab', { name: '文字' }).click();
  await page.screenshot({ path: `${SHOTS}/studio-texts-zh-full-1440.png` });
  await page.getByLabel('语言').selectOption('en');

  // Common wrong answers from the canvas: the starter as given fails the check on every seed; the
  // reference stored as a "wrong" answer passes a check it must fail, and the panel says so.
  await studio.getByRole('tab', { name: 'Designs' }).click();
  const wrongs = studio.getByTestId('studio-wrong-answers');
  await studio.getByRole('button', { name: 'Show on canvas' }).first().click();
  await expect(wrongs.getByTestId('use-as-wrong')).toBeDisabled();
  await wrongs.getByTestId('wrong-name').fill('Left as given');
  await wrongs.getByTestId('use-as-wrong').click();
  // An edit marks the panel's last result as from before it until the new grading arrives.
  await expect(verify.getByTestId('verify-stale')).toBeVisible();
  await verify.screenshot({ path: `${SHOTS}/studio-verify-stale.png` });
  await expect(wrongs.locator('[data-wrong="left-as-given"]')).toContainText('0 removed, 0 added, 0 with changed settings');
  await studio.getByRole('button', { name: 'Show on canvas' }).nth(1).click();
  await wrongs.getByTestId('wrong-name').fill('Copied the reference');
  await wrongs.getByTestId('use-as-wrong').click();
  const copied = wrongs.locator('[data-wrong="copied-the-reference"]');
  await expect(copied).toContainText('1 with changed settings');
  await fillBoth(page, 'wrong-name-copied-the-reference', 'Copied the reference', '照抄参考答案');
  await expect(row.locator('[data-design="wrong:left-as-given"]')).toContainText('passes 0/10', { timeout: 120_000 });
  await expect(row.locator('[data-design="wrong:copied-the-reference"]')).toContainText('passes 10/10');
  await expect(row.getByTestId('verify-flags')).toContainText('wrong answer “Copied the reference” passes it on some seed');
  await expect(verify.getByTestId('verify-stale')).toHaveCount(0);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-wrong-answers-${width}.png` });
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(row.getByTestId('verify-flags')).toContainText('错误答案“照抄参考答案”在某些种子上通过了');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-wrong-answers-zh-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
  // Showing a stored wrong answer puts it back on the canvas; removing it clears the flag.
  await copied.getByRole('button', { name: 'Show on canvas' }).click();
  await node(page, 'lb').click();
  await expect(page.locator('.sl-properties [data-field="healthCheck.intervalMs"] input')).toHaveValue('500');
  await copied.getByRole('button', { name: 'Remove' }).click();
  await expect(wrongs.locator('[data-wrong]')).toHaveCount(1);
  await expect(row.getByTestId('verify-flags')).toHaveText('', { timeout: 120_000 });
  await expect(row.locator('[data-design="wrong:left-as-given"]')).toContainText('passes 0/10', { timeout: 120_000 });
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean');

  // Save writes the pack folder; Export downloads the zip.
  await studio.getByRole('button', { name: 'Save' }).click();
  await expect(studio.getByTestId('studio-message')).toContainText('Saved');
  const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Export zip' }).click()]);
  expect(download.suggestedFilename()).toBe('health-checks-0.1.0.statelab-pack.zip');
  const zip = readFileSync((await download.path())!);

  // A student, on a fresh data folder: import, fail, fix, pass.
  const fresh = await startOwnHost(mkdtempSync(path.join(tmpdir(), 'statelab-student-')), 3);
  try {
    await page.goto(`${fresh.url.replace(/\/?\?.*$/, '')}/?key=${new URL(fresh.url).searchParams.get('key') ?? E2E_BRIDGE_KEY}`);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.getByRole('button', { name: 'Lesson packs' }).click();
    const packs = page.getByRole('dialog', { name: 'Lesson packs' });
    await packs.getByTestId('pack-picker').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: zip });
    await expect(packs.getByTestId('pack-notice')).toContainText('Health checks');
    await packs.locator('[data-pack="health-checks"]').getByRole('button', { name: 'Lesson 1' }).click();
    await expect(page.getByTestId('lesson-title')).toContainText('Fast health checks');
    // The locked setting: the student sees why it cannot be changed.
    await node(page, 'lb').click();
    const locked = page.locator('.sl-properties [data-prop="policy"]');
    await expect(locked.locator('select')).toBeDisabled();
    await expect(locked.getByRole('note')).toContainText('is locked by the lesson');
    await page.getByLabel('Language').selectOption('zh-CN');
    await expect(locked.getByRole('note')).toContainText('已被课程锁定，不能修改');
    await page.screenshot({ path: `${SHOTS}/student-locked-prop-zh-1440.png` });
    await page.getByLabel('语言').selectOption('en');
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect(page.getByTestId('grade-score')).toHaveText(/0\/1$/, { timeout: 60_000 });
    await tuneHealthChecks(page);
    await page.getByRole('button', { name: 'Check my work' }).click();
    await expect(page.getByTestId('grade-score')).toHaveText(/1\/1$/, { timeout: 60_000 });
  } finally {
    await fresh.stop();
  }
});

test('the studio in 简体中文: side-by-side texts, the verification panel and the checks builder read in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await openApp(page);
  await page.getByLabel('Language').selectOption('zh-CN');
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog');
  const drafts = start.locator('[data-draft="health-checks"]');
  if ((await drafts.count()) > 0) await drafts.getByRole('button').click();
  else {
    await start.getByTestId('new-pack-title').fill('Zh');
    await start.getByTestId('new-pack-id').fill('zh-pack');
    await start.getByRole('button', { name: '创建课程包' }).click();
    await page.getByTestId('studio-panel').getByRole('button', { name: '添加课程' }).click();
  }
  const studio = page.getByTestId('studio-panel');
  await expect(studio).toContainText('实时验证');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await studio.getByRole('tab', { name: '文字' }).click();
    await page.screenshot({ path: `${SHOTS}/studio-texts-zh-${width}.png` });
    await studio.getByRole('tab', { name: '检查' }).click();
    await page.screenshot({ path: `${SHOTS}/studio-checks-zh-${width}.png` });
    await studio.getByRole('tab', { name: '场景' }).click();
    await page.screenshot({ path: `${SHOTS}/studio-scenario-zh-${width}.png` });
  }
  const header = await page.locator('.sl-header').boundingBox();
  expect(header!.height).toBeLessThan(60);
});

test('the built-in pack is read-only: "Duplicate to edit" makes an editable copy under another id that validates clean', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'my-course'), { recursive: true, force: true });
  await openApp(page);
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  const packs = page.getByRole('dialog', { name: 'Lesson packs' });
  await expect(packs.locator('[data-pack="stateless-vs-stateful"]').getByRole('button', { name: 'Remove' })).toHaveCount(0);
  await packs.getByTestId('edit-pack-stateless-vs-stateful').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('My course');
  await start.getByRole('button', { name: 'Duplicate' }).click();
  const studio = page.getByTestId('studio-panel');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });
  const builtin = JSON.parse(readFileSync('lessons/stateless-vs-stateful/pack.json', 'utf8')) as { lessons: string[] };
  await expect(studio.getByTestId('studio-lesson').locator('option')).toHaveCount(builtin.lessons.length);
  // The built-in id stays the built-in pack's.
  await page.getByTestId('studio-button').click();
  await page.getByTestId('studio-button').click();
  const again = page.getByRole('dialog', { name: 'Studio' });
  await expect(again.locator('[data-draft="my-course"]')).toContainText(`${builtin.lessons.length} lessons`);
  await again.getByTestId('new-pack-title').fill('Mine');
  await again.getByTestId('new-pack-id').fill('stateless-vs-stateful');
  await again.getByRole('button', { name: 'Create pack' }).click();
  await expect(again.getByRole('alert')).toContainText("built-in pack's id");
});

test('while the studio is open the header names its draft (pack · lesson) in the app’s language, and the lesson’s title comes back when it closes', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'header-course'), { recursive: true, force: true });
  const builtin = JSON.parse(readFileSync('lessons/stateless-vs-stateful/pack.json', 'utf8')) as { lessons: string[] };
  const titles = builtin.lessons.slice(0, 2).map((file) => (JSON.parse(readFileSync(path.join('lessons/stateless-vs-stateful', file), 'utf8')) as { title: { en: string; 'zh-CN': string } }).title);
  await openApp(page);
  await page.setViewportSize({ width: 1280, height: 720 });
  const lessonTitle = page.locator('.sl-header .sl-lesson-title');
  await expect(lessonTitle).toHaveText(titles[0]!.en);
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  await page.getByRole('dialog', { name: 'Lesson packs' }).getByTestId('edit-pack-stateless-vs-stateful').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Header course');
  await start.getByTestId('new-pack-id').fill('header-course');
  await start.getByRole('button', { name: 'Duplicate' }).click();
  const studio = page.getByTestId('studio-panel');
  const headerTitle = page.getByTestId('studio-header-title');
  await expect(headerTitle).toHaveText(`Header course · ${titles[0]!.en}`);
  // Only the studio's title is in the header, not the open lesson's as well.
  await expect(lessonTitle).toHaveCount(1);
  await studio.getByTestId('studio-lesson').selectOption('1');
  await expect(headerTitle).toHaveText(`Header course · ${titles[1]!.en}`);
  const oneRow = async () => expect((await page.locator('.sl-header').boundingBox())!.height).toBeLessThan(60);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await oneRow();
    await page.screenshot({ path: `${SHOTS}/studio-header-en-${width}.png` });
  }
  // In Chinese the lesson's Chinese title (the pack title was written in English only, so it reads in English).
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(headerTitle).toHaveText(`Header course · ${titles[1]!['zh-CN']}`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await oneRow();
    await page.screenshot({ path: `${SHOTS}/studio-header-zh-CN-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
  // Closing the studio brings back the lesson the student had open.
  await page.getByTestId('studio-button').click();
  await expect(studio).toHaveCount(0);
  await expect(headerTitle).toHaveCount(0);
  await expect(lessonTitle).toHaveText(titles[0]!.en);
});

test('scenario noise: GC-like pauses per node kind from the node table, beside latency tails and lost connection openings', async ({ page }) => {
  test.setTimeout(120_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', 'noise-pack'), { recursive: true, force: true });
  await openApp(page);
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Noise');
  await start.getByTestId('new-pack-id').fill('noise-pack');
  await start.getByRole('button', { name: 'Create pack' }).click();
  const studio = page.getByTestId('studio-panel');
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  const noise = studio.getByTestId('studio-noise');
  // One row per node kind of the node table.
  await expect(noise.locator('[data-pause-kind]')).toHaveCount(7);
  const services = noise.locator('[data-pause-kind="service"]');
  // Lost openings alone are noise too: turning every other row off keeps them.
  const openings = noise.getByRole('checkbox', { name: 'Lost connection openings' });
  await openings.check();
  await expect(noise.getByLabel('Sent again after (ms)')).toHaveValue('1000');
  await noise.getByLabel('Sent again after (ms)').fill('1500');
  await services.getByRole('checkbox', { name: 'Pauses on every Service' }).check();
  await services.getByRole('checkbox', { name: 'Pauses on every Service' }).uncheck();
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  await expect(openings).toBeChecked();
  await expect(noise.getByLabel('Sent again after (ms)')).toHaveValue('1500');
  await services.getByRole('checkbox', { name: 'Pauses on every Service' }).check();
  await services.getByLabel('Per minute').fill('3');
  await services.getByLabel('Longest (ms)').fill('2000');
  await noise.getByRole('checkbox', { name: 'Latency tails on links' }).check();
  await noise.getByRole('checkbox', { name: 'Latency tails on links' }).uncheck();
  // Turning tails off keeps the pauses; the values survive a trip to another tab.
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  await expect(services.getByLabel('Per minute')).toHaveValue('3');
  await expect(services.getByLabel('Longest (ms)')).toHaveValue('2000');
  await expect(noise.getByLabel('Sent again after (ms)')).toHaveValue('1500');
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });
  await noise.scrollIntoViewIfNeeded();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-noise-${width}.png` });
    await openings.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-noise-openings-${width}.png` });
    await noise.scrollIntoViewIfNeeded();
  }
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(services).toContainText('每个服务都会停顿');
  await expect(noise).toContainText('建立连接时丢包');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/studio-noise-zh-${width}.png` });
    await noise.getByRole('checkbox', { name: '建立连接时丢包' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-noise-openings-zh-${width}.png` });
    await noise.scrollIntoViewIfNeeded();
  }
  await page.getByLabel('语言').selectOption('en');
});
