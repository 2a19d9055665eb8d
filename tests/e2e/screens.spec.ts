/**
 * The product's promise, screen by screen: the whole app speaks the student's language and fits a
 * 1280×720 laptop. Each screen built after i18n.spec.ts — the instructor studio's every tab, lessons
 * with a prediction and check results with feedback, "Show me", the request trace, the Step
 * readout, Class results with a graded class, the glossary, banners — is walked in 简体中文 (no
 * English left: `englishOnScreen`) and, at 1100×700, 1280×720 and 1440×900 in both languages, nothing
 * is cut off or scrolls sideways (`layoutProblems`). Screenshots land in test-results/screenshots/screens-*.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { E2E_DATA_DIR } from '../../playwright.config';
import { ZH_CN } from '../../src/renderer/src/i18n/resources';
import type { AppLocale } from '../../src/renderer/src/i18n/resources';
import { writeClassSubmissions } from '../support/classSubmissions';
import { asciiColonsAfterChinese, englishInTooltips, englishOnScreen, layoutProblems, rawMarkdown } from '../support/screenAudit';
import { answerPredictions, forgetStudentWork, node, openApp, pickLanguage } from './helpers';

test.beforeEach(forgetStudentWork);

/** From the smallest window the app promises to fit (1100×700) to a large laptop's. */
const SIZES = [
  { width: 1280, height: 720 },
  { width: 1100, height: 700 },
  { width: 1440, height: 900 },
] as const;
const LESSONS_DIR = 'lessons/stateless-vs-stateful/lessons';

/** Every id a lesson file holds (checks, faults, predictions and their choices, wrong answers, ranges): data on screen. */
function lessonIds(file: string): string[] {
  const ids: string[] = [];
  const walk = (v: unknown) => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (['id', 'target', 'fault', 'answer', 'metric'].includes(k) && typeof x === 'string') ids.push(x);
        else walk(x);
      }
  };
  walk(JSON.parse(readFileSync(path.join(LESSONS_DIR, file), 'utf8')));
  // The studio previews and verifies the lesson as sampled students get it: student-1 … student-20.
  return [...ids, ...Array.from({ length: 20 }, (_, i) => `student-${i + 1}`)];
}

/**
 * Walks screens once (in 简体中文, the language the walk's buttons are found by), checking each screen
 * in both languages, collecting what is wrong on each instead of stopping at the first. One walk
 * serves both languages: a walk per language took twice as long for the same screens.
 */
class ScreenAudit {
  readonly problems: string[] = [];
  constructor(private readonly page: Page) {}

  /** The screen as it is now, in English and then 简体中文 (English left in Chinese), and the layout at every size, with a screenshot of each. */
  async check(screen: string, options: { data?: readonly string[]; skip?: readonly string[]; allowScroll?: readonly string[] } = {}): Promise<void> {
    const { page } = this;
    // English first, so the walk goes on in 简体中文, the language it finds its buttons by.
    for (const locale of ['en', WALK_LOCALE] as const) {
      await pickLanguage(page, locale);
      for (const size of SIZES) {
        await page.setViewportSize(size);
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        const tag = `${screen} (${locale}, ${size.width}×${size.height})`;
        if (locale === 'zh-CN' && size.width === 1280) {
          for (const text of await englishOnScreen(page, options.data, options.skip)) this.problems.push(`${tag}: English: ${text}`);
          for (const text of await englishInTooltips(page, options.data, options.skip)) this.problems.push(`${tag}: English ${text}`);
          for (const text of await asciiColonsAfterChinese(page, options.skip)) this.problems.push(`${tag}: ASCII colon after Chinese: ${text}`);
        }
        for (const problem of await layoutProblems(page, options.allowScroll)) this.problems.push(`${tag}: ${problem}`);
        if (size.width === 1280) for (const text of await rawMarkdown(page, options.skip)) this.problems.push(`${tag}: raw Markdown: ${text}`);
        await page.screenshot({ path: `test-results/screenshots/screens-${screen}-${locale}-${size.width}x${size.height}.png` });
      }
    }
    await page.setViewportSize(SIZES[0]);
  }
}

