/**
 * The last raw words a student or an instructor met, each where they meet it, in English and in
 * 简体中文: a re-graded submission made under another student's numbers names each value by the
 * lesson's label and unit (not "crashAtMs 11500"); a stored studio draft that no longer loads is
 * listed and says why in our words (not zod's English); a request that gave up waiting for its
 * user's login says so in the lab's event log.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { createSubmission } from '../../src/main/grading/submission';
import { openPackSource } from '../../src/main/packs/source';
import { loadPack } from '../../src/main/packs/validate';
import { localize } from '../../src/shared/i18n';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { PACK_DIR } from '../support/classSubmissions';
import { englishInTooltips, englishOnScreen } from '../support/screenAudit';
import { forgetStudentWork, node, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const language = (page: Page, locale: 'en' | 'zh-CN') => page.getByRole('combobox', { name: new RegExp(`^(${EN.app.language}|${ZH_CN.app.language})$`) }).selectOption(locale);

test('a submission whose recorded numbers are not its student’s is re-graded with a note naming each value by its label and unit', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const pack = await loadPack(await openPackSource(PACK_DIR));
  const lesson = pack.lessons.find((l) => l.lesson.id === 'any-instance')!;
  const submission = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: lesson.lesson, graph: lesson.starter, savedAt: new Date(0), student: 'Ada Lovelace' });
  // Edited to an easier crash time: the name decides the numbers, and the note says the file's differ.
  const forged = { ...submission, variant: { ...submission.variant!, values: { ...submission.variant!.values, crashAtMs: 9_500 } } };
  const file = { name: 'ada.statelab-submission.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(forged)) };
  await openApp(page);

  for (const locale of ['en', 'zh-CN'] as const) {
    const w = locale === 'en' ? EN.lesson : ZH_CN.lesson;
    await language(page, locale);
    await page.getByTestId('submission-picker').setInputFiles(file);
    const dialog = page.getByRole('dialog', { name: w.regradeTitle });
    const note = dialog.getByTestId('regrade-note');
    await expect(note).toHaveCount(1, { timeout: 60_000 });
    if (locale === 'en') await expect(note).toContainText('The file records the variant API 2 crashes at: 9.5 s, Request rate of the users: ');
    else await expect(note).toContainText('文件记录的变体是 API 实例 2 崩溃时间：9.5秒，用户请求速率：');
    await expect(note).toContainText(locale === 'en' ? ' req/s' : ' 次/秒');
    await expect(note).not.toContainText('crashAtMs');
    await expect(note).not.toContainText(/\brps\b/);
    // The lesson by its title, not its id.
    await expect(dialog.locator('p').first()).toContainText(` · ${localize(lesson.lesson.title, locale)} · `);
    await dialog.evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: `${SHOTS}/words-regrade-variant-${locale}-1280x720.png` });
    await dialog.getByRole('button', { name: w.close }).click();
  }
});

test('a stored draft that no longer loads is listed, and Edit says why in our words, in Chinese and in English', async ({ page }) => {
  test.setTimeout(120_000);
  const dir = path.join(E2E_DATA_DIR, 'studio', 'broken-draft');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'studio.json'), JSON.stringify({ id: 'broken-draft', title: { en: 'Broken' }, packVersion: 7, authors: [], locales: ['en'], lessons: [] }));
  try {
    await page.setViewportSize({ width: 1280, height: 720 });
    await openApp(page);
    for (const locale of ['zh-CN', 'en'] as const) {
      const w = locale === 'en' ? EN.studio : ZH_CN.studio;
      await language(page, locale);
      await page.getByTestId('studio-button').click();
      const start = page.getByRole('dialog', { name: w.studio });
      const row = start.locator('[data-draft="broken-draft"]');
      await expect(row).toContainText(w.draftDoesNotLoad);
      await row.getByRole('button', { name: w.edit }).click();
      const error = start.getByTestId('draft-open-error');
      if (locale === 'en') await expect(error).toHaveText('The draft "broken-draft" in the data folder does not load:\npackVersion: expected a string, found a number');
      else await expect(error).toHaveText('数据文件夹中的草稿“broken-draft”无法加载：\npackVersion：应为字符串，实际为数字');
      await page.screenshot({ path: `${SHOTS}/words-broken-draft-${locale}-1280x720.png` });
      await page.keyboard.press('Escape');
      await expect(start).toHaveCount(0);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

/** Users → balancer → API (sessions in a store) → session store; the users retry after 3 s. */
const loginDesign = {
  format: 'statelab.graph',
  version: 1,
  nodes: [
    { id: 'users', kind: 'client', label: 'Users', position: { x: 0, y: 120 }, props: { users: 20, rps: 40, timeoutMs: 1000, retries: 3, retryBackoffMs: 3000 } },
    { id: 'lb', kind: 'load-balancer', label: 'Load balancer', position: { x: 240, y: 120 }, props: { healthCheck: { intervalMs: 200, unhealthyAfter: 1 } } },
    { id: 'api', kind: 'service', label: 'API', position: { x: 480, y: 120 }, props: { sessions: 'session-store' } },
    { id: 'sessions', kind: 'session-store', label: 'Sessions', position: { x: 720, y: 120 }, props: { latencyMs: 1 } },
  ],
  edges: [
    { id: 'users-lb', source: 'users', target: 'lb', kind: 'request', props: { latencyMs: 1 } },
    { id: 'lb-api', source: 'lb', target: 'api', kind: 'request', props: { latencyMs: 1 } },
    { id: 'api-sessions', source: 'api', target: 'sessions', kind: 'request', props: { latencyMs: 1 } },
  ],
};

