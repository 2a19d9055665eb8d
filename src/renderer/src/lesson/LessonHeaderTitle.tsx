import { localize } from '../../../shared/i18n';
import type { LessonView } from '../../../shared/ipc';
import { useLocale } from '../i18n/LocaleContext';

/** The lesson's name in the window header, in the app's language. */
export function LessonHeaderTitle({ lesson }: { lesson: LessonView }) {
  const { locale } = useLocale();
  const title = localize(lesson.text.title, locale);
  // Ellipsised when the header is crowded (English at 1280 px): the tooltip reads it whole.
  return (
    <span className="sl-lesson-title" title={title}>
      {title}
    </span>
  );
}
