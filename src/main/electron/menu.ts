// The application menu as a pure template: labels from one table in both app languages, platform
// accelerators, and clicks that call the handlers passed in (no electron import, so tests read it).
import type { MenuItemConstructorOptions } from 'electron';
import { APP_LOCALES, LOCALE_NAMES, type AppLocale } from '../../shared/i18n';
import type { MenuCommand } from '../../shared/shell';
import { accelerator as acceleratorOf, APP_KEYS, MENU_KEYS, type AppKeyId } from '../../shared/shortcuts';
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
  // Accelerators come from the key tables the renderer's handler and its "?" help read too.
  const menuKey = (id: keyof typeof MENU_KEYS) => acceleratorOf(MENU_KEYS[id]);
  const appKey = (id: AppKeyId) => acceleratorOf(APP_KEYS[id].chords[0]);

  const file: MenuItemConstructorOptions = {
    id: 'file',
    label: label('file'),
    submenu: [
      send('new', menuKey('new')),
      send('open', appKey('open'), true),
      { type: 'separator' },
      send('save', appKey('save'), true),
      send('saveAs', menuKey('saveAs')),
      {
        id: 'export',
        label: label('export'),
        submenu: [send('exportDesign', menuKey('exportDesign')), send('exportPng'), send('exportSvg')],
      },
      { type: 'separator' },
      { id: 'importPack', label: label('importPack'), accelerator: menuKey('importPack'), click: () => handlers.importPack() },
      { id: 'openSubmission', label: label('openSubmission'), accelerator: menuKey('openSubmission'), click: () => handlers.openSubmission() },
      ...(isMac ? [] : [{ type: 'separator' as const }, { id: 'quit', label: label('quit'), role: 'quit' as const, accelerator: menuKey('quit') }]),
    ],
  };
  const edit: MenuItemConstructorOptions = {
    id: 'edit',
    label: label('edit'),
    submenu: [
      send('undo', appKey('undo'), true),
      send('redo', appKey('redo'), true),
      { type: 'separator' },
      send('cut', appKey('cut'), true),
      send('copy', appKey('copy'), true),
      send('paste', appKey('paste'), true),
    ],
  };
  const view: MenuItemConstructorOptions = {
    id: 'view',
    label: label('view'),
    submenu: [
      { id: 'zoomIn', label: label('zoomIn'), role: 'zoomIn', accelerator: menuKey('zoomIn') },
      { id: 'zoomOut', label: label('zoomOut'), role: 'zoomOut', accelerator: menuKey('zoomOut') },
      { id: 'resetZoom', label: label('resetZoom'), role: 'resetZoom', accelerator: menuKey('resetZoom') },
      send('fitView', menuKey('fitView')),
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
    submenu: [send('shortcuts', menuKey('shortcuts')), ...(isMac ? [] : [{ id: 'about', label: label('about'), click: () => handlers.about() }])],
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
      { id: 'quit', label: label('quit'), role: 'quit', accelerator: menuKey('quit') },
    ],
  };
  return isMac ? [appMenu, file, edit, view, help] : [file, edit, view, help];
}
