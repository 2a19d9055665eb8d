import { expect, test, type Locator, type Page } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { atEachLanguageAndSize, forgetStudentWork, node, openApp, runAndPause, WINDOW_SIZES } from './helpers';

test.beforeEach(forgetStudentWork);

/** The lesson's faults as the panel lists them, in either language ("From the lesson:" / "课程场景："). */
const lessonList = (page: Page) => page.getByRole('region', { name: /^(Injected faults|已注入的故障)$/ }).getByRole('list', { name: /^(From the lesson|课程场景)/ });
/** The student's own faults' part of the panel. */
const ownFaults = (page: Page) => page.getByTestId('injected-own');
/** The panel's remove buttons (✕), named "Remove <fault>" / "移除 <fault>". */
const removeButtons = (page: Page) => page.locator('.sl-injected').getByRole('button', { name: /^(Remove|移除) / });

/** Whether `item` shows whole inside the panel's visible box (not scrolled out of it, not cut). */
async function isWholeInPanel(item: Locator): Promise<boolean> {
  return item.evaluate((li) => {
    const box = li.closest('.sl-injected')!.getBoundingClientRect();
    const r = li.getBoundingClientRect();
    return r.height > 0 && r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 && r.right <= box.right + 0.5 && li.scrollWidth <= li.clientWidth;
  });
}

// Lesson 8 crashes the primary database at 8 s. The injected-faults panel listed only what the
// student injected: the database went down with nothing in the lab saying why or when. The
// lesson's fault is listed there now, by its time and the node's name in the student's language,
// marked as the lesson's and with no ✕; a fault the student injects beside it stays removable.
test('lesson 8’s own crash of the primary database is listed in the injected faults, its time and node named, marked as the lesson’s and not removable (en and zh-CN, 1280×720 and 1440×900)', async ({ page }) => {
  test.setTimeout(120_000);
  await page.setViewportSize(WINDOW_SIZES[0]);
  await openApp(page);
  await page.getByRole('combobox', { name: 'Lesson', exact: true }).selectOption('failover');
  // The lesson's predictions show once it has loaded (before that, lesson 1's Run is free).
  await expect(page.locator('.sl-prediction').first()).toBeVisible({ timeout: 10_000 });
  await runAndPause(page);

  await atEachLanguageAndSize(page, async (locale, tag) => {
    const list = lessonList(page);
    await expect(list, `${locale} ${tag}`).toBeVisible();
    const item = list.getByRole('listitem');
    await expect(item).toHaveText(locale === 'en' ? '8.0 s · Crash Primary database' : '8.0秒 · 崩溃 主数据库');
    await expect(page.getByTestId('lesson-faults')).toContainText(locale === 'en' ? EN.lab.fromLesson : ZH_CN.lab.fromLesson);
    // Not the student's to take back: no ✕ anywhere in the panel while they injected nothing.
    await expect(removeButtons(page)).toHaveCount(0);
    // Whole in view under the panel's title and the hint, and the hint still says how to add one's own (F too).
    expect(await isWholeInPanel(item), `${locale} ${tag}: the lesson's fault whole in the panel`).toBe(true);
    await expect(item).toBeInViewport({ ratio: 1 });
    await expect(ownFaults(page)).toContainText(locale === 'en' ? 'press F' : '按 F');
    // The timeline marks it as it marks an injected fault.
    // (Chinese closes the spaces between Chinese words once filled into a sentence: "跳到 8.0秒的崩溃主数据库".)
    await expect(page.getByRole('button', { name: locale === 'en' ? 'Go to Crash Primary database at 8.0 s' : /^跳到 8\.0秒 ?的崩溃 ?主数据库$/ })).toHaveCount(1);
    // It takes no more of the side column than it has: the column does not overflow, so the bench is not grown over the canvas.
    expect(await page.locator('.sl-labbench-side').evaluate((e) => e.scrollHeight - e.clientHeight), `${locale} ${tag}: the side column fits`).toBeLessThanOrEqual(1);
    await page.screenshot({ path: `test-results/screenshots/lesson-faults-${locale}-${tag}.png` });
  });

  // A fault of the student's own joins it, removable as ever; the lesson's stays, still without a ✕.
  await page.getByLabel('时间轴').fill('4000');
  await node(page, 'api-1').click({ button: 'right' });
  await page.getByRole('menuitem', { name: '崩溃', exact: true }).click();
  await expect(ownFaults(page)).toContainText('4.0秒 · 崩溃 API 实例 1');
  const remove = page.getByRole('button', { name: '移除 4.0秒 · 崩溃 API 实例 1' });
  await expect(remove).toHaveCount(1);
  await expect(lessonList(page).getByRole('listitem')).toHaveText('8.0秒 · 崩溃 主数据库');
  await expect(removeButtons(page)).toHaveCount(1);
  // Once the run with it is back (while it runs, the bar holds Cancel and its progress).
  await expect(page.getByRole('toolbar', { name: '运行控制' }).getByRole('button', { name: /运行$/ })).toBeEnabled({ timeout: 30_000 });
  expect(await isWholeInPanel(lessonList(page).getByRole('listitem')), 'the lesson’s fault whole beside the student’s').toBe(true);
  await page.screenshot({ path: 'test-results/screenshots/lesson-faults-with-own-zh-CN-1280x720.png' });
  await remove.click();
  await expect(ownFaults(page)).not.toContainText('崩溃 API 实例 1');
  await expect(lessonList(page).getByRole('listitem')).toHaveText('8.0秒 · 崩溃 主数据库');
});
