/**
 * The studio's editors for per-student ranges, predict-before-run questions and structure
 * predicates: an instructor adds a range for the crash's time (an invalid max is flagged where it
 * is), previews two students getting different times, writes a question in both languages, builds
 * "a path from the client to the database through a cache", and sees the live panel grade it on
 * the seeds and on sampled students' variants; the saved and exported lesson hold exactly these,
 * and the zip passes `pack:validate --run`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { unzipSync } from 'fflate';
import { E2E_DATA_DIR } from '../../playwright.config';
import { deriveVariant, LessonVariantsSchema } from '../../src/shared/variants';
import { connect, dropKind, forgetStudentWork, newDesign, node, openApp } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const PACK = 'editors-pack';
const LESSON = 'cache-path';

async function fillBoth(page: Page, testId: string, en: string, zh: string): Promise<void> {
  const field = page.getByTestId(testId).first();
  await field.locator('[data-locale="en"]').fill(en);
  await field.locator('[data-locale="zh-CN"]').fill(zh);
}

/** Connects two nodes by dragging, again if the canvas was still settling (the view refits after each edit). */
async function connectTo(page: Page, source: string, target: string, edges: number): Promise<void> {
  await expect(async () => {
    if ((await page.locator('.react-flow__edge').count()) < edges) await connect(page, source, target);
    await expect(page.locator('.react-flow__edge')).toHaveCount(edges, { timeout: 1500 });
  }).toPass({ timeout: 15_000 });
}

const VARIANTS = {
  parameters: [
    {
      id: 'crashAtMs',
      label: { en: 'The service crashes at', 'zh-CN': '服务崩溃时间' },
      min: 8000,
      max: 16000,
      step: 500,
      unit: 'ms',
      sets: ['scenario.faults[id=crash].atMs'],
    },
  ],
};
const PREDICTIONS = [
  {
    id: 'predict',
    question: { en: 'Before you run: will any request fail once the service crashes?', 'zh-CN': '运行之前先预测：服务崩溃后会有请求失败吗？' },
    choices: [
      { id: 'a', text: { en: 'No, none', 'zh-CN': '不会，一个也没有' }, max: 0.01 },
      { id: 'b', text: { en: 'Yes, some do', 'zh-CN': '会，有一些会失败' }, min: 0.01 },
    ],
    measure: { metric: 'errorRate' },
    points: 1,
  },
];
const CHECK = { id: 'cache-in-path', type: 'structure', require: { path: { from: { id: 'client-1' }, to: { kind: 'database' }, via: { kind: 'cache' } } }, points: 1 };

/** Two names whose crash times differ, and what each gets. */
function twoStudents(): [string, number, string, number] {
  const variants = LessonVariantsSchema.parse(VARIANTS);
  const at = (name: string) => deriveVariant(LESSON, variants, name)!.values.crashAtMs!;
  const first = 'Wang Lei';
  const other = ['Ada Lovelace', 'Grace Hopper', 'Li Na', 'Alan Turing'].find((n) => at(n) !== at(first))!;
  return [first, at(first), other, at(other)];
}

