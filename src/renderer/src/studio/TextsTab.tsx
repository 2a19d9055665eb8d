/**
 * The lesson's texts. Each text field of the lesson schema is one entry of LESSON_TEXT_FIELDS
 * (its key and its shape): a field added to the schema (a debrief, instructor notes) is one more line.
 */
import type { Draft } from 'immer';
import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/lesson';
import { LocalizedField } from './LocalizedField';
import type { Studio } from './useStudio';

type Text = { en: string; [locale: string]: string | undefined };
/** text: one localized line; markdown: one localized Markdown text; list: per-locale lists (objectives); markdownList: localized Markdown texts (steps). */
type TextKind = 'text' | 'markdown' | 'list' | 'markdownList';

export const LESSON_TEXT_FIELDS: readonly { key: string; kind: TextKind }[] = [
  { key: 'title', kind: 'text' },
  { key: 'objectives', kind: 'list' },
  { key: 'steps', kind: 'markdownList' },
];

type Fields = Record<string, unknown>;

function ListField({ field, kind, lesson, studio }: { field: string; kind: 'list' | 'markdownList'; lesson: Fields; studio: Studio }) {
  const { t } = useTranslation('studio');
  const set = (recipe: (l: Fields) => void) => studio.editLesson((l) => recipe(l as unknown as Fields));
  const label = t(`fields.${field}`, { defaultValue: field });
  // Both shapes are shown as rows of localized texts: objectives keep one list per locale in the file.
  const rows: Text[] =
    kind === 'markdownList'
      ? ((lesson[field] as Text[] | undefined) ?? [])
      : Array.from({ length: Math.max(0, ...LOCALES.map((l) => ((lesson[field] as Record<string, string[]> | undefined)?.[l] ?? []).length)) }, (_, i) =>
          Object.fromEntries(LOCALES.map((l) => [l, (lesson[field] as Record<string, string[]> | undefined)?.[l]?.[i] ?? ''])) as Text,
        );
  const write = (next: Text[]) =>
    set((l) => {
      if (kind === 'markdownList') l[field] = next;
      else l[field] = Object.fromEntries(LOCALES.map((loc) => [loc, next.map((row) => row[loc] ?? '')]));
    });
  return (
    <section className="sl-studio-list" data-testid={`text-${field}`}>
      <h4>{label}</h4>
      {rows.map((row, i) => (
        <div key={i} className="sl-studio-list-row">
          <LocalizedField label={`${label} ${i + 1}`} value={row} isMarkdown={kind === 'markdownList'} isMultiline testId={`text-${field}-${i}`} onChange={(v) => write(rows.map((r, j) => (j === i ? v : r)))} />
          <button type="button" className="sl-link" onClick={() => write(rows.filter((_, j) => j !== i))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button type="button" onClick={() => write([...rows, { en: '' }])}>
        {t('addRow', { what: label })}
      </button>
    </section>
  );
}

export function TextsTab({ studio }: { studio: Studio }) {
  const { t } = useTranslation('studio');
  const lesson = studio.lessonDoc as unknown as Fields | undefined;
  if (!lesson) return null;
  return (
    <div className="sl-studio-tab" data-testid="studio-texts">
      {LESSON_TEXT_FIELDS.map(({ key, kind }) =>
        kind === 'list' || kind === 'markdownList' ? (
          <ListField key={key} field={key} kind={kind} lesson={lesson} studio={studio} />
        ) : (
          <LocalizedField
            key={key}
            label={t(`fields.${key}`, { defaultValue: key })}
            value={lesson[key] as Text | undefined}
            isMarkdown={kind === 'markdown'}
            testId={`text-${key}`}
            onChange={(v) => studio.editLesson((l) => void ((l as unknown as Draft<Fields>)[key] = v))}
          />
        ),
      )}
    </div>
  );
}
