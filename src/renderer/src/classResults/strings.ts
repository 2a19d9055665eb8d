/** The class results dashboard's words: the `classResults` namespace (i18n/locales). */
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

/** t(key, { name: value }) with "{{name}}" placeholders filled. */
export function useClassStrings() {
  const { t } = useTranslation('classResults');
  return useCallback((key: string, values: Record<string, string | number> = {}) => t(key, values), [t]);
}
