/** Every locale's UI words, by namespace: the one table the app, the checks and the e2e tests read. */
import type { AppLocale } from '../../../shared/i18n';
import { domainEn } from './domainEn';
import { domainZhCN } from '../../../shared/i18n/domainZhCN';
import { en } from './locales/en';
import { zhCN } from './locales/zhCN';

export { APP_LOCALES, defaultLocale, LOCALE_NAMES, type AppLocale } from '../../../shared/i18n';

export type Namespace = keyof typeof en | 'domain';
export const NAMESPACES = [...(Object.keys(en) as (keyof typeof en)[]), 'domain'] as const satisfies readonly Namespace[];

export const RESOURCES: Record<AppLocale, Record<Namespace, object>> = {
  en: { ...en, domain: domainEn() },
  'zh-CN': { ...zhCN, domain: domainZhCN },
};

/** English UI words by namespace, typed: e2e tests find controls by these. */
export const EN = en;
export const ZH_CN = zhCN;