test('an instructor adds a per-student range, a prediction and a path-through-a-cache structure check; the panel grades them and the exported zip validates', async ({ page }) => {
  test.setTimeout(300_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', PACK), { recursive: true, force: true });
  await openApp(page);
  await page.setViewportSize({ width: 1440, height: 900 });

  // The starter: client → service → database, drawn on the canvas.
  await newDesign(page);
  await dropKind(page, 'client', 80, 200);
  await dropKind(page, 'service', 260, 200);
  await dropKind(page, 'database', 440, 300);
  await connectTo(page, 'client-1', 'service-1', 1);
  await connectTo(page, 'service-1', 'database-1', 2);

  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: 'Studio' });
  await start.getByTestId('new-pack-title').fill('Editors');
  await start.getByTestId('new-pack-id').fill(PACK);
  await start.getByRole('button', { name: 'Create pack' }).click();
  const studio = page.getByTestId('studio-panel');
  await studio.getByRole('button', { name: 'Add lesson' }).click();
  await expect(studio.getByTestId('starter-size')).toHaveText('3 nodes');

  // The reference: a cache between the service and the database, added from the palette in 简体中文 (named 缓存).
  await page.getByLabel('Language').selectOption('zh-CN');
  await dropKind(page, 'cache', 440, 120);
  await expect(node(page, 'cache-1').locator('.sl-node-label')).toHaveText('缓存');
  await page.getByLabel('语言').selectOption('en');
  await connectTo(page, 'service-1', 'cache-1', 3);
  await connectTo(page, 'cache-1', 'database-1', 4);
  await studio.getByRole('button', { name: 'Use the canvas as reference' }).click();
  await expect(studio.getByTestId('reference-size')).toHaveText('4 nodes');
  // The lesson knows the cache's name in English too: the canvas reads "Cache" in English.
  await expect(node(page, 'cache-1').locator('.sl-node-label')).toHaveText('Cache');

  await studio.getByRole('tab', { name: 'Texts' }).click();
  await studio.getByTestId('lesson-id').fill(LESSON);
  await fillBoth(page, 'pack-title', 'Editors', '编辑器');
  await fillBoth(page, 'text-title', 'Put a cache in the path', '在路径上放一个缓存');

  // A crash of the service, then a per-student range for its time.
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  await studio.getByRole('button', { name: 'Add fault' }).click();
  await studio.getByTestId('fault-row-0').getByLabel('Target').selectOption('service-1');
  await studio.getByTestId('fault-row-0').getByLabel('At (s)').fill('10');
  const variants = studio.getByTestId('studio-variants');
  await variants.getByTestId('variant-target').selectOption('scenario.faults[id=crash].atMs');
  await variants.getByTestId('variant-add').click();
  const range = variants.getByTestId('variant-row-0');
  await expect(range.getByTestId('variant-id')).toHaveValue('crashAtMs');
  await expect(range.getByRole('combobox', { name: 'Sets' })).toHaveValue('scenario.faults[id=crash].atMs');
  await expect(range.getByRole('combobox', { name: 'Sets' }).locator('option:checked')).toHaveText('Time of fault “Crash Service 1”');
  await range.getByTestId('variant-min').fill('8000');
  // An invalid max is flagged where it is; the draft keeps working.
  await range.getByTestId('variant-max').fill('1000');
  await expect(range.getByTestId('variant-problem')).toContainText(['Max must be at least min.']);
  await range.getByTestId('variant-max').fill('16000');
  await range.getByTestId('variant-max').press('Tab');
  await expect(range.getByTestId('variant-problem')).toHaveText(['Give it a name in English (and 简体中文).']);
  await fillBoth(page, 'variant-label-0', VARIANTS.parameters[0]!.label.en, VARIANTS.parameters[0]!.label['zh-CN']);
  await expect(range.getByTestId('variant-problem')).toHaveCount(0);
  await expect(range).toContainText('17 values');

  // A range for a setting the client leaves at its default: the node gets the value written, and
  // the range asks for the node to be locked until "Lock it" is pressed; then it is removed again.
  await variants.getByTestId('variant-target').selectOption('starter.nodes[id=client-1].props.rps');
  await variants.getByTestId('variant-add').click();
  const rps = variants.getByTestId('variant-row-1');
  await expect(rps.getByTestId('variant-id')).toHaveValue('client1Rps');
  await expect(rps.getByTestId('variant-problem')).toContainText(['Node “Client” is not locked']);
  await rps.getByRole('button', { name: 'Lock it' }).click();
  await expect(rps.getByTestId('variant-problem')).toHaveText(['Give it a name in English (and 简体中文).']);
  await rps.getByRole('button', { name: 'Remove' }).click();
  await expect(variants.locator('[data-variant]')).toHaveCount(1);

  // Preview as two students: different crash times, each as grading derives it.
  const [first, firstAt, second, secondAt] = twoStudents();
  const preview = variants.getByTestId('variant-preview');
  await preview.getByTestId('variant-student').fill(first);
  const crashValue = preview.locator('[data-value-of="crashAtMs"] strong');
  const seconds = (ms: number) => `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)}`;
  await expect(crashValue).toContainText(seconds(firstAt));
  const firstText = await crashValue.textContent();
  await preview.getByTestId('variant-student').fill(second);
  await expect(crashValue).toContainText(seconds(secondAt));
  expect(await crashValue.textContent()).not.toBe(firstText);
  await variants.scrollIntoViewIfNeeded();
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await variants.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-variants-${width}.png` });
  }

  // A structure check: a path from the client to the database through a cache.
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await studio.getByRole('button', { name: 'Add structure check' }).click();
  await studio.getByTestId('check-id').fill(CHECK.id);
  const require = studio.getByTestId('structure-require');
  await require.getByTestId('pred-root-type').selectOption('path');
  await require.getByLabel('From: kind').selectOption('');
  await require.getByLabel('From: id').fill('client-1');
  await require.getByRole('checkbox', { name: 'through a node in between' }).check();
  await expect(require.getByLabel('Through: kind')).toHaveValue('cache');
  await expect(require.getByTestId('structure-require-summary')).toHaveText('requests can go from node “Client” to Database through Cache');
  // Text that is not key=value stays in its box with a message.
  await require.getByLabel('To: settings').fill('oops');
  await expect(require.getByRole('alert')).toHaveText('“oops” is not key=value');
  await require.getByLabel('To: settings').fill('');
  await expect(require.getByRole('alert')).toHaveCount(0);

  // Nesting, on the forbid side: any of (not a cache, a count of caches), then turned off again.
  await studio.getByTestId('structure-forbid-on').check();
  const forbid = studio.getByTestId('structure-forbid');
  await forbid.getByTestId('pred-root-type').selectOption('not');
  await expect(forbid.getByTestId('structure-forbid-summary')).toHaveText('not (there is Cache)');
  await forbid.getByTestId('pred-root-type').selectOption('anyOf');
  await forbid.getByTestId('pred-root-add').click();
  await forbid.getByTestId('pred-1-type').selectOption('count');
  await expect(forbid.getByTestId('structure-forbid-summary')).toHaveText('at least one of: not (there is Cache); count of Cache >= 1');
  await expect(forbid.getByTestId('pred-0-0')).toHaveAttribute('data-type', 'node');
  await forbid.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${SHOTS}/studio-structure-nested-1440.png` });
  await studio.getByTestId('structure-forbid-on').uncheck();
  await expect(forbid).toHaveCount(0);

  // A predict-before-run question in both languages.
  const predictions = studio.getByTestId('studio-predictions');
  await predictions.getByTestId('prediction-add').click();
  // Switching the metric moves the default bounds with it: a hit ratio splits at one half, not at the error rate's 1 %.
  const bound = (choice: number, name: 'below' | 'at least') => page.getByTestId(`prediction-0-choice-${choice}`).getByLabel(name);
  await expect(bound(0, 'below')).toHaveValue('0.01');
  await predictions.getByTestId('prediction-metric').selectOption('cacheHitRatio');
  await expect(bound(0, 'below')).toHaveValue('0.5');
  await expect(bound(1, 'at least')).toHaveValue('0.5');
  await predictions.getByTestId('prediction-metric').selectOption('errorRate');
  await expect(bound(0, 'below')).toHaveValue('0.01');
  await expect(bound(1, 'at least')).toHaveValue('0.01');
  await fillBoth(page, 'prediction-question-0', PREDICTIONS[0]!.question.en, PREDICTIONS[0]!.question['zh-CN']);
  await expect(page.getByTestId('prediction-0-choice-text-0')).toBeVisible();
  await page.getByTestId('prediction-0-choice-text-0').locator('[data-locale="en"]').fill(PREDICTIONS[0]!.choices[0]!.text.en);
  await expect(page.getByTestId('prediction-0-choice-text-0')).toContainText('missing translation');
  await page.getByTestId('prediction-0-choice-text-0').locator('[data-locale="zh-CN"]').fill(PREDICTIONS[0]!.choices[0]!.text['zh-CN']);
  await fillBoth(page, 'prediction-0-choice-text-1', PREDICTIONS[0]!.choices[1]!.text.en, PREDICTIONS[0]!.choices[1]!.text['zh-CN']);
  await expect(predictions.getByTestId('prediction-problem')).toHaveCount(0);
  // The nodes still bear the names the palette gave them, in English or (the reference's cache) in 简体中文:
  // each has its kind's name in both languages already, and none is listed as untranslated.
  await expect(studio.getByTestId('studio-missing')).toHaveCount(0);
  await studio.getByRole('tab', { name: 'Designs' }).click();
  for (const [id, en, zh] of [['client-1', 'Client', '客户端'], ['service-1', 'Service 1', '服务 1'], ['database-1', 'Database', '数据库'], ['cache-1', 'Cache', '缓存']] as const) {
    await expect(page.getByTestId(`node-name-${id}`).locator('[data-locale="en"]')).toHaveValue(en);
    await expect(page.getByTestId(`node-name-${id}`).locator('[data-locale="zh-CN"]')).toHaveValue(zh);
  }
  for (const [locale, width, height] of [['en', 1280, 720], ['en', 1440, 900], ['zh-CN', 1280, 720], ['zh-CN', 1440, 900]] as const) {
    await page.locator('select').filter({ has: page.locator('option[value="zh-CN"]') }).first().selectOption(locale);
    await page.setViewportSize({ width, height });
    await page.getByTestId('node-name-cache-1').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-palette-names-${locale}-${width}.png` });
  }
  await page.getByLabel('语言').selectOption('en');
  await page.setViewportSize({ width: 1440, height: 900 });
  await studio.getByRole('tab', { name: 'Checks' }).click();
  await expect(studio.getByTestId('studio-problems-count')).toHaveText('No problems: the pack validates clean', { timeout: 30_000 });

  // The live panel grades the structure check: starter fails, reference passes, on the seeds and on sampled students.
  const verify = page.getByTestId('verify-panel');
  const row = verify.locator('table').first().locator(`tr[data-check="${CHECK.id}"]`);
  await expect(row.locator('[data-design="starter"]')).toContainText('passes 0/10', { timeout: 120_000 });
  await expect(row.locator('[data-design="reference"]')).toContainText('passes 10/10');
  const sampled = verify.getByTestId('verify-variants');
  await expect(sampled).toContainText('Over 10 sampled students’ variants');
  await expect(sampled.locator(`tr[data-check="${CHECK.id}"] [data-design="starter"]`)).toContainText('passes 0/10');
  await expect(sampled.locator(`tr[data-check="${CHECK.id}"] [data-design="reference"]`)).toContainText('passes 10/10');
  await expect(sampled).toContainText('Students: student-1 … student-10');

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await require.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-structure-${width}.png` });
    await predictions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-predictions-${width}.png` });
  }
  // No serious accessibility problems in the editors.
  const { violations } = await new AxeBuilder({ page }).include('[data-testid="studio-panel"]').analyze();
  expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  // The same editors in 简体中文.
  await page.getByLabel('Language').selectOption('zh-CN');
  await expect(require.getByTestId('structure-require-summary')).toHaveText('请求能从节点“客户端”经过缓存到达数据库');
  await expect(sampled).toContainText('在 10 个抽样学生的变体上');
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await require.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-structure-zh-${width}.png` });
    await predictions.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-predictions-zh-${width}.png` });
    await studio.getByRole('tab', { name: '场景' }).click();
    await studio.getByTestId('variant-student').fill(first);
    await studio.getByTestId('studio-variants').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SHOTS}/studio-variants-zh-${width}.png` });
    await studio.getByRole('tab', { name: '检查' }).click();
  }
  const header = await page.locator('.sl-header').boundingBox();
  expect(header!.height).toBeLessThan(60);
  await page.getByLabel('语言').selectOption('en');

  // Saved and exported: the lesson holds exactly what was built.
  await studio.getByRole('button', { name: 'Save' }).click();
  await expect(studio.getByTestId('studio-message')).toContainText('Saved');
  const draft = JSON.parse(readFileSync(path.join(E2E_DATA_DIR, 'studio', PACK, 'studio.json'), 'utf8')) as { lessons: { lesson: Record<string, unknown>; starter: { nodes: { id: string; props: unknown }[] } }[] };
  const saved = draft.lessons[0]!.lesson;
  expect(saved.variants).toEqual(VARIANTS);
  expect(saved.predictions).toEqual(PREDICTIONS);
  expect(saved.checks).toEqual([CHECK]);
  expect(saved.locked).toEqual(['client-1']);
  expect(draft.lessons[0]!.starter.nodes.find((n) => n.id === 'client-1')!.props).toEqual({ rps: 100 });
  const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: 'Export zip' }).click()]);
  const zipBytes = readFileSync((await download.path())!);
  const files = unzipSync(new Uint8Array(zipBytes));
  const lessonFile = Object.keys(files).find((name) => name.endsWith('.lesson.json'))!;
  const exported = JSON.parse(new TextDecoder().decode(files[lessonFile])) as Record<string, unknown>;
  expect(exported.variants).toEqual(VARIANTS);
  expect(exported.predictions).toEqual(PREDICTIONS);
  expect(exported.checks).toEqual([CHECK]);
  const zip = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-editors-')), download.suggestedFilename());
  writeFileSync(zip, zipBytes);
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'src/cli/validatePack.ts', '--run', zip], { timeout: 180_000 });
  expect(stdout).toContain(`${zip}: OK: pack "${PACK}"`);

  // A range may set several fields to its value: each has its own picker, and changing or removing
  // one leaves the others alone (a range written by hand with two fields keeps both).
  await studio.getByRole('tab', { name: 'Scenario' }).click();
  const crashRange = studio.getByTestId('studio-variants').getByTestId('variant-row-0');
  await crashRange.getByTestId('variant-add-field').click();
  await expect(crashRange.getByTestId('variant-field-1').getByRole('combobox')).toBeVisible();
  await expect(crashRange.getByTestId('variant-field-0').getByRole('combobox')).toHaveValue('scenario.faults[id=crash].atMs');
  for (const [lang, label] of [['en', 'Language'], ['zh-CN', '语言']] as const) {
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await crashRange.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/studio-variant-two-fields-${lang}-${width}.png` });
    }
    await page.getByLabel(label).selectOption(lang === 'en' ? 'zh-CN' : 'en');
  }
  await crashRange.getByTestId('variant-field-1').getByRole('button', { name: 'Stop setting this field' }).click();
  await expect(crashRange.getByTestId('variant-field-1')).toHaveCount(0);
  await expect(crashRange.getByTestId('variant-field-0').getByRole('combobox')).toHaveValue('scenario.faults[id=crash].atMs');
});
