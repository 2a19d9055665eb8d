import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { defaultSplit, newPrediction, setPredictionMetric, type PredictionDoc } from '../../../src/renderer/src/studio/predictionEdit';
import { PredictionSchema } from '../../../src/shared/instructor';
import { METRIC_NAMES, METRICS } from '../../../src/shared/metrics';

const bounds = (p: PredictionDoc) => p.choices.map((c) => ({ min: c.min, max: c.max }));
const switchTo = (p: PredictionDoc, metric: PredictionDoc['measure']['metric']) => produce(p, (d) => setPredictionMetric(d, metric));

describe('switching a prediction’s metric in the studio', () => {
  it('moves bounds left at the error rate’s default to the cache hit ratio’s default', () => {
    const p = newPrediction([]);
    expect(bounds(p)).toEqual([{ min: undefined, max: 0.01 }, { min: 0.01, max: undefined }]);
    const next = switchTo(p, 'cacheHitRatio');
    expect(next.measure.metric).toBe('cacheHitRatio');
    expect(bounds(next)).toEqual([{ min: undefined, max: 0.5 }, { min: 0.5, max: undefined }]);
    // And on again, from the hit ratio's default to a count's ("none" or "some").
    expect(bounds(switchTo(next, 'lostWrites'))).toEqual([{ min: undefined, max: 1 }, { min: 1, max: undefined }]);
  });

  it('keeps bounds the author edited', () => {
    const edited = produce(newPrediction([]), (d) => {
      d.choices[0]!.max = 0.05;
      d.choices[1]!.min = 0.05;
    });
    const next = switchTo(edited, 'cacheHitRatio');
    expect(next.measure.metric).toBe('cacheHitRatio');
    expect(bounds(next)).toEqual([{ min: undefined, max: 0.05 }, { min: 0.05, max: undefined }]);
  });

  it('keeps the bounds when a third answer was given a range of its own', () => {
    const p = produce(newPrediction([]), (d) => void d.choices.push({ id: 'c3', text: { en: '' }, min: 0.2 }));
    expect(bounds(switchTo(p, 'cacheHitRatio'))).toEqual(bounds(p));
  });

  it('still moves the defaults when an extra answer was added without a range', () => {
    const p = produce(newPrediction([]), (d) => void d.choices.push({ id: 'c3', text: { en: '' } }));
    const next = switchTo(p, 'latencyP99');
    expect(bounds(next)).toEqual([{ min: undefined, max: defaultSplit('latencyP99') }, { min: defaultSplit('latencyP99'), max: undefined }, { min: undefined, max: undefined }]);
  });

  it('gives every metric a finite default that makes a valid question', () => {
    for (const metric of METRIC_NAMES) {
      const split = defaultSplit(metric);
      expect(Number.isFinite(split), metric).toBe(true);
      if (METRICS[metric].unit === 'fraction') expect(split, metric).toBeLessThanOrEqual(1);
      const p = produce(newPrediction([]), (d) => {
        d.question = { en: 'q' };
        setPredictionMetric(d, metric);
      });
      expect(PredictionSchema.safeParse(p).success, metric).toBe(true);
    }
  });
});
