/**
 * The studio says things right, walked in 简体中文 at 1280×720 as an instructor who writes in it:
 * a new pack's title typed in 简体中文 lands in the 简体中文 field (not the English one) and the
 * studio lists its English as still to write; Add lesson's notice names the lesson the canvas
 * became, by the title typed while it shows; a tiny lesson without objectives is written, verified
 * and exported (Export grades nothing again); and a student who
 * installs the zip reads no empty "学习目标" / "Objectives" heading, in either language.
 */
import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { fillBothLanguages, forgetStudentWork, openApp, shootAtEachSize } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';
const zh = ZH_CN.studio;
const DRAFT = 'says-zh';

test('a pack titled in 简体中文 keeps its title there; a lesson without objectives shows the student no empty heading', async ({ page }) => {
  test.setTimeout(240_000);
  rmSync(path.join(E2E_DATA_DIR, 'studio', DRAFT), { recursive: true, force: true });
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');

  // The title typed in 简体中文 is the 简体中文 title; English is left to write, and says so.
  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: zh.studio });
  await start.getByTestId('new-pack-title').fill('第五周');
  await start.getByTestId('new-pack-id').fill(DRAFT);
  await start.getByRole('button', { name: zh.createPack }).click();
  const studio = page.getByTestId('studio-panel');
  const packTitle = studio.getByTestId('pack-title');
  await expect(packTitle.locator('[data-locale="zh-CN"]')).toHaveValue('第五周');
  await expect(packTitle.locator('[data-locale="en"]')).toHaveValue('');
  await expect(packTitle.locator('[data-locale="en"]')).toHaveAttribute('aria-invalid', 'true');
  await expect(studio.locator('.sl-studio-pack')).toHaveText('第五周');
  await shootAtEachSize(page, 'studio-says-new-pack-zh-CN');
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await expect(studio.locator('.sl-studio-pack')).toHaveText('第五周');
  await expect(page.getByTestId('studio-header-title')).toHaveText('第五周');
  await shootAtEachSize(page, 'studio-says-new-pack-en');
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');

  // Add lesson: the canvas becomes its starter, and the notice says which lesson it is now.
  await studio.getByRole('button', { name: zh.addLesson }).click();
  const notice = page.getByTestId('editor-notice');
  await expect(notice).toHaveText(zh.starterAdded.replace('{{n}}', '1').replace('{{lesson}}', 'lesson-1'));

  // A tiny lesson: a title and one step in both languages, no objectives; a crash of API 2; one check.
  await studio.getByRole('tab', { name: zh.tabs.texts }).click();
  await fillBothLanguages(page, 'text-title', 'One crash', '一次崩溃');
  // The notice, still up, names the lesson as the picker now does (in English too, picked while it shows).
  await expect(notice).toHaveText(zh.starterAdded.replace('{{n}}', '1').replace('{{lesson}}', '一次崩溃'));
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await expect(notice).toHaveText(EN.studio.starterAdded.replace('{{n}}', '1').replace('{{lesson}}', 'One crash'));
  await page.screenshot({ path: `${SHOTS}/studio-says-added-en-1280x720.png` });
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  await page.screenshot({ path: `${SHOTS}/studio-says-added-zh-CN-1280x720.png` });
  await studio.getByRole('button', { name: zh.addRow.replace('{{what}}', zh.fields.steps) }).click();
  await fillBothLanguages(page, 'text-steps-0', 'Press **Run** and watch the errors.', '点击**运行**，观察错误。');
  // The pack's English title is the one text written in one language only (the canvas's six nodes keep
  // the names lesson 1 gives them in both languages), and goes where it is written.
  const missing = studio.getByTestId('studio-missing');
  await expect(missing).toHaveText(zh.missingAnyCount_other.replace('{{count}}', '1'));
  await missing.click();
  const packTitleItem = studio.getByTestId('studio-missing-item').filter({ hasText: '文字›课程包标题' });
  await expect(packTitleItem).toHaveCount(1);
  await shootAtEachSize(page, 'studio-says-missing-english-zh-CN');
  // The same in English: the pack reads by its 简体中文 title rather than by nothing, its English box outlined.
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await expect(studio.locator('.sl-studio-pack')).toHaveText('第五周');
  await expect(missing).toHaveText(EN.studio.missingAnyCount_one.replace('{{count}}', '1'));
  await expect(studio.getByTestId('studio-missing-item').filter({ hasText: 'Texts › Pack title' })).toHaveCount(1);
  await shootAtEachSize(page, 'studio-says-missing-english-en');
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  await packTitleItem.getByRole('button').click();
  await expect(packTitle.locator('[data-locale="en"]')).toBeVisible();
  await packTitle.locator('[data-locale="en"]').fill('Week 5');
  // Nothing is left to translate: the count goes.
  await expect(missing).toHaveCount(0);
  await expect(packTitle.locator('[data-locale="en"]')).not.toHaveAttribute('aria-invalid', 'true');
  await studio.getByRole('tab', { name: zh.tabs.scenario }).click();
  await studio.getByTestId('fault-chip-crash').click();
  await studio.getByTestId('fault-row-0').locator('[data-field="target"]').selectOption('api-2');
  await studio.getByRole('tab', { name: zh.tabs.checks }).click();
  await studio.getByRole('button', { name: zh.add.metric }).click();
  await fillBothLanguages(page, 'check-title', 'Few requests fail', '很少有请求失败');
  await studio.getByRole('tab', { name: zh.tabs.design }).click();
  await studio.getByRole('button', { name: zh.useAsReference }).click();

  // Verified live, then exported.
  const row = page.getByTestId('verify-panel').locator('tr[data-check="metric-check"]');
  await expect(row.locator('[data-design="reference"]')).toContainText(/\d+\/10/, { timeout: 90_000 });
  await expect(studio.getByTestId('studio-problems-count')).toHaveText(zh.noProblems);
  // Exporting changes nothing: the live panel keeps its results rather than giving way to a grading of
  // the lesson again (watched for as it happens: the grading is over in a moment).
  await page.evaluate(() => {
    const seen = window as unknown as { sawGrading?: boolean };
    seen.sawGrading = false;
    new MutationObserver(() => {
      if (document.querySelector('[data-testid="verify-panel"] progress')) seen.sawGrading = true;
    }).observe(document.body, { subtree: true, childList: true });
  });
  const [download] = await Promise.all([page.waitForEvent('download'), studio.getByRole('button', { name: zh.export }).click()]);
  expect(download.suggestedFilename()).toBe(`${DRAFT}-0.1.0.statelab-pack.zip`);
  const zip = readFileSync((await download.path())!);
  await expect(studio.getByTestId('studio-message')).toHaveText(zh.messages.exported);
  await page.waitForTimeout(3000);
  expect(await page.evaluate(() => (window as unknown as { sawGrading?: boolean }).sawGrading)).toBe(false);
  await expect(row.locator('[data-design="reference"]')).toContainText(/\d+\/10/);
  await shootAtEachSize(page, 'studio-says-exported-zh-CN');
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await shootAtEachSize(page, 'studio-says-exported-en');
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  await studio.getByRole('button', { name: zh.closeStudio }).click();

  // The student installs it and opens the lesson: its steps under their heading, no objectives heading over nothing.
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  await page.getByRole('button', { name: EN.app.lessonPacks }).click();
  const packs = page.getByRole('dialog', { name: 'Lesson packs' });
  await packs.getByTestId('pack-picker').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/zip', buffer: zip });
  await expect(packs.getByTestId('pack-notice')).toContainText('Week 5');
  await packs.locator(`[data-pack="${DRAFT}"]`).getByRole('button', { name: 'Lesson 1' }).click();
  const lessonPanel = page.locator('.sl-lesson');
  await expect(page.getByTestId('lesson-title')).toContainText('One crash');
  await expect(lessonPanel.getByRole('heading', { name: EN.lesson.steps, exact: true })).toBeVisible();
  await expect(lessonPanel.getByRole('heading', { name: EN.lesson.objectives })).toHaveCount(0);
  await shootAtEachSize(page, 'studio-says-student-en');
  await page.getByRole('combobox', { name: EN.app.language }).selectOption('zh-CN');
  await expect(page.getByTestId('lesson-title')).toContainText('一次崩溃');
  await expect(lessonPanel.getByRole('heading', { name: ZH_CN.lesson.steps, exact: true })).toBeVisible();
  await expect(lessonPanel.getByRole('heading', { name: ZH_CN.lesson.objectives })).toHaveCount(0);
  await shootAtEachSize(page, 'studio-says-student-zh-CN');
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');

  // The host's data folder is shared by the specs after this one: the pack goes again.
  await page.getByRole('button', { name: EN.app.lessonPacks }).click();
  await packs.locator(`[data-pack="${DRAFT}"]`).getByRole('button', { name: 'Remove' }).click();
  await expect(packs.locator(`[data-pack="${DRAFT}"]`)).toHaveCount(0);
});
