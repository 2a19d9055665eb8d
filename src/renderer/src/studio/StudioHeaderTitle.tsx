import type { StudioDraft } from '../../../shared/studio';
import { useLocale } from '../i18n/LocaleContext';
import type { LessonDoc } from './useStudio';
import { lessonName } from './checkName';

/** A draft text in the locale, else its English, else another language's, else '' (a draft's texts may be half written). */
function draftText(text: Partial<Record<string, string>> | undefined, locale: string): string {
  return text?.[locale]?.trim() || text?.en?.trim() || Object.values(text ?? {}).find((other) => other?.trim())?.trim() || '';
}

/**
 * The window header while the studio is open: what the author is editing (pack title · lesson), in
 * the app's language, instead of the lesson the student side has open.
 */
export function StudioHeaderTitle({ draft, lessonDoc, lessonIndex }: { draft: StudioDraft; lessonDoc: LessonDoc | undefined; lessonIndex: number }) {
  const { locale } = useLocale();
  const pack = draftText(draft.title, locale) || draft.id;
  const lesson = lessonDoc ? lessonName(lessonDoc as Parameters<typeof lessonName>[0], locale, lessonIndex) : '';
  const title = lesson ? `${pack} · ${lesson}` : pack;
  // Ellipsised like the lesson title when the header is crowded: the tooltip reads it whole.
  return (
    <span className="sl-lesson-title" title={title} data-testid="studio-header-title">
      {title}
    </span>
  );
}
