/**
 * Class results say what re-grading noticed about a file: a student who handed in a classmate's file
 * under their own name (another student's numbers in it) is graded with their own numbers, and the
 * instructor reads so in the list and in the student's details, in English and in 简体中文; a file
 * for another pack says what to do with it.
 */
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { createSubmission } from '../../src/main/grading/submission';
import { lessonForStudent } from '../../src/main/grading/variant';
import { openPackSource } from '../../src/main/packs/source';
import { loadPack } from '../../src/main/packs/validate';
import { PACK_DIR } from '../support/classSubmissions';
import { APP_PATH, forgetStudentWork } from './helpers';

test.beforeEach(forgetStudentWork);

const SHOTS = 'test-results/screenshots';

test('a file carrying another student’s numbers is listed with its note, said in the app’s language', async ({ page }) => {
  test.setTimeout(120_000);
  // Lesson 1 gives each student their own numbers; Dave hands in Carol's file under his name.
  const pack = await loadPack(await openPackSource(PACK_DIR));
  const lesson = pack.lessons.find((l) => l.lesson.variants)!;
  // Carol's design is her own variant's starter, as the app gives it to her.
  const graph = lessonForStudent(lesson, 'Carol Wu').starter;
  const carol = createSubmission({ packId: pack.manifest.id, packVersion: pack.manifest.packVersion, lesson: lesson.lesson, graph, student: 'Carol Wu', savedAt: new Date(0) });
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-class-notes-'));
  mkdirSync(path.join(dir, 'class'));
  writeFileSync(path.join(dir, 'class', 'carol.json'), JSON.stringify(carol));
  writeFileSync(path.join(dir, 'class', 'dave.json'), JSON.stringify({ ...carol, student: 'Dave Park' }));
  // Erin's file is for another course's pack: it cannot be graded with this one, and the row says what to do.
  writeFileSync(path.join(dir, 'class', 'erin.json'), JSON.stringify({ ...carol, student: 'Erin Zhao', packId: 'week-3' }));

  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  await page.getByRole('button', { name: 'Class results' }).click();
  const dialog = page.locator('.sl-class-dialog');
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toHaveText(/^3 submissions · 2 graded · 1 could not be graded/, { timeout: 90_000 });
  const errors = dialog.getByTestId('class-errors');
  await expect(errors).toContainText(`class/erin.json: packId: this submission is for the pack "week-3", not "${pack.manifest.id}", which graded these files: grade it with "week-3" (in Class results, install that pack: a file of an installed pack is graded with its own).`);

  // Dave's file is listed as graded with a note; Carol's, her own, is not.
  const noted = dialog.getByTestId('class-noted');
  await expect(noted).toContainText('Graded with a note');
  await expect(noted.locator('li')).toHaveCount(1);
  await expect(noted).toContainText('Dave Park');
  await noted.getByRole('button', { name: /Dave Park/ }).click();
  const note = dialog.getByTestId('class-regrade-note').first();
  await expect(note).toHaveText(/^The file records the variant .+; the student's name gives .+, which was graded\.$/, { timeout: 30_000 });
  await page.screenshot({ path: `${SHOTS}/class-results-note-1280.png` });

  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(noted).toContainText('评分附有说明');
  await expect(errors).toContainText('请用“week-3”为它评分（在班级成绩中，安装该课程包即可：已安装课程包的文件会用它自己的课程包评分）');
  await expect(note).toHaveText(/^文件记录的变体是 .+；按学生姓名得到的是 .+，评分用的是后者。$/);
  await page.screenshot({ path: `${SHOTS}/class-results-note-zh-CN-1280.png` });
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.screenshot({ path: `${SHOTS}/class-results-note-zh-CN-1440.png` });
  await page.getByRole('combobox', { name: '语言' }).selectOption('en');

  // Carol's own file has no note.
  await dialog.locator('tr[data-file="class/carol.json"] button').click();
  await expect(dialog.getByTestId('class-detail')).toContainText('Carol Wu');
  await expect(dialog.getByRole('button', { name: /Open design/ })).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByTestId('class-regrade-note')).toHaveCount(0);
});
