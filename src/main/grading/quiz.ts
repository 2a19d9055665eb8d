/** Quiz checks: the student picks a choice; the right one is fixed or decided by the run. */
import type { QuizCheck } from '../../shared/checks';
import type { RunResult } from '../../shared/metrics';
import type { SimEngine } from './engine';
import { gradeMessage, keyedError, type GradeMessage } from '../../shared/i18n/gradeTexts';
import { resolveWindow, type FaultTiming, type Resolved } from './window';

/**
 * The right choice. A metric-decided answer reads the metric at each choice's node (choice ids
 * are node ids); ties go to the earlier choice so the answer is the same on every machine.
 */
export function rightChoice(run: RunResult, engine: SimEngine, quiz: QuizCheck, faults: readonly FaultTiming[]): Resolved<string> | { ok: false; error: string; errorKey: GradeMessage } {
  if (typeof quiz.answer === 'string') return { ok: true, value: quiz.answer };
  const metric = quiz.answer.highest ?? quiz.answer.lowest;
  if (metric === undefined) return { ok: false, ...keyedError(gradeMessage('quiz.noMetric')) };
  const window = resolveWindow(quiz.answer.window, faults, run.durationMs);
  if (!window.ok) return window;
  const sign = quiz.answer.highest !== undefined ? 1 : -1;
  let best: { id: string; score: number } | undefined;
  for (const choice of quiz.choices) {
    if (!run.nodes.some((n) => n.id === choice.id)) continue;
    const value = engine.readMetric(run, metric, window.value, choice.id);
    if (Number.isNaN(value)) continue;
    if (best === undefined || sign * value > best.score) best = { id: choice.id, score: sign * value };
  }
  if (best === undefined) return { ok: false, ...keyedError(gradeMessage('quiz.noChoice', { metric })) };
  return { ok: true, value: best.id };
}

export interface QuizOutcome {
  passed: boolean;
  /** The student's choice id, or null when they did not answer. */
  measured: string | null;
  error?: string;
  /** `error` as a key of GRADE_TEXTS, when it has one. */
  errorKey?: GradeMessage;
}

export function evaluateQuiz(run: RunResult, engine: SimEngine, quiz: QuizCheck, answer: string | undefined, faults: readonly FaultTiming[]): QuizOutcome {
  if (answer === undefined) return { passed: false, measured: null };
  const right = rightChoice(run, engine, quiz, faults);
  if (!right.ok) return { passed: false, measured: answer, error: right.error, ...('errorKey' in right ? { errorKey: right.errorKey } : {}) };
  return { passed: answer === right.value, measured: answer };
}