/** The language the walks find their buttons by; every screen is also checked in English. */
const WALK_LOCALE: AppLocale = 'zh-CN';
/** The words of WALK_LOCALE. */
const w = ZH_CN;


test(`the studio's every tab, in 简体中文 and English from 1100×700 to 1440×900`, async ({ page }) => {
  test.setTimeout(180_000);
  const draft = `audit-${WALK_LOCALE.toLowerCase()}`;
  // No drafts but its own: the audit reads the list of drafts, and earlier specs leave theirs (English ids and titles).
  rmSync(path.join(E2E_DATA_DIR, 'studio'), { recursive: true, force: true });
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption(WALK_LOCALE);
  const audit = new ScreenAudit(page);
  const s = w.studio;
  const enColumn = '.sl-studio-locale:has([data-locale="en"])';
  const lesson1 = [draft, ...lessonIds('01-any-instance.lesson.json')];
  const lesson3 = [draft, ...lessonIds('03-session-state.lesson.json')];

  await page.getByTestId('studio-button').click();
  const start = page.getByRole('dialog', { name: s.studio });
  await start.getByTestId('new-pack-title').fill('Audit pack');
  await start.getByTestId('new-pack-id').fill(draft);
  await start.locator('select').selectOption('stateless-vs-stateful');
  // The pack id the title suggests (the id field's placeholder) is data.
  await audit.check('studio-start', { data: ['audit-pack'] });
  await start.getByRole('button', { name: s.duplicate }).click();
  const studio = page.getByTestId('studio-panel');
  await expect(studio.getByRole('tab', { name: s.tabs.texts })).toBeVisible();
  // The pack's title in both languages: the studio's head shows the one of the app's language.
  await studio.getByTestId('pack-title').locator('[data-locale="zh-CN"]').fill('审查课程包');
  // One seed keeps the live panel quick on a loaded machine.
  await studio.getByTestId('verify-panel').getByRole('spinbutton').fill('1');
  await expect(studio.getByTestId('verify-panel').locator('table').first()).toBeVisible({ timeout: 90_000 });
  await audit.check('studio-texts', { data: lesson1, skip: [enColumn] });
  await studio.getByRole('tab', { name: s.tabs.design }).click();
  await audit.check('studio-design', { data: lesson1, skip: [enColumn] });
  await studio.getByRole('tab', { name: s.tabs.scenario }).click();
  await expect(studio.getByTestId('studio-variants')).toBeVisible();
  // A fault added on the timeline, and the range previewed for one student.
  await studio.getByRole('button', { name: s.addFault }).click();
  await studio.getByTestId('variant-student').fill('Wang Lei');
  await expect(studio.getByTestId('variant-preview-values')).toBeVisible();
  await audit.check('studio-scenario', { data: [...lesson1, 'Wang Lei', 'crash-2', 'lab-crash-1'], skip: [enColumn] });
  await studio.getByRole('tab', { name: s.tabs.checks }).click();
  await audit.check('studio-checks', { data: [...lesson1, 'crash-2'], skip: [enColumn] });

  // Lesson 3: a prediction and a structure check; an edit makes the live panel's result stale.
  // The picker names lessons by title; the id is each option's tooltip.
  const lessonPicker = studio.getByTestId('studio-lesson');
  await lessonPicker.selectOption((await lessonPicker.locator('option[title="session-state"]').getAttribute('value'))!);
  await studio.getByRole('tab', { name: s.tabs.checks }).click();
  await studio.getByTestId('studio-checks').locator('button[data-check="state-outside"]').click();
  await expect(studio.getByTestId('structure-fields')).toBeVisible();
  await expect(studio.getByTestId('studio-predictions').locator('li').first()).toBeVisible();
  await studio.getByRole('button', { name: s.verifyNow }).click();
  await expect(studio.getByTestId('verify-panel').locator('table').first()).toBeVisible({ timeout: 90_000 });
  await audit.check('studio-structure', { data: lesson3, skip: [enColumn] });
  await studio.getByTestId('check-id').fill('state-outside-2');
  await expect(studio.getByTestId('verify-stale')).toBeVisible();
  await audit.check('studio-stale', { data: [...lesson3, 'state-outside-2'], skip: [enColumn] });
  await studio.getByRole('button', { name: s.save }).click();
  await expect(studio.getByTestId('studio-message')).toBeVisible();
  await audit.check('studio-saved', { data: [...lesson3, 'state-outside-2'], skip: [enColumn] });
  expect(audit.problems).toEqual([]);
});

