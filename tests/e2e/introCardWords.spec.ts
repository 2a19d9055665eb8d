/**
 * The intro card's "do first" line reads as each language writes a list: "Do first: A, B" in
 * English, "先完成：A、B" in Chinese (the full-width colon with no space after it, the enumeration
 * comma). It read "先完成： A, B", an English comma between Chinese titles.
 */
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EN, ZH_CN } from '../../src/renderer/src/i18n/resources';
import { node, openApp } from './helpers';

const SHOTS = 'test-results/screenshots';
const LESSONS = 'lessons/stateless-vs-stateful/lessons';
type Title = { en: string; 'zh-CN': string };
const lessonFile = (id: string) => JSON.parse(readFileSync(`${LESSONS}/${{ 'scaling-out': '05-scaling-out', 'session-state': '03-session-state', balancing: '04-balancing' }[id]}.lesson.json`, 'utf8')) as { id: string; title: Title; prerequisites: string[] };

test('the intro card lists the lessons to do first in each language’s own punctuation', async ({ page }) => {
  const lesson = lessonFile('scaling-out');
  const first = lesson.prerequisites.map(lessonFile);
  expect(first.length).toBeGreaterThanOrEqual(2);
  await page.setViewportSize({ width: 1280, height: 720 });
  await openApp(page);
  for (const [locale, words, expected] of [
    ['en', EN.lesson, `${EN.lesson.doFirst}: ${first.map((l) => l.title.en).join(', ')}`],
    ['zh-CN', ZH_CN.lesson, `${ZH_CN.lesson.doFirst}：${first.map((l) => l.title['zh-CN']).join('、')}`],
  ] as const) {
    if (locale !== 'en') await page.getByRole('combobox', { name: 'Language' }).selectOption(locale);
    await page.getByRole('combobox', { name: words.lesson, exact: true }).selectOption(lesson.id);
    await expect(node(page, 'part-1')).toBeVisible();
    const line = page.getByTestId('intro-card').locator('.sl-intro-meta > span').last();
    await expect(line).toHaveText(expected);
    // Each title is still a button that opens that lesson.
    await expect(line.getByRole('button')).toHaveText(first.map((l) => l.title[locale]));
    await page.getByTestId('intro-card').screenshot({ path: `${SHOTS}/intro-card-do-first-${locale}.png` });
  }
});
