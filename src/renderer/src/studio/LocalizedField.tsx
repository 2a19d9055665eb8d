import { useTranslation } from 'react-i18next';
import { LOCALES } from '../../../shared/lesson';
import { LOCALE_NAMES } from '../../../shared/i18n';
import { Markdown } from '../lesson/Markdown';

const MISSING_CLASS = 'is-missing';

type Text = { en: string; [locale: string]: string | undefined };

/**
 * A text missing in a locale while English has it, or in English while another locale has it (typed
 * in 简体中文 first): the studio highlights it.
 */
export const isMissing = (text: Text | undefined, locale: string) =>
  locale === 'en' ? !text?.en?.trim() && Object.entries(text ?? {}).some(([l, v]) => l !== 'en' && Boolean(v?.trim())) : Boolean(text?.en?.trim()) && !text?.[locale]?.trim();

/**
 * One lesson text in every locale side by side (English first); a locale left empty while English
 * has words is highlighted. Markdown texts show their live preview under each box.
 */
export function LocalizedField({ label, value, onChange, isMarkdown = false, isMultiline = isMarkdown, testId }: { label: string; value: Text | undefined; onChange(next: Text): void; isMarkdown?: boolean; isMultiline?: boolean; testId: string }) {
  const { t } = useTranslation('studio');
  return (
    <fieldset className="sl-studio-text" data-testid={testId}>
      <legend>{label}</legend>
      <div className="sl-studio-locales">
        {LOCALES.map((locale) => {
          const text = value?.[locale] ?? '';
          const missing = isMissing(value, locale);
          const set = (next: string) => onChange({ ...(value ?? { en: '' }), [locale]: next });
          const common = { value: text, lang: locale, 'aria-label': `${label} (${LOCALE_NAMES[locale]})`, 'aria-invalid': missing || undefined, 'data-locale': locale, className: missing ? MISSING_CLASS : undefined };
          return (
            <div key={locale} className="sl-studio-locale">
              <span className="sl-muted">
                {LOCALE_NAMES[locale]}
                {missing && <strong className="sl-studio-missing"> · {t('missingTranslation')}</strong>}
              </span>
              {isMultiline ? <textarea rows={isMarkdown ? 3 : 2} {...common} onChange={(e) => set(e.target.value)} /> : <input {...common} onChange={(e) => set(e.target.value)} />}
              {isMarkdown && text.trim() && (
                <div className="sl-studio-preview" aria-label={t('preview')}>
                  <Markdown text={text} />
                </div>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
