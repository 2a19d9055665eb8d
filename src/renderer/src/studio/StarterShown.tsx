/**
 * The notice of the lesson whose starter the canvas is, worded at render time (a language picked
 * while it shows rewords it): a lesson's starter the studio put on the canvas, or a lesson just added,
 * whose starter the canvas became. The lesson is named as the picker names it now: a title typed
 * while the notice shows renames it there too.
 */
import { createContext, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { StudioLesson } from '../../../shared/studio';
import { lessonName } from './checkName';

/** The open draft's lessons, for a notice that names one of them. */
export const StudioLessonsContext = createContext<readonly StudioLesson[] | undefined>(undefined);

export function StarterShown({ lesson, index, isNew = false }: { lesson: unknown; index: number; isNew?: boolean | undefined }) {
  const { t, i18n } = useTranslation('studio');
  const now = useContext(StudioLessonsContext)?.[index]?.lesson ?? lesson;
  const name = lessonName(now as Parameters<typeof lessonName>[0], i18n.language, index);
  return <>{isNew ? t('starterAdded', { lesson: name, n: index + 1 }) : t('starterShown', { lesson: name })}</>;
}
