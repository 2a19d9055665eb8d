import { useTranslation } from 'react-i18next';
import type { AppKeyId } from '../../../shared/shortcuts';
import { ariaKeysOf, keysTextOf } from './shortcuts';

/**
 * A button's tooltip and aria-keyshortcuts for a command with keys, both from the key table:
 * `{...keyed(t('saveHint'), 'save')}` gives title "Save (Ctrl+S)" and aria-keyshortcuts "Control+S".
 */
export function useKeyHint() {
  const { t } = useTranslation('editor');
  return (hint: string, id: AppKeyId) => ({ title: t('keyHint', { hint, keys: keysTextOf(id, t('keysOr')) }), 'aria-keyshortcuts': ariaKeysOf(id) });
}
