// Electron entry: the only file that imports electron. Everything it wires is tested without it.
import { app, BrowserWindow, dialog, ipcMain, session } from 'electron';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { createHost } from './host/services';
import { electronDialogs } from './electron/dialogs';
import { lockDownContents, registerIpc, secureWebPreferences } from './electron/security';
import { BUILTIN_PACK_ID } from '../shared/lesson';

const rendererUrl =
  process.env.ELECTRON_RENDERER_URL ?? pathToFileURL(path.join(__dirname, '../renderer/index.html')).toString();


app.whenReady().then(() => {
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  const host = createHost({
    host: 'electron',
    builtinPackDirs: [path.join(app.getAppPath(), 'lessons', BUILTIN_PACK_ID)],
    dataDir: app.getPath('userData'),
    dialogs: electronDialogs(dialog, () => BrowserWindow.getFocusedWindow() ?? undefined),
    log: (message) => console.error(message),
  });
  registerIpc(ipcMain, host.dispatch, rendererUrl);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, rendererUrl));

  const win = new BrowserWindow({
    width: 1400,
    height: 900,
    title: 'StateLab',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js')),
  });
  win.once('ready-to-show', () => win.show());
  void win.loadURL(rendererUrl);
  app.on('window-all-closed', () => {
    host.dispose();
    app.quit();
  });
});
