// A lesson text that names a metric in italics (*Dropped connections*) offers its chart: the phrase
// is matched against the chart picker's names in the app's language, or the English ones.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metricNamed } from '../../../src/renderer/src/lab/chartRequests';
import { RESOURCES } from '../../../src/renderer/src/i18n/resources';
import type { MetricName } from '../../../src/shared/metrics';

const names = (locale: 'en' | 'zh-CN') => (m: MetricName) => (RESOURCES[locale].domain as { metrics: Record<string, { name: string }> }).metrics[m]!.name;
const LESSONS = 'lessons/stateless-vs-stateful/lessons';

/** Metrics named in italics in a lesson text (bold first taken out, so `**Run**` does not pair with a later `*`). */
const italicMetrics = (text: string, local: (m: MetricName) => string) =>
  [...text.replace(/\*\*[^*]+\*\*/g, '').matchAll(/\*([^*]+)\*/g)].map((m) => metricNamed(m[1]!, local)).filter((m) => m !== undefined).sort();

describe('metric names in lesson texts', () => {
  it('are found in English and in Chinese, whatever the case and spacing, and other words are not', () => {
    expect(metricNamed('Dropped connections', names('en'))).toBe('connectionsDropped');
    expect(metricNamed('dropped  connections', names('en'))).toBe('connectionsDropped');
    expect(metricNamed('断开的连接', names('zh-CN'))).toBe('connectionsDropped');
    // A Chinese text may keep the English chart name.
    expect(metricNamed('Conflicting writes', names('zh-CN'))).toBe('conflictingWrites');
    expect(metricNamed('immediately', names('en'))).toBeUndefined();
    expect(metricNamed('立即', names('zh-CN'))).toBeUndefined();
  });

  // A Chinese-reading student gets the same chart buttons as an English-reading one.
  it.each(readdirSync(LESSONS).filter((f) => f.endsWith('.lesson.json')))('%s names the same metrics in its English and Chinese texts', (file) => {
    const lesson = JSON.parse(readFileSync(`${LESSONS}/${file}`, 'utf8'));
    const texts: { en: string; 'zh-CN'?: string }[] = [...lesson.steps, ...lesson.checks.flatMap((c: { hint?: unknown; feedback?: unknown }) => [c.hint, c.feedback].filter(Boolean))];
    for (const text of texts) expect(italicMetrics(text['zh-CN'] ?? '', names('zh-CN')), text.en).toEqual(italicMetrics(text.en, names('en')));
  });
});

describe('lessons that ask to watch a chart name it as the chart picker does', () => {
  const step = (file: string, i: number) => JSON.parse(readFileSync(`${LESSONS}/${file}`, 'utf8')).steps[i] as { en: string; 'zh-CN': string };
  it.each([
    ['16-sessions-choice.lesson.json', 2, ['remoteCallsPerRequest', 'requestsAcceptedAfterRevoke']],
    ['15-partition.lesson.json', 1, ['conflictingWrites']],
    ['17-choosing.lesson.json', 2, ['errorRate', 'servedLatencyP99']],
  ] as const)('%s step %i', (file, i, metrics) => {
    expect(italicMetrics(step(file, i).en, names('en'))).toEqual([...metrics].sort());
    expect(italicMetrics(step(file, i)['zh-CN'], names('zh-CN'))).toEqual([...metrics].sort());
  });
});
