/**
 * The app's i18next instance: every namespace of every locale is bundled (no loading), English is
 * the fallback, and React escapes interpolated values itself.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { AppLocale } from '../../../shared/i18n';
import { closeChineseSpaces } from '../../../shared/i18n/messages';
import { RESOURCES } from './resources';

/**
 * Chinese templates keep a space beside a placeholder so that a Latin name reads "API 2 的属性";
 * a Chinese name then stood apart ("负载均衡器 的属性"). Every Chinese text loses such a space
 * between two Chinese characters once filled in (the shared tables do the same as they fill).
 */
const chineseSpacing = {
  type: 'postProcessor' as const,
  name: 'chineseSpacing',
  process: (value: string, _key: string | string[], options: { lng?: string }, translator: { language?: string }) =>
    (options.lng ?? translator.language) === 'zh-CN' && typeof value === 'string' ? closeChineseSpaces(value) : value,
};

export function createI18n(locale: AppLocale) {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).use(chineseSpacing).init({
    postProcess: ['chineseSpacing'],
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
