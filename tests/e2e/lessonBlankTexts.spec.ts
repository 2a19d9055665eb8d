/**
 * A pack made in the studio may keep texts the author left blank: a step added and never written, a
 * Chinese box emptied after typing (kept as ""), an objective written in English only. A student
 * reads no empty step or bullet: a blank translation reads in English, a row blank in every language
 * is left out, in 简体中文 and in English.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { BUILTIN_PACK_DIR } from '../support/packZip';
import { APP_PATH, forgetStudentWork } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

test('a student reads no empty step or objective: blank translations read in English, blank rows are left out', async ({ page }) => {
  test.setTimeout(90_000);
  const dir = path.join(mkdtempSync(path.join(tmpdir(), 'statelab-blank-')), 'blank-texts');
  cpSync(BUILTIN_PACK_DIR, dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(path.join(dir, 'pack.json'), 'utf8')) as { lessons: string[] };
  writeFileSync(path.join(dir, 'pack.json'), JSON.stringify({ ...manifest, id: 'blank-texts', title: { en: 'Blank texts', 'zh-CN': '空白文字' }, lessons: manifest.lessons.slice(0, 1) }));
  const lessonFile = path.join(dir, manifest.lessons[0]!);
  const lesson = JSON.parse(readFileSync(lessonFile, 'utf8')) as { steps: Record<string, string>[]; objectives: Record<string, string[]> };
  const stepCount = lesson.steps.length;
  const firstStepEn = lesson.steps[0]!.en!;
  lesson.steps[0]!['zh-CN'] = ''; // emptied after typing
  lesson.steps.push({ en: '', 'zh-CN': '' }); // added and never written
  lesson.objectives.en!.push('Read the error-rate chart', '');
  lesson.objectives['zh-CN']!.push('', '');
  writeFileSync(lessonFile, JSON.stringify(lesson));

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  const dialog = page.getByRole('dialog', { name: 'Lesson packs' });
  await dialog.getByTestId('pack-folder-picker').setInputFiles(dir);
  await dialog.locator('[data-pack="blank-texts"]').getByRole('button', { name: 'Lesson 1' }).click();
  await expect(page.getByTestId('lesson-title')).toContainText('Lesson 1');

  const steps = page.locator('.sl-steps > li');
  const objectives = page.locator('.sl-objectives > li');
  await expect(steps).toHaveCount(stepCount);
  await expect(objectives).toHaveCount(4);
  await expect(objectives.last()).toHaveText('Read the error-rate chart');

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(steps).toHaveCount(stepCount);
  // The emptied Chinese step reads in English rather than as an empty item.
  await expect(steps.first()).not.toHaveText('');
  await expect(steps.first()).toContainText(firstStepEn.replace(/\*\*|`/g, '').slice(0, 12));
  await expect(objectives).toHaveCount(4);
  await expect(objectives.last()).toHaveText('Read the error-rate chart');
  for (const item of await steps.all()) await expect(item).not.toHaveText(/^\s*$/);
  await page.screenshot({ path: `${SHOTS}/lesson-blank-texts-zh-CN-1280.png` });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // The host's data folder is shared by the specs after this one: the pack goes again.
  await page.getByRole('button', { name: 'Lesson packs' }).click();
  await dialog.locator('[data-pack="blank-texts"]').getByRole('button', { name: 'Remove' }).click();
  await expect(dialog.locator('[data-pack="blank-texts"]')).toHaveCount(0);
});
