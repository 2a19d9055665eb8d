/** The notice of a lesson's starter put on the canvas by the studio, worded at render time (a language picked while it shows rewords it). */
import { useTranslation } from 'react-i18next';
import { lessonName } from './checkName';

export function StarterShown({ lesson, index }: { lesson: unknown; index: number }) {
  const { t, i18n } = useTranslation('studio');
  return <>{t('starterShown', { lesson: lessonName(lesson as Parameters<typeof lessonName>[0], i18n.language, index) })}</>;
}
