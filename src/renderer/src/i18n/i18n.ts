/**
 * The app's i18next instance: every namespace of every locale is bundled (no loading), English is
 * the fallback, and React escapes interpolated values itself.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLocale } from '../../../shared/i18n';
import { RESOURCES } from './resources';

export function createI18n(locale: AppLocale) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: RESOURCES as unknown as Record<string, Record<string, Record<string, unknown>>>,
    lng: locale,
    fallbackLng: 'en',
    defaultNS: 'app',
    ns: Object.keys(RESOURCES.en),
    interpolation: { escapeValue: false },
    returnNull: false,
    initAsync: false,
  });
  return instance;
}
