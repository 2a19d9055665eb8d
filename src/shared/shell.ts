/**
 * The desktop shell's part of the contract: the commands the application menu sends to the
 * renderer, the files the operating system hands over (file manager, second launch, File menu),
 * and what the renderer reports back (unsaved changes, language).
 */
import type { ErrorKey, ErrorParams } from './i18n/errorTexts';
import type { Issue } from './i18n/issues';
import { z } from 'zod';
import type { Graph } from './graph';
import { APP_LOCALES } from './i18n';

/** Menu items the renderer carries out (the rest—quit, zoom, about, import—main does itself). */
export const MENU_COMMANDS = [
  'new',
  'open',
  'save',
  'saveAs',
  'exportDesign',
  'exportPng',
  'exportSvg',
  'undo',
  'redo',
  'cut',
  'copy',
  'paste',
  'fitView',
  'shortcuts',
  'language:en',
  'language:zh-CN',
] as const;
export type MenuCommand = (typeof MENU_COMMANDS)[number];
/** `onDidMenuCommand`'s payload, checked by the renderer before it acts. */
export const MenuCommandEventSchema = z.object({ command: z.enum(MENU_COMMANDS) }).strict();

/** A lesson pack's file name ends so (the studio exports it so); import also takes any other .zip. */
export const PACK_FILE_EXTENSION = '.statelab-pack.zip';

/** The file kinds StateLab opens, by their double extension (the file associations). */
export const OPENABLE_FILES = [
  { kind: 'design', extension: '.statelab.json' },
  { kind: 'pack', extension: PACK_FILE_EXTENSION },
  { kind: 'submission', extension: '.statelab-submission.json' },
] as const;
export type OpenableKind = (typeof OPENABLE_FILES)[number]['kind'];

/** The kind of a file by its name, or null when StateLab does not open it. */
export function openableKind(fileName: string): OpenableKind | null {
  const lower = fileName.toLowerCase();
  // Longest extension first: ".statelab-submission.json" also ends in ".json".
  const match = [...OPENABLE_FILES].sort((a, b) => b.extension.length - a.extension.length).find((f) => lower.endsWith(f.extension));
  return match?.kind ?? null;
}

/** A file the operating system asked StateLab to open, read and checked by main. */
export type OpenedFile =
  | { kind: 'design'; fileName: string; graph: Graph }
  | { kind: 'pack'; fileName: string; zipBase64: string }
  | { kind: 'submission'; fileName: string; text: string }
  /** `message` in English; `key`/`params` (ERROR_TEXTS) in the student's language. */
  | { kind: 'error'; fileName: string; message: string; key?: ErrorKey; params?: ErrorParams; issues?: readonly Issue[] };

/** What the renderer tells the shell: whether there is unsaved work, and the app language. */
export const ShellReportSchema = z.object({ isDirty: z.boolean(), locale: z.enum(APP_LOCALES) }).strict();
export type ShellReport = z.infer<typeof ShellReportSchema>;
