// The application menu as a pure template: labels from one table in both app languages, platform
// accelerators, and clicks that call the handlers passed in (no electron import, so tests read it).
import type { MenuItemConstructorOptions } from 'electron';
import { APP_LOCALES, LOCALE_NAMES, type AppLocale } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/shell';
import { SHELL_TEXT, type ShellTextKey } from './shellText';

export interface MenuHandlers {
  /** A command the renderer carries out (save, undo, fit view, …). */
  command(command: MenuCommand): void;
  /** Main shows a native dialog and opens the chosen pack or submission like a file from the OS. */
  importPack(): void;
  openSubmission(): void;
  about(): void;
}

export interface MenuOptions {
  /** Developer tools and reload only outside the packaged app. */
  isPackaged: boolean;
}

/**
 * The application menu. Keys the renderer already handles itself (Ctrl+S, Ctrl+Z, Ctrl+C…) are
 * shown but not registered (`registerAccelerator: false`), so typing in a text field keeps its own
 * undo and paste; the menu click sends the same command.
 */
export function buildMenuTemplate(locale: AppLocale, platform: NodeJS.Platform, handlers: MenuHandlers, options: MenuOptions): MenuItemConstructorOptions[] {
  const label = (key: ShellTextKey) => {
    const text: string = SHELL_TEXT[key][locale];
    // "&" marks the Alt-key mnemonic on Windows and Linux; macOS shows no mnemonics.
    return platform === 'darwin' ? text.replace(/\(&\w\)|&/g, '') : text;
  };
  const send = (key: ShellTextKey & MenuCommand, accelerator?: string, isRendererKey = false): MenuItemConstructorOptions => ({
    id: key,
    label: label(key),
    ...(accelerator ? { accelerator, registerAccelerator: !isRendererKey } : {}),
    click: () => handlers.command(key),
  });
  const isMac = platform === 'darwin';

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: label('file'),
    submenu: [
      send('new', 'CmdOrCtrl+N'),
      send('open', 'CmdOrCtrl+O', true),
      { type: 'separator' },
      send('save', 'CmdOrCtrl+S', true),
      send('saveAs', 'CmdOrCtrl+Shift+S'),
      {
        id: 'export',
        label: label('export'),
        submenu: [send('exportDesign', 'CmdOrCtrl+E'), send('exportPng'), send('exportSvg')],
      },
      { type: 'separator' },
      { id: 'importPack', label: label('importPack'), accelerator: 'CmdOrCtrl+I', click: () => handlers.importPack() },
      { id: 'openSubmission', label: label('openSubmission'), accelerator: 'CmdOrCtrl+Shift+O', click: () => handlers.openSubmission() },
      ...(isMac ? [] : [{ type: 'separator' as const }, { id: 'quit', label: label('quit'), role: 'quit' as const, accelerator: 'CmdOrCtrl+Q' }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: label('edit'),
    submenu: [
      send('undo', 'CmdOrCtrl+Z', true),
      send('redo', 'CmdOrCtrl+Shift+Z', true),
      { type: 'separator' },
      send('cut', 'CmdOrCtrl+X', true),
      send('copy', 'CmdOrCtrl+C', true),
      send('paste', 'CmdOrCtrl+V', true),
    ],
  };
  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: label('view'),
    submenu: [
      { id: 'zoomIn', label: label('zoomIn'), role: 'zoomIn', accelerator: 'CmdOrCtrl+=' },
      { id: 'zoomOut', label: label('zoomOut'), role: 'zoomOut', accelerator: 'CmdOrCtrl+-' },
      { id: 'resetZoom', label: label('resetZoom'), role: 'resetZoom', accelerator: 'CmdOrCtrl+0' },
      send('fitView', 'CmdOrCtrl+Shift+F'),
      { type: 'separator' },
      {
        id: 'language',
        label: label('language'),
        // Each language's name in its own language, so a student can always find theirs.
        submenu: APP_LOCALES.map((each) => ({
          id: `language:${each}`,
          label: LOCALE_NAMES[each],
          type: 'radio' as const,
          checked: each === locale,
          click: () => handlers.command(`language:${each}`),
        })),
      },
      ...(options.isPackaged
        ? []
        : [
            { type: 'separator' as const },
            {
              id: 'developer',
              label: label('developer'),
              submenu: [
                { role: 'reload' as const },
                { role: 'toggleDevTools' as const },
              ],
            },
          ]),
    ],
  };
  const help: MenuItemConstructorOptions = {
    id: 'help',
    label: label('help'),
    role: 'help',
    submenu: [send('shortcuts', 'F1'), ...(isMac ? [] : [{ id: 'about', label: label('about'), click: () => handlers.about() }])],
  };
  // macOS puts About and Quit in the application menu, named after the app.
  const appMenu: MenuItemConstructorOptions = {
    id: 'app',
    label: 'StateLab',
    submenu: [
      { id: 'about', label: label('about'), click: () => handlers.about() },
      { type: 'separator' },
      { role: 'hide' },
      { role: 'hideOthers' },
      { role: 'unhide' },
      { type: 'separator' },
      { id: 'quit', label: label('quit'), role: 'quit', accelerator: 'CmdOrCtrl+Q' },
    ],
  };
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}
