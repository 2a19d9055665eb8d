import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { APP_LOCALES, defaultLocale, STRINGS, type AppLocale, type StringKey } from './strings';

const STORAGE_KEY = 'statelab.locale';

interface LocaleValue {
  locale: AppLocale;
  setLocale(locale: AppLocale): void;
  t(key: StringKey): string;
}

const LocaleContext = createContext<LocaleValue | undefined>(undefined);

function initialLocale(): AppLocale {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved && (APP_LOCALES as readonly string[]).includes(saved)) return saved as AppLocale;
  return defaultLocale(globalThis.navigator?.languages ?? []);
}

/** The app language: follows the system at first, then the student's choice, kept across restarts. */
export function LocaleProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<AppLocale>(initialLocale);
  const setLocale = useCallback((next: AppLocale) => {
    setLocaleState(next);
    globalThis.localStorage?.setItem(STORAGE_KEY, next);
    document.documentElement.lang = next;
  }, []);
  const value = useMemo(() => ({ locale, setLocale, t: (key: StringKey) => STRINGS[locale][key] }), [locale, setLocale]);
  return <LocaleContext.Provider value={value}>{children}</LocaleContext.Provider>;
}

export function useLocale(): LocaleValue {
  const value = useContext(LocaleContext);
  if (!value) throw new Error('useLocale needs a LocaleProvider above it');
  return value;
}