test('requests that gave up waiting for their user’s login say so in the event log, in English and in Chinese', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByTestId('open-file-input').setInputFiles({ name: 'login-wait.statelab.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(loginDesign)) });
  await expect(page.locator('.react-flow__node')).toHaveCount(4);
  // The session store is down from the start: every first login fails at once and waits 3 s to
  // retry, and the user's other requests, waiting for that login, give up after their 1 s timeout.
  await node(page, 'sessions').click({ button: 'right' });
  await page.getByRole('menu', { name: 'Inject a fault' }).getByRole('menuitem', { name: 'Crash' }).click();
  // Injecting it runs the design again, to its end; the cursor then moves to 4 s.
  await expect(page.getByRole('region', { name: 'Run results' })).toContainText('Trace', { timeout: 60_000 });
  await page.getByLabel('Timeline').fill('4000');
  const line = page.locator('.sl-eventlog [data-kind="failing"]').filter({ hasText: 'Users' });
  await expect(line).toHaveText(/Users fails requests with a timeout: they waited for their user's login longer than 1,?000 ms\./);
  await line.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/words-login-wait-en-1280x720.png` });

  await language(page, 'zh-CN');
  // The node keeps the name the design gave it; the sentence around it is Chinese, its unit too.
  const zh = page.locator('.sl-eventlog [data-kind="failing"]').filter({ hasText: '登录' });
  await expect(zh).toHaveText(/Users 的请求因超时而失败：它们等待用户登录超过了 1,?000 毫秒。/);
  await zh.scrollIntoViewIfNeeded();
  // The charts' ticks, drawn on a canvas, read in Chinese too ("10秒", "1.0毫秒", not "10 s", "1.0 ms").
  const plots = page.locator('.sl-chart-plot');
  await expect(plots.first()).toHaveAttribute('data-x-ticks', /^0秒 \| \d+秒 \| \d+秒/);
  for (const ticks of await plots.evaluateAll((els) => els.map((el) => `${(el as HTMLElement).dataset.xTicks} ${(el as HTMLElement).dataset.yTicks}`))) expect(ticks).not.toMatch(/\d (s|ms)\b|\/s\b/);
  await page.screenshot({ path: `${SHOTS}/words-login-wait-zh-CN-1280x720.png` });
  // Nor is any tooltip left in English (React Flow's zoom buttons said "Zoom In"); the injected
  // fault's id and its scenario-file form ("crash sessions") are data, as the tooltip's purpose.
  expect(await englishInTooltips(page, ['lab-crash-1', 'crash sessions'])).toEqual([]);
});

test('a student’s detail in Class results says what grading put back in the app’s language, not the CSV’s English', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1280, height: 720 });
  const pack = await loadPack(await openPackSource(PACK_DIR));
  const lesson = pack.lessons.find((l) => l.lesson.id === 'session-state')!;
  // The users' rate turned up: grading puts the lesson's client back, and says so.
  const graph = { ...lesson.reference!, nodes: lesson.reference!.nodes.map((n) => (n.id === 'users' ? { ...n, props: { ...n.props, rps: 50 } } : n)) };
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-words-class-'));
  mkdirSync(path.join(dir, 'class'));
  writeFileSync(path.join(dir, 'class', 'li-lei.json'), JSON.stringify(createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: lesson.lesson, graph, savedAt: new Date(0), student: 'Li Lei' })));
  await openApp(page);
  await language(page, 'zh-CN');
  await page.getByRole('button', { name: ZH_CN.app.classResults }).click();
  const dialog = page.getByRole('dialog', { name: ZH_CN.classResults.title });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toBeVisible({ timeout: 120_000 });
  await dialog.locator('tr[data-file="class/li-lei.json"] button').click();
  const detail = dialog.getByTestId('class-detail');
  await expect(detail.locator('.sl-check')).not.toHaveCount(0, { timeout: 60_000 });
  await expect(detail).toContainText('锁定节点“用户”被改动过');
  await expect(detail).not.toContainText('was changed');
  expect(await englishOnScreen(page, ['class', 'li-lei.json', 'Li Lei', 'stateless-vs-stateful', 'session-state'])).toEqual([]);
  await page.screenshot({ path: `${SHOTS}/words-class-detail-zh-CN-1280x720.png` });
  rmSync(dir, { recursive: true, force: true });
});
