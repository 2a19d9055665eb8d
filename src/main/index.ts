// Electron entry: the only file that imports electron. Everything it wires is tested without it.
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, screen, session } from 'electron';
import path from 'node:path';
import { defaultLocale } from '../shared/i18n';
import type { MenuCommand, OpenableKind } from '../shared/shell';
import { APP_VERSION } from '../shared/version';
import { createHost } from './host/services';
import { guardUnsavedChanges, type ShellState } from './electron/closeGuard';
import { electronDialogs } from './electron/dialogs';
import { buildMenuTemplate } from './electron/menu';
import { claimSingleInstance, createOpenedFileQueue, filesFromArgv } from './electron/openedFiles';
import { APP_SCHEME, APP_SCHEME_PRIVILEGES, appProtocolHandler, chooseRendererUrl } from './electron/protocol';
import { denyAllPermissions, lockDownContents, registerIpc, secureWebPreferences } from './electron/security';
import { shellText } from './electron/shellText';
import { BUILTIN_PACK_ID } from '../shared/lesson';
import { placeWindow, readWindowState, writeWindowState } from './electron/windowState';

// Before ready: app:// is a standard, secure origin (like https), not file://.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
const rendererUrl = chooseRendererUrl(app.isPackaged, process.env);
const rendererDir = path.join(__dirname, '../renderer');

let win: BrowserWindow | undefined;
let shellState: ShellState = { isDirty: false, locale: 'en' };
const openedFiles = createOpenedFileQueue(() => {
  if (win && !win.isDestroyed()) win.webContents.send('onDidOpenFile', {});
});

function focusWindow(): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.focus();
}

const isFirstInstance = claimSingleInstance(app, (files) => {
  focusWindow();
  void openedFiles.add(files);
});

if (!isFirstInstance) {
  app.quit();
} else {
  void openedFiles.add(filesFromArgv(process.argv.slice(1), process.cwd()));
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`StateLab could not start: ${error instanceof Error ? (error.stack ?? message) : message}`);
      dialog.showErrorBox('StateLab could not start', message);
      app.quit();
    });
}

async function start(): Promise<void> {
  denyAllPermissions(session.defaultSession);
  protocol.handle(APP_SCHEME, appProtocolHandler(rendererDir));
  const dataDir = app.getPath('userData');
  shellState = { isDirty: false, locale: defaultLocale([app.getLocale()]) };

  const host = createHost({
    host: 'electron',
    builtinPackDirs: [path.join(app.isPackaged ? process.resourcesPath : app.getAppPath(), 'lessons', BUILTIN_PACK_ID)],
    dataDir,
    dialogs: electronDialogs(dialog, () => BrowserWindow.getFocusedWindow() ?? undefined),
    log: (message) => console.error(message),
    shell: {
      report: (state) => {
        const isNewLocale = state.locale !== shellState.locale;
        shellState = state;
        if (isNewLocale) setMenu();
      },
      takeOpenedFiles: () => openedFiles.take(),
    },
  });
  registerIpc(ipcMain, host.dispatch, rendererUrl);
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, rendererUrl));

  const placement = placeWindow(await readWindowState(dataDir), screen.getAllDisplays().map((d) => d.workArea));
  win = new BrowserWindow({
    width: placement.width,
    height: placement.height,
    ...(placement.x !== undefined && placement.y !== undefined ? { x: placement.x, y: placement.y } : {}),
    minWidth: 900,
    minHeight: 600,
    title: 'StateLab',
    show: false,
    webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.js'), app.isPackaged),
  });
  const window = win;
  if (placement.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  guardUnsavedChanges(window, dialog, () => shellState);
  let savingState: Promise<void> = Promise.resolve();
  window.on('close', () => {
    const bounds = window.getNormalBounds();
    savingState = writeWindowState(dataDir, { ...bounds, isMaximized: window.isMaximized() }).catch(() => {});
  });
  setMenu();
  void window.loadURL(rendererUrl);
  app.on('window-all-closed', () => {
    host.dispose();
    void savingState.finally(() => app.quit());
  });
}

function send(command: MenuCommand): void {
  if (!win || win.isDestroyed()) return;
  // Cut/copy/paste/undo/redo also act natively on a focused text field; the renderer runs the
  // canvas's own command only when no text field has focus.
  if (command === 'undo' || command === 'redo' || command === 'cut' || command === 'copy' || command === 'paste') win.webContents[command]();
  win.webContents.send('onDidMenuCommand', { command });
}

async function pickAndOpen(kind: OpenableKind, title: 'openPackTitle' | 'openSubmissionTitle', filterName: 'packFiles' | 'submissionFiles', extension: string) {
  if (!win) return;
  const { locale } = shellState;
  const result = await dialog.showOpenDialog(win, { title: shellText(title, locale), filters: [{ name: shellText(filterName, locale), extensions: [extension] }], properties: ['openFile'] });
  if (!result.canceled) await openedFiles.add(result.filePaths, kind);
}

function setMenu(): void {
  const template = buildMenuTemplate(
    shellState.locale,
    process.platform,
    {
      command: send,
      importPack: () => void pickAndOpen('pack', 'openPackTitle', 'packFiles', 'zip'),
      openSubmission: () => void pickAndOpen('submission', 'openSubmissionTitle', 'submissionFiles', 'json'),
      about: () => {
        const { locale } = shellState;
        const options = { type: 'info' as const, title: shellText('about', locale), message: 'StateLab', detail: shellText('aboutDetail', locale, { version: APP_VERSION }) };
        void (win ? dialog.showMessageBox(win, options) : dialog.showMessageBox(options));
      },
    },
    { isPackaged: app.isPackaged },
  );
  Menu.setApplicationMenu(Menu.buildFromTemplate(template));
}
