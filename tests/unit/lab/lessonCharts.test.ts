// Lessons' steps send students to numbers by name ("note *remote calls per request*", "read
// *conflicting writes*", "Read *Recovery time*") that no default chart showed: the bench now starts
// each lesson with a chart for every metric its checks grade and its predictions measure.
import { describe, expect, it } from 'vitest';
import { loadPackFolder } from '../../../src/main/packs/folder';
import { lessonChartMetrics } from '../../../src/renderer/src/lab/series';
import { yAxisWidth } from '../../../src/renderer/src/lab/ticks';
import { METRICS } from '../../../src/shared/metrics';
import { PACK_DIR } from '../../integration/lessons/expectations';

const pack = await loadPackFolder(PACK_DIR);
const chartsOf = (id: string) => {
  const { lesson } = pack.lessons.find((l) => l.lesson.id === id)!;
  return lessonChartMetrics({ checks: lesson.checks.map((c) => (c.type === 'metric' ? { metric: c.metric } : {})), predictions: lesson.predictions });
};

describe('a lesson starts with charts of what it grades', () => {
  it('charts the numbers the steps of lessons 10, 11 and 14 tell the student to read', () => {
    expect(chartsOf('locality')).toContain('remoteCallsPerRequest');
    expect(chartsOf('split-brain')).toContain('conflictingWrites');
    expect(chartsOf('rooms')).toContain('recoveryTimeMs');
    expect(chartsOf('scaling-out')).toContain('keysMovedFraction');
    // Lesson 8's prediction measures lost writes; its check grades them too: one chart.
    expect(chartsOf('failover').filter((m) => m === 'lostWrites')).toHaveLength(1);
  });

  it('adds no second chart of what the default set shows (latency, errors, throughput)', () => {
    for (const { lesson } of pack.lessons) {
      const metrics = chartsOf(lesson.id);
      expect(metrics, lesson.id).not.toContain('latencyP99');
      expect(metrics, lesson.id).not.toContain('errorRate');
      expect(metrics, lesson.id).not.toContain('throughput');
      expect(new Set(metrics).size, lesson.id).toBe(metrics.length);
    }
  });

  it('titles each chart with the words the steps use', () => {
    expect(METRICS.remoteCallsPerRequest.label).toBe('Remote calls per request');
    expect(METRICS.conflictingWrites.label).toBe('Conflicting writes');
    expect(METRICS.recoveryTimeMs.label).toBe('Recovery time');
  });
});

describe('y axis of a chart', () => {
  it('is wide enough for its longest tick label, so a recovery time in thousands of ms is not cut to "000.0 ms"', () => {
    const labels = ['0.0 ms', '2,000.0 ms', '4,000.0 ms', '6,000.0 ms'];
    expect(yAxisWidth(labels)).toBeGreaterThanOrEqual(7 * '6,000.0 ms'.length);
    expect(yAxisWidth(labels)).toBeGreaterThan(yAxisWidth(['0/s', '400/s']));
    // Short labels keep the usual width, so charts side by side still line up.
    expect(yAxisWidth(['0/s', '400/s'])).toBe(62);
    expect(yAxisWidth([])).toBe(62);
  });
});
