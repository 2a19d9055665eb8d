/**
 * Class results, as an instructor uses them: a folder of 30 generated submissions graded in the app
 * shows the per-check pass rates `npm run grade` writes for the same folder; who failed a check and
 * the forged grades are listed; a student's design opens in the lab at its first violation; the
 * merged CSV of two shards reads to the same figures.
 */
import { execFile } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from '@playwright/test';
import Papa from 'papaparse';
import { LESSON_ID, PACK_DIR, writeClassSubmissions, type GeneratedSubmission } from '../support/classSubmissions';
import { APP_PATH, forgetStudentWork } from './helpers';
import { E2E_DATA_DIR } from '../../playwright.config';

/** The lesson's checks as its file names them: id and bilingual title. */
function lessonChecks(): { id: string; title: { en: string; 'zh-CN': string } }[] {
  const file = path.join(PACK_DIR, 'lessons', '03-session-state.lesson.json');
  const lesson = JSON.parse(readFileSync(file, 'utf8')) as { id: string; checks: { id: string; title: { en: string; 'zh-CN': string } }[] };
  expect(lesson.id).toBe(LESSON_ID);
  return lesson.checks;
}

/** The titles of the pack and of the lesson the class submitted to, as their files give them. */
function lessonTitles(): { pack: { en: string; 'zh-CN': string }; lesson: { en: string; 'zh-CN': string } } {
  const read = (file: string) => JSON.parse(readFileSync(path.join(PACK_DIR, file), 'utf8')) as { title: { en: string; 'zh-CN': string } };
  return { pack: read('pack.json').title, lesson: read(path.join('lessons', '03-session-state.lesson.json')).title };
}

const run = promisify(execFile);
const SHOTS = 'test-results/screenshots';
let dir: string;
let generated: GeneratedSubmission[];
/** The CLI's CSV for the folder, as records (header first). */
let cliRows: string[][];

test.beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'statelab-class-e2e-'));
  generated = await writeClassSubmissions(dir, 30, { withBroken: true });
  const out = path.join(dir, 'grades.csv');
  await run(process.execPath, ['--import', 'tsx', 'src/cli/grade.ts', '--pack', PACK_DIR, path.join(dir, 'class'), '--out', out]).catch((e: { code?: number }) => {
    if (e.code !== 1) throw e; // 1: some files were malformed (the truncated one)
  });
  cliRows = Papa.parse<string[]>(readFileSync(out, 'utf8'), { skipEmptyLines: true }).data;
});

