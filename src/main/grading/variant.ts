/**
 * A lesson as one student gets it: their seed and parameter values written into the scenario and
 * the starter (and reference) graphs. The app's grading, submission export, re-grading (app, CLI,
 * bulk, class results) and `pack:validate --run` all go through here, so they agree.
 */
import { englishGrade, gradeMessage, type GradeMessage } from '../../shared/i18n/gradeTexts';
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

/** "crashAtMs 11500, rps 650, seed 123": how notes and the CLI name a variant. */
export const describeVariant = (variant: StudentVariant): string => englishGrade(variantMessage(variant));

/** The same, as a message of GRADE_TEXTS (the value ids stay as the lesson names them). */
export function variantMessage(variant: StudentVariant): GradeMessage {
  const values = Object.entries(variant.values).sort(([a], [b]) => a.localeCompare(b)).map(([id, value]) => `${id} ${value}`);
  return values.length > 0 ? gradeMessage('variant.values', { values: values.join(', '), seed: variant.seed }) : gradeMessage('variant.seedOnly', { seed: variant.seed });
}
