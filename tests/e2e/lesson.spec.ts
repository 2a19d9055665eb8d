import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EN, ZH_CN, type AppLocale } from '../../src/renderer/src/i18n/resources';
import type { GradeReport } from '../../src/shared/gradeReport';
import { bridgeCall } from '../support/bridgeCall';
import { answerPredictions, APP_PATH, downloadedDesign, forgetStudentWork, node, pickLanguage } from './helpers';

// Every test starts from the lessons' starters, whatever earlier tests saved as lesson work.
test.beforeEach(forgetStudentWork);

/**
 * One walk through lesson 3, in 简体中文 (the buttons are found by their Chinese names); at each
 * screen the language is switched to English and back, and what the screen says is checked in
 * both: one walk where there was one per language, the same steps twice.
 */
test('a student walks lesson 3 in 简体中文 and English: fails Check my work, fixes the design, passes, exports and re-grades a submission', async ({ page }) => {
  test.setTimeout(120_000);
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  const words = (locale: AppLocale) => (locale === 'en' ? EN : ZH_CN);
  const titles = { en: 'Lesson 4: Where does the session live?', 'zh-CN': '课程 4：会话放在哪里？' } as const;
  /** Checks the screen in English, then in 简体中文, where the walk goes on. */
  const inBothLanguages = async (check: (locale: AppLocale, t: (typeof EN | typeof ZH_CN)['lesson']) => Promise<void>) => {
    for (const locale of ['en', 'zh-CN'] as const) {
      await pickLanguage(page, locale);
      await check(locale, words(locale).lesson);
    }
  };
  const t = ZH_CN.lesson;

  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toContainText('1');
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await page.getByRole('combobox', { name: t.lesson, exact: true }).selectOption('session-state');
  await expect(page.getByTestId('lesson-title')).toHaveText(titles['zh-CN']);

  // The lesson says which button to press, in bold and in the student's language (点击**运行**):
  // that is the Run button's label, and pressing it by that name runs the design.
  const lesson3 = JSON.parse(readFileSync('lessons/stateless-vs-stateful/lessons/03-session-state.lesson.json', 'utf8')) as { steps: Record<string, string>[] };
  await inBothLanguages(async (locale) => {
    await expect(page.getByTestId('lesson-title')).toHaveText(titles[locale]);
    const named = lesson3.steps.flatMap((s) => [...(s[locale] ?? '').matchAll(/\*\*([^*]+)\*\*/g)].map((m) => m[1]!));
    expect(named).toContain(words(locale).lab.run);
    await expect(page.getByRole('button', { name: words(locale).lab.run })).toBeVisible();
  });
  await answerPredictions(page);
  await page.getByRole('button', { name: ZH_CN.lab.run }).click();
  await expect(page.getByTestId('trace-hash')).toBeVisible({ timeout: 60_000 });

  // The starter keeps sessions in instance memory: Check my work fails, with the measured number.
  await page.locator('[data-quiz="sticky-share"] input[value="third"]').check();
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.getByTestId('grade-score')).toBeVisible({ timeout: 60_000 });
  const failedCrashCheck = page.locator('.sl-check.is-failed[data-check="no-loss-at-crash"]');
  await inBothLanguages(async (_, tl) => {
    await expect(failedCrashCheck.getByRole('button', { name: tl.showHint })).toBeVisible();
  });
  await failedCrashCheck.getByRole('button', { name: t.showHint }).click();
  await inBothLanguages(async (locale, tl) => {
    const lostText = (await page.getByTestId('measured-no-loss-at-crash').textContent())!;
    expect(Number(lostText.replace(/[^\d.]/g, ''))).toBeGreaterThan(0);
    // The feedback names the very number the measured line shows (one formatter, grouped digits and all).
    await expect(failedCrashCheck.locator('.sl-check-feedback')).toContainText(lostText);
    await expect(failedCrashCheck.locator('.sl-check-hint')).toBeVisible();
    await expect(page.getByRole('button', { name: tl.checkMyWork })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/lesson3-failing-${locale}.png` });
  });

  // The fix: every instance hands its users a signed token instead of keeping their session.
  for (const id of ['api-1', 'api-2', 'api-3']) {
    await node(page, id).click();
    await page.locator('.sl-properties [data-field="sessions"] select').selectOption('signed-token');
  }
  await page.getByRole('button', { name: t.checkMyWork }).click();
  await expect(page.locator('.sl-all-passed')).toHaveText(t.allPassed, { timeout: 60_000 });
  await inBothLanguages(async (locale, tl) => {
    await expect(page.locator('.sl-all-passed')).toHaveText(tl.allPassed);
    await expect(page.locator('.sl-check.is-failed')).toHaveCount(0);
    expect(await page.getByTestId('grade-score').textContent()).toMatch(/(\d+)\/\1$/);
    await expect(page.getByTestId('pack-percent')).not.toHaveText(/^0%/);
    await expect(page.getByPlaceholder(tl.yourName)).toBeVisible();
    await expect(page.getByRole('button', { name: tl.exportSubmission })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/lesson3-passing-${locale}.png` });
  });

  // Export the work as a submission file…
  await page.getByPlaceholder(t.yourName).fill('Ada Lovelace');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: t.exportSubmission }).click()]);
  expect(download.suggestedFilename()).toBe('Ada-Lovelace-session-state.statelab-submission.json');
  const file = await download.path();
  const submission = JSON.parse(readFileSync(file, 'utf8'));
  expect(submission).toMatchObject({ format: 'statelab.submission', lessonId: 'session-state', student: 'Ada Lovelace' });
  expect(submission.grade.score).toBe(submission.grade.maxScore);

  // …and open it again, as an instructor would: it is re-graded, not trusted.
  await page.getByTestId('submission-picker').setInputFiles(file);
  await expect(page.getByRole('dialog', { name: t.regradeTitle })).toBeVisible({ timeout: 60_000 });
  await inBothLanguages(async (locale, tl) => {
    const dialog = page.getByRole('dialog', { name: tl.regradeTitle });
    await expect(dialog.getByTestId('regrade-verdict')).toHaveText(tl.storedMatched);
    await expect(dialog.getByText('Ada Lovelace')).toBeVisible();
    await expect(dialog.getByRole('button', { name: tl.close })).toBeVisible();
    await page.screenshot({ path: `test-results/screenshots/lesson3-regrade-${locale}.png` });
  });
  const dialog = page.getByRole('dialog', { name: t.regradeTitle });
  await dialog.getByRole('button', { name: t.close }).click();

  // A file claiming a check failed that passes: the difference names the check by its title.
  const claimed = submission.grade.checks[0];
  const tampered = { ...submission, grade: { ...submission.grade, checks: [{ ...claimed, passed: false, points: 0 }, ...submission.grade.checks.slice(1)] } };
  await page.getByTestId('submission-picker').setInputFiles({ name: 'tampered.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(tampered)) });
  await expect(dialog.getByTestId('regrade-verdict')).toHaveText(t.storedDiffers, { timeout: 60_000 });
  await inBothLanguages(async (locale, tl) => {
    const shown = page.getByRole('dialog', { name: tl.regradeTitle });
    await expect(shown.getByTestId('regrade-verdict')).toHaveText(tl.storedDiffers);
    const differences = shown.locator('.sl-differences li');
    await expect(differences.filter({ hasText: `“${claimed.title[locale] ?? claimed.title.en}”` })).toHaveCount(1);
    await expect(differences.filter({ hasText: 'checks.' })).toHaveCount(0);
  });
  await dialog.getByRole('button', { name: t.close }).click();

  // The language, the lesson and its progress survive a restart, in either language.
  for (const locale of ['zh-CN', 'en'] as const) {
    await pickLanguage(page, locale);
    await page.reload();
    await expect(page.locator('html')).toHaveAttribute('lang', locale);
    await expect(page.getByTestId('lesson-title')).toHaveText(titles[locale]);
    await expect(page.getByTestId('pack-percent')).not.toHaveText(/^0%/);
  }
  expect(problems, problems.join('\n')).toEqual([]);
});

