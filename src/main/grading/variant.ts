/**
 * A lesson as one student gets it: their seed and parameter values written into the scenario and
 * the starter (and reference) graphs. The app's grading, submission export, re-grading (app, CLI,
 * bulk, class results) and `pack:validate --run` all go through here, so they agree.
 */
import { gradeMessage, gradeText, type GradeMessage } from '../../shared/i18n/gradeTexts';
import { variantParamFormat, type VariantLabel } from '../../shared/i18n/variantText';
import type { Graph } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { deriveVariant, variantGraph, variantScenario, type StudentVariant } from '../../shared/variants';

export interface LessonWithGraphs {
  lesson: Lesson;
  starter?: Graph | undefined;
  reference?: Graph | undefined;
}

/** The lesson for `student` (unchanged when it declares no variants or the name is empty), and the variant applied. */
export function lessonForStudent<T extends LessonWithGraphs>(item: T, student: string | undefined): T & { variant?: StudentVariant } {
  const { lesson } = item;
  const variant = deriveVariant(lesson.id, lesson.variants, student);
  if (!variant) return item;
  return {
    ...item,
    lesson: { ...lesson, scenario: variantScenario(lesson.scenario, lesson.variants, variant) },
    ...(item.starter ? { starter: variantGraph(item.starter, lesson.variants, variant) } : {}),
    ...(item.reference ? { reference: variantGraph(item.reference, lesson.variants, variant) } : {}),
    variant,
  };
}

/** "crashAtMs 11500, rps 650, seed 123": a variant as one line (to compare two, and in older notes). */
export const describeVariant = (variant: StudentVariant): string => {
  const values = Object.entries(variant.values).sort(([a], [b]) => a.localeCompare(b)).map(([id, value]) => `${id} ${value}`);
  return values.length > 0 ? `${values.join(', ')}, seed ${variant.seed}` : `seed ${variant.seed}`;
};

/**
 * A variant as a message of GRADE_TEXTS: each value a `variant.value.<unit>` message naming its
 * parameter by id (the unit from the lesson's parameter, `count` when it has none), so a reader
 * words it with the lesson's labels (shared/i18n/variantText.ts); in id order.
 */
export function variantMessage(variant: StudentVariant, parameters: readonly VariantLabel[] = []): GradeMessage {
  const values = Object.entries(variant.values)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([id, value]): GradeMessage => {
      const unit = parameters.find((p) => p.id === id)?.unit ?? 'count';
      return gradeMessage(`variant.value.${unit}`, { parameter: id, [unit === 'count' ? 'number' : unit]: value });
    });
  const list = values.reduceRight<GradeMessage | undefined>((tail, head) => (tail ? gradeMessage('variant.list', { head, tail }) : head), undefined);
  return list ? gradeMessage('variant.values', { values: list, seed: variant.seed }) : gradeMessage('variant.seedOnly', { seed: variant.seed });
}

/** A re-grade note in English, the variant's values by the lesson's English labels: what the CLI and the grades CSV keep. */
export const englishNote = (message: GradeMessage, parameters: readonly VariantLabel[] | undefined): string => gradeText(message, 'en', variantParamFormat(parameters, 'en'));
