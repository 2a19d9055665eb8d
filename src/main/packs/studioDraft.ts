/**
 * The studio's draft as a lesson pack: the files it stands for (pack.json, one lesson file and its
 * graphs per lesson), validated by the pack validator itself, saved as a pack folder that appears
 * whole or not at all, and zipped the way exportPack zips a pack. A draft that does not validate
 * yet is still kept (studio.json beside the pack folder), so an author never loses work.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { errorMessage, messageText } from '../../shared/i18n/errorTexts';
import { issuesOf, type Issue } from '../../shared/i18n/issues';
import { zodIssueMessage } from '../../shared/i18n/packTexts';
import { DocumentError, parseUntrustedJson } from '../../shared/json';
import { BUILTIN_PACK_ID, PACK_FORMAT, PACK_VERSION } from '../../shared/lesson';
import { PACK_FILE_EXTENSION } from '../../shared/shell';
import { STUDIO_LIMITS, StudioDraftSchema, type StudioDraft, type StudioDraftInfo, type StudioProblem } from '../../shared/studio';
import { APP_VERSION } from '../../shared/version';
import { replaceFolder, writeFileAtomic } from '../host/files/atomicWrite';
import { PACK_LIMITS } from './limits';
import type { PackSource } from './source';
import { packZipBytes } from './store';
import { problemIssue, validatePack, type LoadedPack } from './validate';

export const studioDir = (dataDir: string) => path.join(dataDir, 'studio');
const draftFile = (dataDir: string, id: string) => path.join(studioDir(dataDir), id, 'studio.json');
/** The saved pack folder of a draft: what an instructor can zip, import or point pack:validate at. */
export const draftPackDir = (dataDir: string, id: string) => path.join(studioDir(dataDir), id, 'pack');

const lessonIdOf = (lesson: unknown, index: number): string => {
  const id = (lesson as { id?: unknown } | null)?.id;
  return typeof id === 'string' && /^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(id) ? id : `lesson-${index + 1}`;
};
const number = (i: number) => String(i + 1).padStart(2, '0');

/** Pack-relative file names of a draft's lessons, in order. */
export function draftLessonFiles(draft: StudioDraft): { lesson: string; starter: string; reference: string }[] {
  return draft.lessons.map((l, i) => {
    const base = `${number(i)}-${lessonIdOf(l.lesson, i)}`;
    return { lesson: `lessons/${base}.lesson.json`, starter: `graphs/${base}.starter.json`, reference: `graphs/${base}.reference.json` };
  });
}

const json = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

/** The files a draft stands for, by pack-relative path. */
export function draftFiles(draft: StudioDraft): Map<string, Uint8Array> {
  const files = new Map<string, Uint8Array>();
  const names = draftLessonFiles(draft);
  files.set(
    'pack.json',
    json({
      format: PACK_FORMAT,
      version: PACK_VERSION,
      id: draft.id,
      title: draft.title,
      packVersion: draft.packVersion,
      authors: draft.authors,
      locales: draft.locales,
      minAppVersion: APP_VERSION,
      lessons: names.map((n) => n.lesson),
    }),
  );
  draft.lessons.forEach((entry, i) => {
    const name = names[i]!;
    const lesson = { ...(typeof entry.lesson === 'object' && entry.lesson !== null ? entry.lesson : {}) } as Record<string, unknown>;
    delete lesson.$schema;
    lesson.starter = name.starter;
    if (entry.reference) lesson.reference = name.reference;
    else delete lesson.reference;
    files.set(name.lesson, json(lesson));
    files.set(name.starter, json(entry.starter));
    if (entry.reference) files.set(name.reference, json(entry.reference));
  });
  return files;
}

/** A pack source over files in memory: the validator reads a draft as it reads a folder or a zip. */
export function memorySource(files: ReadonlyMap<string, Uint8Array>, label: PackSource['label']): PackSource {
  return { label, listFiles: async () => [...files.keys()].sort(), readBytes: async (relative) => files.get(relative) };
}

/** Every problem of the draft as a pack, and the loaded pack when there are none. */
export async function validateDraft(draft: StudioDraft): Promise<{ problems: StudioProblem[]; pack?: LoadedPack }> {
  return validatePack(memorySource(draftFiles(draft), errorMessage('source.draft', { id: draft.id })));
}

/** A new, empty draft. */
export function emptyDraft(id: string, title: StudioDraft['title']): StudioDraft {
  return { id, title, packVersion: '0.1.0', authors: [], locales: ['en', 'zh-CN'], lessons: [] };
}

