// "Unsaved changes" on close: the renderer reports whether the document is dirty (shell:report);
// closing the window while it is asks first. Electron is passed in, so tests drive it with fakes.
import type { BrowserWindow, Dialog } from 'electron';
import type { AppLocale } from '../../shared/i18n';
import { shellText } from './shellText';

export interface ShellState {
  isDirty: boolean;
  locale: AppLocale;
}

/**
 * Registers the window's 'close' handler. With unsaved changes the close is held back and a
 * native prompt asks; "Close without saving" closes for real, Cancel keeps the window.
 */
export function guardUnsavedChanges(
  win: Pick<BrowserWindow, 'on' | 'close' | 'isDestroyed'>,
  dialog: Pick<Dialog, 'showMessageBox'>,
  state: () => ShellState,
): void {
  let isConfirmed = false;
  let isAsking = false;
  win.on('close', (event) => {
    const { isDirty, locale } = state();
    if (isConfirmed || !isDirty) return;
    event.preventDefault();
    if (isAsking) return;
    isAsking = true;
    void dialog
      .showMessageBox(win as BrowserWindow, {
        type: 'warning',
        title: shellText('unsavedTitle', locale),
        message: shellText('unsavedMessage', locale),
        detail: shellText('unsavedDetail', locale),
        buttons: [shellText('closeAnyway', locale), shellText('cancel', locale)],
        defaultId: 1,
        cancelId: 1,
        noLink: true,
      })
      .then(({ response }) => {
        isAsking = false;
        if (response !== 0 || win.isDestroyed()) return;
        isConfirmed = true;
        win.close();
      });
  });
}
