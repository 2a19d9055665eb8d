/**
 * The renderer's side of the desktop shell: carries out application-menu commands, opens the
 * files the operating system handed over, and reports unsaved changes and the language back to
 * main (for the close prompt and the menu's labels). In the browser host no events arrive and the
 * reports go nowhere, so the same code runs in both.
 */
import { useEffect, useRef } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { AppLocale } from '../../../shared/i18n';
import { MenuCommandEventSchema, type MenuCommand, type OpenedFile } from '../../../shared/shell';
import { isTyping } from '../editor/shortcuts';

type RendererCommand = Exclude<MenuCommand, `language:${string}`>;

export interface ShellBindings {
  isDirty: boolean;
  locale: AppLocale;
  setLocale(locale: AppLocale): void;
  commands: Record<RendererCommand, () => void>;
  onOpenedFile(file: OpenedFile): void;
}

/** Editing commands a focused text field has already carried out natively (main ran them on the page). */
const TEXT_EDITS: ReadonlySet<MenuCommand> = new Set(['undo', 'redo', 'cut', 'copy', 'paste']);

/** Runs one menu command; a malformed event is ignored. Exported for tests. */
export function runMenuCommand(payload: unknown, bindings: Pick<ShellBindings, 'setLocale' | 'commands'>, activeElement: Element | null): MenuCommand | undefined {
  const parsed = MenuCommandEventSchema.safeParse(payload);
  if (!parsed.success) return undefined;
  const { command } = parsed.data;
  if (command === 'language:en' || command === 'language:zh-CN') {
    bindings.setLocale(command === 'language:en' ? 'en' : 'zh-CN');
    return command;
  }
  if (TEXT_EDITS.has(command) && isTyping(activeElement)) return undefined;
  bindings.commands[command]();
  return command;
}

export function useShell(api: StateLabApi, bindings: ShellBindings): void {
  const latest = useRef(bindings);
  latest.current = bindings;
  const { isDirty, locale } = bindings;

  useEffect(() => {
    void api.shellReport({ isDirty, locale });
  }, [api, isDirty, locale]);

  useEffect(() => {
    const offMenu = api.on('onDidMenuCommand', (payload) => void runMenuCommand(payload, latest.current, document.activeElement));
    // Taking empties main's queue, so what is taken is always delivered (React's StrictMode runs
    // this effect twice; the first take must not be dropped).
    const takeFiles = async () => {
      const taken = await api.shellTakeOpenedFiles({});
      if (!taken.ok) return;
      for (const file of taken.value) latest.current.onOpenedFile(file);
    };
    const offFiles = api.on('onDidOpenFile', () => void takeFiles());
    // Files given on the command line of the first launch were queued before this page existed.
    void takeFiles();
    return () => {
      offMenu();
      offFiles();
    };
  }, [api]);
}