/** A loaded pack as a draft to edit (the built-in pack is duplicated under another id). */
export function draftFromPack(pack: LoadedPack, id: string, title?: StudioDraft['title']): StudioDraft {
  return {
    id,
    title: title ?? pack.manifest.title,
    packVersion: pack.manifest.packVersion,
    authors: pack.manifest.authors,
    locales: pack.manifest.locales,
    lessons: pack.lessons.map(({ lesson, starter, reference }) => {
      const copy: Record<string, unknown> = { ...lesson };
      delete copy.$schema;
      return { lesson: copy, starter, ...(reference ? { reference } : {}) };
    }),
  };
}

/** How many of a broken draft's problems its error lists. */
const DRAFT_ISSUES_MAX = 20;

/** A schema problem in the pack validator's words (PACK_TEXTS), its English too, not zod's: the studio shows it in the app's language. */
const inOurWords = (issue: Issue): Issue => {
  const text = issue.text ?? zodIssueMessage(issue.zod, issue.message);
  return { path: issue.path, message: messageText(text, 'en'), text };
};

/** Reads a stored draft; undefined when there is none. */
export async function readDraft(dataDir: string, id: string): Promise<StudioDraft | undefined> {
  let text: string;
  try {
    text = await readFile(draftFile(dataDir, id), 'utf8');
  } catch {
    return undefined;
  }
  const parsed = StudioDraftSchema.safeParse(parseUntrustedJson(text, 8_000_000, errorMessage('noun.draft', { id })));
  if (!parsed.success) throw new DocumentError(errorMessage('studio.draftDoesNotLoad', { id }), issuesOf(parsed.error).slice(0, DRAFT_ISSUES_MAX).map(inOurWords));
  return parsed.data;
}

/** Keeps the draft document (whatever state it is in) with an atomic write. */
export async function writeDraft(dataDir: string, draft: StudioDraft): Promise<void> {
  await writeFileAtomic(draftFile(dataDir, draft.id), JSON.stringify(draft));
}

/** Drafts in the data folder, in id order. */
export async function listDrafts(dataDir: string): Promise<StudioDraftInfo[]> {
  let names: string[];
  try {
    names = (await readdir(studioDir(dataDir), { withFileTypes: true })).filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => e.name);
  } catch {
    return [];
  }
  const out: StudioDraftInfo[] = [];
  for (const id of names.sort().slice(0, STUDIO_LIMITS.draftsMax)) {
    const draft = await readDraft(dataDir, id).catch(() => 'broken' as const);
    // A draft that no longer loads is listed by its id: opening it says why, and no new draft takes its place.
    if (draft === 'broken') out.push({ id, title: { en: id }, lessons: 0, doesNotLoad: true });
    else if (draft) out.push({ id, title: draft.title, lessons: draft.lessons.length });
  }
  return out;
}

/**
 * Saves the draft: always its document; and, when it validates, its pack folder, written to a
 * temporary folder and renamed into place (the old folder moved aside first, removed after).
 */
export async function saveDraft(dataDir: string, draft: StudioDraft): Promise<{ problems: StudioProblem[]; isPackWritten: boolean }> {
  await writeDraft(dataDir, draft);
  const { problems } = await validateDraft(draft);
  if (problems.length > 0) return { problems, isPackWritten: false };
  const final = draftPackDir(dataDir, draft.id);
  const temp = path.join(path.dirname(final), `.pack-${randomUUID()}`);
  try {
    for (const [relative, bytes] of draftFiles(draft)) await writeFileAtomic(path.join(temp, ...relative.split('/')), new TextDecoder().decode(bytes));
    await replaceFolder(temp, final);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
  return { problems: [], isPackWritten: true };
}

/**
 * The draft as a pack zip, refused with every problem when it does not validate. Named with the pack
 * extension the desktop shell opens from the file manager (`health-checks-0.1.0.statelab-pack.zip`).
 */
export async function exportDraft(draft: StudioDraft): Promise<{ fileName: string; bytes: Uint8Array }> {
  const files = draftFiles(draft);
  const source = memorySource(files, errorMessage('source.draft', { id: draft.id }));
  const { problems } = await validatePack(source);
  if (problems.length > 0) throw new DocumentError(errorMessage('studio.cannotExportProblems'), problems.map(problemIssue));
  const bytes = await packZipBytes(source);
  if (bytes.length > PACK_LIMITS.zipBytes) throw new DocumentError(errorMessage('studio.zipTooLarge', { bytes: bytes.length }));
  return { fileName: `${draft.id}-${draft.packVersion}${PACK_FILE_EXTENSION}`, bytes };
}

/** Draft ids may not take the built-in pack's. */
export const isReservedId = (id: string) => id === BUILTIN_PACK_ID;

export async function ensureStudioDir(dataDir: string): Promise<void> {
  await mkdir(studioDir(dataDir), { recursive: true });
}