/** Per check of the lesson, from the CLI's CSV: [passed, graded, names of those who did not pass]. */
function cliPassRates(): Map<string, { passed: number; total: number; failed: string[] }> {
  const [header, ...rows] = cliRows;
  const graded = rows.filter((r) => r[2] === LESSON_ID && r[6] === '');
  const out = new Map<string, { passed: number; total: number; failed: string[] }>();
  header!.forEach((name, c) => {
    if (!name.startsWith(`${LESSON_ID}/`)) return;
    const failed = graded.filter((r) => !(Number(r[c]) > 0)).map((r) => r[1]!.replace(/^'/, ''));
    out.set(name.slice(LESSON_ID.length + 1), { passed: graded.length - failed.length, total: graded.length, failed });
  });
  return out;
}

test('before a class is graded, the dialog says how in steps that name its own buttons, in English and 简体中文', async ({ page }) => {
  await forgetStudentWork();
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  for (const [language, dialogName, exportLabel] of [
    ['en', 'Class results', 'Export submission'],
    ['zh-CN', '班级成绩', '导出作业'],
  ] as const) {
    await page.getByRole('combobox', { name: 'Language' }).selectOption(language);
    // The export button the first step names is the lesson panel's own.
    await expect(page.getByRole('button', { name: exportLabel, exact: true })).toBeVisible();
    await page.getByRole('button', { name: dialogName, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: dialogName });
    const guide = dialog.getByTestId('class-guide');
    await expect(guide.locator('ol > li')).toHaveCount(4);
    await expect(guide.locator('ol > li').nth(0)).toContainText(`“${exportLabel}”`);
    await expect(guide.locator('ol > li').nth(0)).toContainText('.statelab-submission.json');
    // The buttons as the dialog shows them (a file picker's button stands just before its input).
    const buttonOf = (testId: string) => dialog.getByTestId(testId).locator('xpath=preceding-sibling::button[1]');
    const folderButton = (await buttonOf('class-folder-picker').innerText()).trim();
    const csvButton = (await buttonOf('class-csv-picker').innerText()).trim();
    await expect(guide.locator('ol > li').nth(2)).toContainText(`“${folderButton}”`);
    await expect(guide).toContainText(`“${csvButton}”`);
    await expect(guide.locator('code')).toContainText('npm run grade -- --pack');
    // The whole guide reads without scrolling on a 1280×720 laptop.
    const box = (await guide.boundingBox())!;
    expect(box.y + box.height).toBeLessThanOrEqual(720);
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await page.screenshot({ path: `${SHOTS}/class-results-guide-${language}-${width}.png` });
    }
    await page.setViewportSize({ width: 1280, height: 720 });
    await dialog.getByRole('button', { name: language === 'en' ? 'Close' : '关闭', exact: true }).click();
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  // Once a class is shown the guide gives way to it.
  await page.getByRole('button', { name: 'Class results', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Class results' });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toBeVisible({ timeout: 120_000 });
  await expect(dialog.getByTestId('class-guide')).toHaveCount(0);
});

test('the dashboard grades a folder of 30 submissions to the pass rates of npm run grade, and opens a student’s design at its first violation', async ({ page }) => {
  test.setTimeout(180_000);
  await forgetStudentWork();
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Class results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Class results' });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toHaveText(/^30 submissions · 29 graded · 1 could not be graded/, { timeout: 120_000 });

  // The pack and the lesson by their titles; the ids stay in tooltips for the CLI.
  const titles = lessonTitles();
  await expect(dialog.getByTestId('class-source')).toHaveText(`class · Pack: ${titles.pack.en}`);
  await expect(dialog.getByTestId('class-source')).toHaveAttribute('title', 'stateless-vs-stateful');
  await expect(dialog.getByTestId('class-lesson').locator('option:checked')).toHaveText(`${titles.lesson.en} (29)`);
  await expect(dialog.getByTestId('class-lesson')).toHaveAttribute('title', LESSON_ID);

  const expected = cliPassRates();
  expect([...expected.keys()]).toEqual(['no-loss-while-healthy', 'no-loss-at-crash', 'errors-recover', 'state-outside', 'sticky-share']);
  // The generated class has a different pass rate on most checks: a column mix-up would show.
  expect(new Set([...expected.values()].map((e) => e.passed)).size).toBeGreaterThanOrEqual(3);
  for (const [checkId, { passed, total }] of expected) {
    await expect(dialog.getByTestId(`pass-rate-${checkId}`)).toHaveText(`${passed}/${total} (${Math.round((passed / total) * 100)}%)`);
  }
  // Who did not pass a check, and the stored grades that were forged.
  await dialog.locator('[data-check="errors-recover"] button').click();
  const failedList = dialog.getByTestId('class-failed').locator('li');
  await expect(failedList).toHaveCount(expected.get('errors-recover')!.failed.length);
  for (const name of expected.get('errors-recover')!.failed) await expect(dialog.getByTestId('class-failed')).toContainText(name);
  const forged = generated.filter((g) => g.isForged).map((g) => g.student);
  await expect(dialog.getByTestId('class-mismatches').locator('li')).toHaveCount(forged.length);
  await expect(dialog.getByTestId('class-errors')).toContainText('class/student-30.json');

  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/class-results-${width}.png` });
  }
  // In 简体中文 the pack and lesson read in Chinese.
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  const zhDialog = page.locator('.sl-class-dialog');
  await expect(zhDialog.getByTestId('class-source')).toHaveText(`class · 课程包：${titles.pack['zh-CN']}`);
  await expect(zhDialog.getByTestId('class-lesson').locator('option:checked')).toHaveText(`${titles.lesson['zh-CN']} (29)`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/class-results-zh-CN-${width}.png` });
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // A forged grade: the student's details say what the file claimed against what re-grading gives.
  const forgedFile = generated.find((g) => g.isForged)!;
  await dialog.locator(`tr[data-file="${forgedFile.name}"] button`).click();
  await expect(dialog.getByTestId('class-differences')).toContainText(/Score: the file says \d+\/\d+, re-grading gives \d+\/\d+/, { timeout: 30_000 });

  // Student 10 kept sessions in one instance's memory: the design opens, the run stops at 5.0 s.
  const student = generated.find((g) => g.student === 'Student 10')!;
  await dialog.locator('tr[data-file="class/student-10.json"] button').click();
  const detail = dialog.getByTestId('class-detail');
  const openButton = detail.getByRole('button', { name: /Open design at first violation/ });
  await expect(openButton).toHaveText('Open design at first violation (5.0 s)', { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/class-results-detail-1440.png` });
  await openButton.click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.react-flow__node')).toHaveCount(student.graph.nodes.length);
  await expect(page.locator('.react-flow__node[data-id="sessions"]')).toBeVisible();
  await expect(page.getByTestId('cursor-time')).toHaveText(/^5\.0 s/, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();
  // The student's design replaced the instructor's own work on the lesson as one edit: Undo brings it back.
  await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('Control+z');
  await expect(page.locator('.react-flow__node[data-id="sessions"]')).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(page.locator('.react-flow__node[data-id="sessions"]')).toBeVisible();

  // Back to the dashboard: the results are still there; Escape closes it.
  await page.getByRole('button', { name: 'Class results' }).click();
  await expect(dialog.getByTestId('class-summary')).toContainText('30 submissions');
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the dashboard reads the merged CSV of two shards, flags a file graded twice, and names a broken line', async ({ page }) => {
  const [header, ...rows] = readFileSync(path.join(dir, 'grades.csv'), 'utf8').trimEnd().split('\n');
  // Shards as `cat shard-*.csv` joins them: the second header mid-file, and one file in both shards.
  const merged = path.join(dir, 'merged.csv');
  writeFileSync(merged, [header, ...rows.slice(0, 16), header, ...rows.slice(15)].join('\n') + '\n');
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Class results' }).click();
  const dialog = page.getByRole('dialog', { name: 'Class results' });
  await dialog.getByTestId('class-csv-picker').setInputFiles(merged);
  await expect(dialog.getByTestId('class-summary')).toHaveText(/^30 submissions · 29 graded/);
  for (const [checkId, { passed, total }] of cliPassRates()) {
    await expect(dialog.getByTestId(`pass-rate-${checkId}`)).toHaveText(`${passed}/${total} (${Math.round((passed / total) * 100)}%)`);
  }
  await expect(dialog.getByTestId('class-duplicates')).toContainText('(line 17, 19)');

  // Checks are named as the student reads them in the lesson, in the app's language; the id is only a tooltip.
  const checks = lessonChecks();
  expect(checks.length).toBe(5);
  const assertTitles = async (locale: 'en' | 'zh-CN') => {
    // The dialog's own name is translated too.
    const dialog = page.locator('.sl-class-dialog');
    for (const [i, check] of checks.entries()) {
      const name = dialog.locator(`[data-check="${check.id}"] .sl-pass-name`);
      await expect(name).toHaveText(`${i + 1}. ${check.title[locale]}`);
      await expect(name).toHaveAttribute('title', `${check.title[locale]} (${check.id})`);
      await expect(dialog.locator(`th[data-check="${check.id}"]`)).toHaveAttribute('title', `${i + 1}. ${check.title[locale]} (${check.id})`);
    }
  };
  await assertTitles('en');
  await dialog.locator('[data-check="errors-recover"] button').click();
  await expect(dialog.getByTestId('class-failed').locator('h3')).toContainText(checks.find((c) => c.id === 'errors-recover')!.title.en);
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await assertTitles('zh-CN');
  await expect(page.locator('.sl-class-dialog').getByTestId('class-lesson').locator('option:checked')).toHaveText(`${lessonTitles().lesson['zh-CN']} (29)`);
  for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
    await page.setViewportSize({ width, height });
    await page.screenshot({ path: `${SHOTS}/class-results-titles-zh-CN-${width}.png` });
  }
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  await assertTitles('en');
  await dialog.locator('[data-check="errors-recover"] button').click();

  // The CSV names files by the grader's paths: picking the folder matches them, so designs open from here too.
  await dialog.locator('.sl-class-table').getByRole('button', { name: 'Student 10', exact: true }).click();
  await expect(dialog.getByTestId('class-detail')).toContainText('pick the submissions folder');
  await dialog.getByTestId('class-designs-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-detail').getByRole('button', { name: /Open design at first violation/ })).toHaveText('Open design at first violation (5.0 s)', { timeout: 30_000 });
  // A moment reads as everywhere else in the app: "5.0秒" in Chinese, not "5.0 秒".
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.locator('.sl-class-dialog').getByTestId('class-detail').getByRole('button', { name: /在首次违规处打开设计/ })).toHaveText('在首次违规处打开设计（5.0秒）');
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  const broken = path.join(dir, 'broken.csv');
  writeFileSync(broken, [header, rows[0], rows[1]!.replace(/,(matched|MISMATCH|none),/, ',perhaps,')].join('\n'));
  await dialog.getByTestId('class-csv-picker').setInputFiles(broken);
  await expect(dialog.getByRole('alert')).toHaveText('broken.csv, line 3, column storedGrade: expected one of matched, MISMATCH, none or a blank cell.');
});

test('a folder mixing packs: a file of another installed pack is graded with that pack and its row says so; a pack not installed keeps the note', async ({ page }) => {
  test.setTimeout(180_000);
  // A second pack installed in the data folder: a copy of the built-in one under its own id (a course that duplicated it).
  const installed = path.join(E2E_DATA_DIR, 'packs', 'mixed-course');
  rmSync(installed, { recursive: true, force: true });
  cpSync(PACK_DIR, installed, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(installed, 'pack.json'), 'utf8')) as Record<string, unknown>;
  writeFileSync(path.join(installed, 'pack.json'), JSON.stringify({ ...manifest, id: 'mixed-course' }));
  try {
    const folder = path.join(dir, 'mixed');
    mkdirSync(folder, { recursive: true });
    // Two files of the built-in pack (the class's), one of the installed copy, one of a pack this app does not have.
    const [first, second, third] = generated;
    const sixth = generated[5]!;
    const write = (g: GeneratedSubmission, packId: string) => {
      const doc = JSON.parse(readFileSync(path.join(dir, g.name), 'utf8')) as Record<string, unknown>;
      writeFileSync(path.join(folder, path.basename(g.name)), JSON.stringify({ ...doc, packId }));
    };
    write(first!, 'stateless-vs-stateful');
    write(sixth, 'stateless-vs-stateful');
    write(second!, 'mixed-course');
    write(third!, 'not-installed');
    await forgetStudentWork();
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto(APP_PATH);
    await expect(page.locator('.react-flow__node').first()).toBeVisible();
    await page.getByRole('button', { name: 'Class results' }).click();
    const dialog = page.getByRole('dialog', { name: 'Class results' });
    await dialog.getByTestId('class-folder-picker').setInputFiles(folder);
    await expect(dialog.getByTestId('class-summary')).toHaveText(/^4 submissions · 3 graded · 1 could not be graded/, { timeout: 120_000 });
    // The pack not installed: its note says which pack it needs.
    await expect(dialog.getByTestId('class-errors')).toContainText('this submission is for the pack "not-installed", not "stateless-vs-stateful"');
    // The installed pack's file is graded, and listed among the rows with notes.
    await expect(dialog.getByTestId('class-noted')).toContainText(second!.student);
    await dialog.locator('.sl-class-table').getByRole('button', { name: second!.student, exact: true }).click();
    const detail = dialog.getByTestId('class-detail');
    await expect(detail).toContainText(`${second!.report!.score}/${second!.report!.maxScore}`);
    await expect(detail.getByTestId('class-own-pack')).toHaveText('Graded with its own pack "mixed-course" (installed here), not "stateless-vs-stateful", which graded the other files.');
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await detail.getByTestId('class-own-pack').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/class-results-own-pack-en-${width}.png` });
    }
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    // The dialog's own name is translated too.
    const detailZh = page.locator('.sl-class-dialog').getByTestId('class-detail');
    await expect(detailZh.getByTestId('class-own-pack')).toHaveText('用它自己的课程包“mixed-course”（已安装）评分，而不是为其他文件评分的“stateless-vs-stateful”。');
    for (const [width, height] of [[1280, 720], [1440, 900]] as const) {
      await page.setViewportSize({ width, height });
      await detailZh.getByTestId('class-own-pack').scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SHOTS}/class-results-own-pack-zh-CN-${width}.png` });
    }
    await page.getByRole('combobox', { name: '语言' }).selectOption('en');
  } finally {
    rmSync(installed, { recursive: true, force: true });
  }
});