test(`a lesson's prediction, check results with feedback, Show me, the request trace and Step, in 简体中文 and English`, async ({ page }) => {
  test.setTimeout(180_000);
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption(WALK_LOCALE);
  const audit = new ScreenAudit(page);
  const l = w.lesson;
  const data = lessonIds('03-session-state.lesson.json');
  await page.getByRole('combobox', { name: l.lesson, exact: true }).selectOption('session-state');
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await audit.check('lesson-prediction', { data });
  await answerPredictions(page);
  await page.getByRole('button', { name: l.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 120_000 });
  await audit.check('check-results', { data });
  await page.locator('.sl-check-feedback').first().scrollIntoViewIfNeeded();
  await page.getByRole('button', { name: l.showMe }).first().click();
  await expect(page.locator('.sl-node-live').first()).toBeVisible({ timeout: 60_000 });
  await audit.check('show-me', { data });
  const show = page.getByRole('button', { name: w.lab.showCharts });
  if (await show.isVisible()) await show.click();
  await page.getByTestId('trace-button').click();
  const panel = page.getByTestId('trace-panel');
  await panel.getByRole('button', { name: w.lab.requestTrace.firstFailed }).click();
  await expect(panel.getByTestId('sequence-diagram')).toBeVisible({ timeout: 30_000 });
  await audit.check('request-trace', { data, allowScroll: ['.sl-trace-body'] });
  await page.getByRole('button', { name: w.lab.step, exact: true }).click();
  await expect(page.getByTestId('step-readout')).toHaveAttribute('data-state', 'event', { timeout: 60_000 });
  await audit.check('step', { data, allowScroll: ['.sl-trace-body'] });
  // A saved variant of the lesson (its starter as given), so Compare has results and its chart to show.
  mkdirSync(path.join(E2E_DATA_DIR, 'designs'), { recursive: true });
  writeFileSync(path.join(E2E_DATA_DIR, 'designs', 'variant-b.statelab.json'), readFileSync('lessons/stateless-vs-stateful/graphs/03-session-state.starter.json'));
  await page.getByRole('button', { name: w.lab.compare }).first().click();
  const compare = page.getByRole('dialog', { name: w.lab.compareTitle });
  await expect(compare).toBeVisible();
  await audit.check('compare', { data: [...data, 'variant-b'], allowScroll: ['.sl-trace-body'] });
  await compare.getByRole('combobox').selectOption('variant-b');
  await compare.getByRole('button', { name: w.lab.compareButton, exact: true }).click();
  await expect(compare.getByTestId('compare-chart')).toBeVisible({ timeout: 60_000 });
  // The variant is the starter as given: the same numbers, said in words rather than a long table.
  await expect(compare.getByTestId('compare-all-same')).toBeVisible();
  await audit.check('compare-results', { data: [...data, 'variant-b'], allowScroll: ['.sl-trace-body'] });
  await page.keyboard.press('Escape');

  // Lesson 18 (connections): its own prediction, then its results with feedback. (A fresh start:
  // the lab keeps lesson 3's graded run on screen after a switch, which is another matter.)
  const data18 = lessonIds('18-connections.lesson.json');
  await page.reload();
  await page.getByRole('combobox', { name: l.lesson, exact: true }).selectOption('connections');
  await expect(page.getByTestId('grade-score')).toHaveCount(0);
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await audit.check('lesson18-prediction', { data: data18 });
  await answerPredictions(page);
  await page.getByRole('button', { name: l.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 120_000 });
  await audit.check('lesson18-results', { data: data18 });
  expect(audit.problems).toEqual([]);
});

