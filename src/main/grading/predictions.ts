/**
 * "Predict before you run" (issue 13): each answered prediction earns its points whatever the
 * answer; the report also says what the graded run measured and whether the picked choice's range
 * holds it, so the student can compare.
 */
import type { PredictionResult } from '../../shared/gradeReport';
import type { Prediction } from '../../shared/instructor';
import { METRICS, type RunResult } from '../../shared/metrics';
import { resolveWindow, type FaultTiming } from '../../shared/runWindow';
import type { SimEngine } from './engine';

/** Whether a choice's range holds a value; null when the choice gives no range or nothing was measured. */
export function isPredictionBorneOut(choice: { min?: number | undefined; max?: number | undefined } | undefined, measured: number | null): boolean | null {
  if (!choice || measured === null || (choice.min === undefined && choice.max === undefined)) return null;
  return (choice.min === undefined || measured >= choice.min) && (choice.max === undefined || measured < choice.max);
}

export function evaluatePrediction(prediction: Prediction, answer: string | undefined, run: RunResult, engine: SimEngine, faults: readonly FaultTiming[]): PredictionResult {
  const window = resolveWindow(prediction.measure.window, faults, run.durationMs);
  const value = window.ok ? engine.readMetric(run, prediction.measure.metric, window.value) : Number.NaN;
  const measured = Number.isNaN(value) ? null : value;
  const choice = prediction.choices.find((c) => c.id === answer);
  const isAnswered = choice !== undefined;
  return {
    id: prediction.id,
    question: prediction.question,
    answer: isAnswered ? choice.id : null,
    measured,
    unit: METRICS[prediction.measure.metric].unit,
    isBorneOut: isPredictionBorneOut(choice, measured),
    points: isAnswered ? prediction.points : 0,
    maxPoints: prediction.points,
  };
}
