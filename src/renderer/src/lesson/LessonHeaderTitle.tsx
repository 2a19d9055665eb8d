import { localize } from '../../../shared/i18n';
import type { LessonView } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';

/** The lesson's name in the window header, in the app's language. */
export function LessonHeaderTitle({ lesson }: { lesson: LessonView }) {
  const { locale } = useLocale();
  return <span className="sl-lesson-title">{localize(lesson.text.title, locale)}</span>;
}