test('a truncated submission is refused with its file name, and nothing on the canvas changes', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.locator('.react-flow__node').first()).toBeVisible();
  const nodesBefore = await page.locator('.react-flow__node').count();
  await page.getByTestId('submission-picker').setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from('{"format":"statelab.submission","version":1,"gra') });
  await expect(page.locator('.sl-lesson .sl-error')).toContainText('broken.json');
  await expect(page.locator('.react-flow__node')).toHaveCount(nodesBefore);
});

test('"Show me" on a failed check stops the lab at the moment the check was first violated', async ({ page }) => {
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
  await page.getByRole('button', { name: 'Check my work' }).click();
  const showMe = page.locator('.sl-check.is-failed').getByRole('button', { name: /Show me/ }).first();
  await expect(showMe).toBeVisible({ timeout: 60_000 });
  const atS = Number((await showMe.textContent())!.match(/\(([\d.]+) s\)/)![1]);
  await showMe.click();
  const atCheck = new RegExp(`^${atS.toFixed(1).replace('.', '\\.')} s /`);
  await expect(page.locator('.sl-timeline-time')).toHaveText(atCheck, { timeout: 30_000 });
  await expect(page.getByRole('button', { name: 'Play' })).toBeVisible();

  // A fault injected in the lab makes its run another run than the graded one: "Show me" runs the
  // graded one again (the lesson's own scenario) before it seeks, so the fault is gone.
  await page.getByLabel('Timeline').fill('2000');
  await node(page, 'api-1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: 'Crash' }).click();
  const injected = page.getByRole('region', { name: 'Injected faults' });
  await expect(injected).toContainText('Crash API 1');
  // The crash shows once the lab has re-simulated with the fault: seconds on a loaded machine.
  await expect(page.getByTestId('live-api-1')).toHaveAttribute('data-health', 'down', { timeout: 30_000 });
  await showMe.click();
  await expect(injected).not.toContainText('Crash API 1', { timeout: 30_000 });
  await expect(page.locator('.sl-timeline-time')).toHaveText(atCheck, { timeout: 30_000 });
  await expect(page.getByTestId('live-api-1')).not.toHaveAttribute('data-health', 'down');
});

test('"Show me" after the design was edited shows the graded run (its trace hash), says so, and leaves the edited canvas as it is', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto(APP_PATH);
  await expect(page.getByTestId('lesson-title')).toHaveText('Lesson 1: Any request, any instance');
  const graded = await downloadedDesign(page);
  await page.getByRole('button', { name: 'Check my work' }).click();
  const showMe = page.locator('.sl-check.is-failed').getByRole('button', { name: /Show me/ }).first();
  await expect(showMe).toBeVisible({ timeout: 60_000 });
  const atS = Number((await showMe.textContent())!.match(/\(([\d.]+) s\)/)![1]);
  // The same grade over the bridge: grading is a pure function of (design, lesson), so this is the report's hash.
  const regraded = await bridgeCall(new URL(APP_PATH, page.url()).href, 'lessons:grade', { packId: 'stateless-vs-stateful', lessonId: 'any-instance', graph: graded, answers: {} });
  expect(regraded.ok).toBe(true);
  const gradedHash = (regraded as { value: { report: GradeReport } }).value.report.traceHash;

  // The student edits after grading and runs the edited design: the lab's run is not the graded one.
  await node(page, 'lb').click();
  await page.locator('.sl-properties [data-field="policy"] select').selectOption('least-connections');
  const edited = await downloadedDesign(page);
  expect(edited).not.toEqual(graded);
  await page.getByRole('button', { name: /^▶ Run$/ }).click();
  await expect(page.getByRole('button', { name: 'Pause' })).toBeVisible({ timeout: 60_000 });
  const hash = page.getByTestId('trace-hash');
  await expect(hash).not.toHaveText(gradedHash.slice(0, 12));
  await expect(page.getByTestId('graded-view')).toHaveCount(0);

  await showMe.click();
  await expect(hash).toHaveText(gradedHash.slice(0, 12), { timeout: 60_000 });
  await expect(page.getByTestId('graded-view')).toHaveText(/looking at the design as it was graded/);
  await expect(page.locator('.sl-timeline-time')).toHaveText(new RegExp(`^${atS.toFixed(1).replace('.', '\\.')} s /`), { timeout: 30_000 });
  await page.screenshot({ path: 'test-results/screenshots/show-me-graded-run.png' });
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
  await expect(page.getByTestId('graded-view')).toHaveText(ZH_CN.lab.gradedView);
  await page.screenshot({ path: 'test-results/screenshots/zh-CN-show-me-graded-run-1280x720.png' });
  await page.getByRole('combobox', { name: ZH_CN.app.language }).selectOption('en');
  // The canvas still holds the edited design, and Run runs it again.
  expect(await downloadedDesign(page)).toEqual(edited);
  await page.getByRole('button', { name: /^▶ Run$/ }).click();
  await expect(page.getByTestId('graded-view')).toHaveCount(0, { timeout: 60_000 });
  await expect(hash).not.toHaveText(gradedHash.slice(0, 12));
});
