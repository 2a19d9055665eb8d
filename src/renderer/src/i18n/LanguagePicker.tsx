import { useTranslation } from 'react-i18next';
import { useLocale } from './LocaleContext';
import { APP_LOCALES, LOCALE_NAMES, type AppLocale } from './resources';

/** The app language, in the header so it is always there (in a lesson, after New, in a free design). */
export function LanguagePicker() {
  const { locale, setLocale } = useLocale();
  const { t } = useTranslation('app');
  return (
    <label className="sl-locale">
      <span className="sl-visually-hidden">{t('language')}</span>
      <select value={locale} onChange={(e) => setLocale(e.target.value as AppLocale)} aria-label={t('language')}>
        {APP_LOCALES.map((l) => (
          <option key={l} value={l} lang={l}>
            {LOCALE_NAMES[l]}
          </option>
        ))}
      </select>
    </label>
  );
}
