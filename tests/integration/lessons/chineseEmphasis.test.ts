// Bold and italic words in the pack's Chinese: no space around them (Chinese sets "点击**运行**。",
// not "点击 运行 。" with gaps an English habit left), and every marker still becomes emphasis as
// the app parses it (react-markdown, CommonMark): a marker next to Chinese punctuation can stop
// parsing and show the asterisks to the student.
import { readdirSync, readFileSync } from 'node:fs';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import ReactMarkdown from 'react-markdown';
import { describe, expect, it } from 'vitest';
import { formatValue } from '../../../src/shared/i18n/numbers';
import { PACK_DIR } from './expectations';

const CJK = '\\u4e00-\\u9fff';
const CJK_PUNCT = '\\u3000-\\u303f\\uff00-\\uffef';
/** A space between Chinese and an emphasis marker whose inside starts or ends with Chinese. */
const SPACED = new RegExp(`[${CJK}${CJK_PUNCT}] \\*{1,2}[${CJK}]|[${CJK}]\\*{1,2} [${CJK}${CJK_PUNCT}]`);

/** Every zh-CN string of a parsed pack file, with where it is. */
function chineseTexts(value: unknown, at: string): { at: string; text: string }[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => chineseTexts(v, `${at}[${i}]`));
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([key, v]) => (key === 'zh-CN' && typeof v === 'string' ? [{ at, text: v }] : chineseTexts(v, `${at}.${key}`)));
}

const FILES = ['pack.json', ...readdirSync(`${PACK_DIR}/lessons`).filter((f) => f.endsWith('.lesson.json')).map((f) => `lessons/${f}`)];
const textsOf = (file: string) => chineseTexts(JSON.parse(readFileSync(`${PACK_DIR}/${file}`, 'utf8')), file);

describe('emphasis in the pack’s Chinese', () => {
  it('the pack has Chinese emphasis to check', () => {
    expect(FILES.flatMap(textsOf).filter((t) => t.text.includes('**')).length).toBeGreaterThan(50);
  });

  it.each(FILES)('%s sets bold and italic words without spaces around them', (file) => {
    expect(textsOf(file).filter((t) => SPACED.test(t.text)).map((t) => `${t.at}: ${t.text}`)).toEqual([]);
  });

  it.each(FILES)('%s: every marker is parsed, none is shown as an asterisk', (file) => {
    const shown = textsOf(file)
      .filter((t) => t.text.includes('*'))
      .filter((t) => {
        const html = renderToStaticMarkup(createElement(ReactMarkdown, null, t.text)).replace(/<code>[^<]*<\/code>/g, '');
        return html.includes('*');
      });
    expect(shown.map((t) => `${t.at}: ${t.text}`)).toEqual([]);
  });
});

// Units in the pack's Chinese are the app's own: a check card reads "p99 延迟低于 150 毫秒" over
// "实测：… · 要求：低于 150毫秒", not an English "150 ms" left in the Chinese beside the app's 毫秒.
describe('units in the pack’s Chinese', () => {
  const MS_WORD = formatValue(150, 'ms', 'zh-CN').replace(/[\d,.\s]/g, '');

  it('the app writes milliseconds in Chinese as 毫秒, and the pack uses that word', () => {
    expect(MS_WORD).toBe('毫秒');
    expect(FILES.flatMap(textsOf).filter((t) => new RegExp(`\\d ?${MS_WORD}`).test(t.text)).length).toBeGreaterThan(20);
  });

  it.each(FILES)('%s writes no English "ms" after a number in its Chinese', (file) => {
    expect(textsOf(file).filter((t) => /\d ?ms\b/.test(t.text)).map((t) => `${t.at}: ${t.text}`)).toEqual([]);
  });
});
