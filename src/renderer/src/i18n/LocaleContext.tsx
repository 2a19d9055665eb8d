import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider, useTranslation } from 'react-i18next';
import type { TFunction } from 'i18next';
import { z } from 'zod';
import { APP_LOCALES, defaultLocale, type AppLocale } from './resources';
import { createI18n } from './i18n';

export const LOCALE_STORAGE_KEY = 'statelab.locale';

interface LocaleValue {
  locale: AppLocale;
  setLocale(locale: AppLocale): void;
}

const LocaleContext = createContext<LocaleValue | undefined>(undefined);

/** The saved choice if it is one of ours, else the system's languages (zh* → 简体中文, else English). */
export function initialLocale(saved: string | null | undefined, languages: readonly string[]): AppLocale {
  if (saved && (APP_LOCALES as readonly string[]).includes(saved)) return saved as AppLocale;
  return defaultLocale(languages);
}

/** The app language: follows the system at first, then the student's choice, kept across restarts; applies without reload. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(() => initialLocale(globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY), globalThis.navigator?.languages ?? []));
  // One instance for the app's life; changeLanguage follows `locale`.
  const [i18n] = useState(() => createI18n(locale));
  useEffect(() => {
    void i18n.changeLanguage(locale);
    document.documentElement.lang = locale;
    // The props forms' validation messages come from zod: in the renderer, in the app's language.
    z.config(locale === 'zh-CN' ? z.locales.zhCN() : z.locales.en());
  }, [i18n, locale]);
  const setLocale = useCallback((next: AppLocale) => {
    setLocaleState(next);
    globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, next);
  }, []);
  const value = useMemo(() => ({ locale, setLocale }), [locale, setLocale]);
  return (
    <I18nextProvider i18n={i18n}>
      <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>
    </I18nextProvider>
  );
}

/** The locale, its setter, and `t` over the lesson namespace (the lesson column's words). */
export function useLocale(): LocaleValue & { t: TFunction<'lesson'> } {
  const value = useContext(LocaleContext);
  const { t } = useTranslation('lesson');
  if (!value) throw new Error('useLocale needs a LocaleProvider above it');
  return { ...value, t };
}
