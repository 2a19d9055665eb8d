/**
 * An instructor grades a class of a pack of their own that exists here only as a studio draft (or
 * was never imported): Class results said "There is no lesson pack "week-6"; the installed packs
 * are "stateless-vs-stateful"." and stopped, with nothing on what to do. Now it says to import the
 * pack's zip under Lesson packs, which the studio's Export zip makes, naming both buttons as they read.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createSubmission } from '../../src/main/grading/submission';
import { folderSource } from '../../src/main/packs/source';
import { loadPack } from '../../src/main/packs/validate';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { BUILTIN_PACK_DIR } from '../support/packZip';
import { forgetStudentWork, openApp, pickLanguage, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

test('a class of a pack not installed here says to import its zip under Lesson packs, made by the studio’s Export zip, in 简体中文 and English', async ({ page }) => {
  // Two students' files of "week-6", a pack this app does not have (the lesson is the built-in one's, under another pack id).
  const pack = await loadPack(folderSource(BUILTIN_PACK_DIR));
  const lesson = pack.lessons[0]!;
  const folder = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-class-missing-')), 'week-6');
  mkdirSync(folder);
  for (const student of ['王小明', '李华']) {
    const submission = createSubmission({ packId: 'week-6', packVersion: '0.1.0', lesson: lesson.lesson, graph: lesson.starter, student, savedAt: new Date('2026-11-28T10:00:00Z') });
    writeFileSync(path.join(folder, `${student}-${lesson.lesson.id}.statelab-submission.json`), JSON.stringify(submission));
  }

  await page.setViewportSize(WINDOW_SIZES[0]);
  await openApp(page);
  for (const [locale, app, studio] of [
    ['zh-CN', ZH_CN.app, ZH_CN.studio],
    ['en', EN.app, EN.studio],
  ] as const) {
    await pickLanguage(page, locale);
    await page.getByRole('button', { name: app.classResults, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: app.classResults });
    await dialog.getByTestId('class-folder-picker').setInputFiles(folder);
    const error = dialog.getByRole('alert');
    // What is missing, and what to do about it: the header's Lesson packs and the studio's Export zip, as they read.
    await expect(error).toContainText(locale === 'en' ? 'There is no lesson pack "week-6"' : '没有课程包“week-6”', { timeout: 30_000 });
    await expect(error).toContainText(`“${app.lessonPacks}”`);
    await expect(error).toContainText(`“${studio.export}”`);
    await expect(page.getByRole('button', { name: app.lessonPacks, exact: true })).toBeVisible();
    for (const size of WINDOW_SIZES) {
      await page.setViewportSize(size);
      await expect(error).toBeInViewport({ ratio: 1 });
      await page.screenshot({ path: `test-results/screenshots/class-pack-missing-${locale}-${size.width}x${size.height}.png` });
    }
    await page.setViewportSize(WINDOW_SIZES[0]);
    await page.keyboard.press('Escape');
    await expect(dialog).toHaveCount(0);
  }
});
