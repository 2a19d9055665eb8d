// {bound} reads with its comparison ("<= 2.5", "< 1%"): a feedback that puts "at most" before it
// read "at most <= 2.5" to the student (lesson 16).
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_DIR } from './expectations';

const LESSONS = `${PACK_DIR}/lessons`;
const DOUBLED = /\b(at most|at least|under|below|above|over|no more than|less than|more than)\s+\{bound\}|(最多|至少|不超过|低于|高于|少于|多于)\s*\{bound\}/i;

describe('check feedback', () => {
  it.each(readdirSync(LESSONS).filter((f) => f.endsWith('.lesson.json')))('%s never puts a comparison word before {bound}, which has its own', (file) => {
    const lesson = JSON.parse(readFileSync(`${LESSONS}/${file}`, 'utf8')) as { checks: { id: string; feedback?: Record<string, string> }[] };
    const doubled = lesson.checks.flatMap((c) => Object.entries(c.feedback ?? {}).filter(([, text]) => DOUBLED.test(text)).map(([locale, text]) => `${c.id} (${locale}): ${text}`));
    expect(doubled).toEqual([]);
  });
});
