/**
 * The notice of the lesson whose starter the canvas is, worded at render time (a language picked
 * while it shows rewords it): a lesson's starter the studio put on the canvas, or a lesson just added,
 * whose starter the canvas became.
 */
import { useTranslation } from 'react-i18next';
import { lessonName } from './checkName';

export function StarterShown({ lesson, index, isNew = false }: { lesson: unknown; index: number; isNew?: boolean | undefined }) {
  const { t, i18n } = useTranslation('studio');
  const name = lessonName(lesson as Parameters<typeof lessonName>[0], i18n.language, index);
  return <>{isNew ? t('starterAdded', { lesson: name, n: index + 1 }) : t('starterShown', { lesson: name })}</>;
}
