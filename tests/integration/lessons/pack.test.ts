// The built-in pack as a whole: it validates, lesson 1 stays what the app's end-to-end test opens,
// and every text a student reads exists in English and in Simplified Chinese.
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { folderSource } from '../../../src/main/packs/source';
import { validatePack } from '../../../src/main/packs/validate';
import { fillFeedback } from '../../../src/main/grading/grade';
import { METRICS } from '../../../src/shared/metrics';
import type { Lesson } from '../../../src/shared/lesson';
import { PACK_DIR } from './expectations';
import { lessonTexts } from '../../support/lessonTexts';

const pack = await loadPackFolder(PACK_DIR);
const LOCALES = ['en', 'zh-CN'] as const;
const HAN = /\p{Script=Han}/u;

const texts = (lesson: Lesson) => lessonTexts(lesson);

describe('the built-in pack', () => {
  it('validates with no problems', async () => {
    const { problems } = await validatePack(folderSource(PACK_DIR));
    expect(problems).toEqual([]);
    expect(pack.manifest.locales).toEqual([...LOCALES]);
    expect(Object.keys(pack.manifest.title).sort()).toEqual([...LOCALES].sort());
  });

  it('starts with lesson 1 as the end-to-end test knows it', () => {
    const first = pack.lessons[0]!;
    expect(first.lesson.id).toBe('any-instance');
    expect(first.lesson.title.en).toBe('Any request, any instance');
    expect(first.starter.nodes.map((n) => n.id)).toEqual(['users', 'lb', 'api-1', 'api-2', 'api-3', 'db']);
    expect(first.starter.nodes.map((n) => n.label)).toEqual(['Users', 'Load balancer', 'API 1', 'API 2', 'API 3', 'Database']);
    expect(first.starter.edges).toHaveLength(7);
  });

  it('gives every lesson objectives, steps, checks with feedback and hints, and a reference', () => {
    for (const { lesson, reference } of pack.lessons) {
      expect(reference, lesson.id).toBeDefined();
      expect(lesson.objectives.en?.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.steps.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.checks.length, lesson.id).toBeGreaterThan(0);
      expect(lesson.scenario.faults.length, `${lesson.id} schedules faults`).toBeGreaterThan(0);
      for (const c of lesson.checks) {
        expect(c.feedback, `${lesson.id} ${c.id} feedback`).toBeDefined();
        expect(c.hint, `${lesson.id} ${c.id} hint`).toBeDefined();
      }
    }
  });

  describe.each(pack.lessons.map((l) => [l.lesson.id, l.lesson] as const))('%s: both languages', (_id, lesson) => {
    it('has every text in en and zh-CN, the Chinese written in Chinese', () => {
      for (const [at, text] of texts(lesson)) {
        expect(Object.keys(text).sort(), at).toEqual([...LOCALES].sort());
        expect(text.en.trim(), `${at}.en`).not.toBe('');
        expect(text['zh-CN'], `${at}.zh-CN`).toMatch(HAN);
      }
    });

    it('has as many objectives in zh-CN as in en', () => {
      expect(Object.keys(lesson.objectives).sort()).toEqual([...LOCALES].sort());
      expect(lesson.objectives['zh-CN']?.length).toBe(lesson.objectives.en?.length);
      for (const line of lesson.objectives['zh-CN'] ?? []) expect(line).toMatch(HAN);
    });

    it('says a rate once: feedback filled with a measured rate ("850/s") does not repeat "a second"', () => {
      for (const check of lesson.checks) {
        if (check.type !== 'metric' || !check.feedback || METRICS[check.metric].unit !== 'per-second') continue;
        const filled = fillFeedback(check.feedback, 850, '>= 900/s', 'per-second');
        expect(filled.en, `${check.id}.feedback.en`).not.toMatch(/\/s (requests )?(a|per) second/);
        expect(filled['zh-CN'], `${check.id}.feedback.zh-CN`).not.toMatch(/每秒[^。；，]*\/(s|秒)/);
      }
    });

    it('points a student with their own numbers to them wherever a step states the time they vary', () => {
      for (const parameter of lesson.variants?.parameters ?? []) {
        for (const set of parameter.sets) {
          const fault = /^scenario\.faults\[id=([^\]]+)\]\.atMs$/.exec(set)?.[1];
          const atMs = lesson.scenario.faults.find((f) => f.id === fault)?.atMs;
          if (atMs === undefined) continue;
          const seconds = atMs / 1000;
          lesson.steps.forEach((step, i) => {
            if (new RegExp(`\\b${seconds} s\\b`).test(step.en)) expect(step.en, `steps[${i}].en`).toContain('Your numbers');
            if (step['zh-CN']?.includes(`第 ${seconds} 秒`)) expect(step['zh-CN'], `steps[${i}].zh-CN`).toContain('你的参数');
          });
        }
      }
    });

    it('fills the same placeholders and keeps the same inline code in both languages', () => {
      for (const [at, text] of texts(lesson)) {
        const marks = (s: string) => [...s.matchAll(/\{measured\}|\{bound\}|`[^`]+`/g)].map((m) => m[0]).sort();
        expect(marks(text['zh-CN']!), at).toEqual(marks(text.en));
      }
    });
  });
});