test(`class results with a graded class, a re-graded submission, every file dialog, the glossary and banners, in 简体中文 and English`, async ({ page }) => {
  test.setTimeout(180_000);
  const dir = mkdtempSync(path.join(tmpdir(), 'statelab-screens-'));
  const generated = await writeClassSubmissions(dir, 6, { withBroken: true });
  await page.setViewportSize(SIZES[0]);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Language' }).selectOption(WALK_LOCALE);
  const audit = new ScreenAudit(page);
  const names = ['class', 'stateless-vs-stateful', ...generated.map((g) => g.student), ...generated.map((g) => g.name), ...lessonIds('03-session-state.lesson.json')];
  await page.getByRole('button', { name: w.app.classResults }).click();
  const dialog = page.getByRole('dialog', { name: w.classResults.title });
  await dialog.getByTestId('class-folder-picker').setInputFiles(path.join(dir, 'class'));
  await expect(dialog.getByTestId('class-summary')).toBeVisible({ timeout: 120_000 });
  await expect(dialog.locator('progress')).toHaveCount(0, { timeout: 120_000 });
  await audit.check('class-results', { data: names });
  await page.keyboard.press('Escape');

  // A submission re-graded from the lesson panel: it claims full marks its design does not earn.
  const failing = generated.find((g) => g.report && g.report.score < g.report.maxScore)!;
  const submission = JSON.parse(readFileSync(path.join(dir, failing.name), 'utf8'));
  const claimed = { ...submission.grade, score: submission.grade.maxScore, checks: submission.grade.checks.map((c: { maxPoints: number }) => ({ ...c, passed: true, points: c.maxPoints })) };
  await page.getByTestId('submission-picker').setInputFiles({ name: 'forged.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify({ ...submission, grade: claimed })) });
  const regrade = page.getByRole('dialog', { name: w.lesson.regradeTitle });
  await expect(regrade.getByTestId('regrade-verdict')).toBeVisible({ timeout: 60_000 });
  await audit.check('regrade', { data: names });
  await regrade.getByRole('button', { name: w.lesson.close }).click();

  // The file bar's and the editor's dialogs.
  await page.getByRole('button', { name: w.app.lessonPacks }).click();
  await expect(page.getByRole('dialog', { name: w.lesson.packs })).toBeVisible();
  await audit.check('packs', { data: ['stateless-vs-stateful'] });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: w.files.open, exact: true }).click();
  await expect(page.getByRole('dialog', { name: w.files.openTitle })).toBeVisible();
  await audit.check('open');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: w.files.saveAs, exact: true }).click();
  await expect(page.getByRole('dialog', { name: w.files.saveAsTitle })).toBeVisible();
  await audit.check('save-as');
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: w.editor.shortcuts, exact: true }).click();
  await expect(page.getByRole('dialog', { name: w.editor.keyboardShortcuts })).toBeVisible();
  await audit.check('shortcuts');
  await page.keyboard.press('Escape');
  await node(page, 'api-1').click();
  await page.keyboard.press('c');
  await expect(page.locator('.sl-dialog')).toBeVisible();
  await audit.check('connect');
  // Connecting from the dialog confirms it where the student looks (the editor's notice).
  await page.locator('.sl-dialog [data-target]:not([disabled])').first().click();
  await expect(page.getByTestId('editor-notice')).toBeVisible();
  await audit.check('notice', { data: names });

  await page.getByRole('button', { name: w.lesson.glossary.title, exact: true }).click();
  await expect(page.getByRole('dialog', { name: w.lesson.glossary.title })).toBeVisible();
  await audit.check('glossary', { skip: ['.sl-glossary-entry dt'] });
  await page.keyboard.press('Escape');

  await page.getByTestId('open-file-input').setInputFiles({ name: 'cut.statelab.json', mimeType: 'application/json', buffer: Buffer.from('{"nodes": [') });
  await expect(page.getByTestId('file-error')).toBeVisible();
  await audit.check('error-banner');
  expect(audit.problems).toEqual([]);
});
