// Native open/save dialogs for the host's external-file services; electron's `dialog` is passed
// in, so this file imports no electron and tests drive it with a fake.
import type { BrowserWindow, Dialog } from 'electron';
import type { NativeDialogs } from '../host/files/externalFiles';

const FILTERS = [
  { name: 'StateLab designs', extensions: ['json'] },
  { name: 'All files', extensions: ['*'] },
];

export function electronDialogs(dialog: Pick<Dialog, 'showOpenDialog' | 'showSaveDialog'>, window: () => BrowserWindow | undefined): NativeDialogs {
  return {
    async chooseOpenPath() {
      const win = window();
      const options = { title: 'Open a StateLab design', filters: FILTERS, properties: ['openFile' as const] };
      const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
      return result.canceled ? null : (result.filePaths[0] ?? null);
    },
    async chooseSavePath(suggestedName) {
      const win = window();
      const options = { title: 'Save the design', defaultPath: suggestedName, filters: FILTERS };
      const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
      return result.canceled || !result.filePath ? null : result.filePath;
    },
  };
}
