/**
 * Validates a whole pack and reports every problem with its file and JSON path, rather than
 * stopping at the first: an author fixes a broken pack in one pass.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { issueOf, type Issue } from '../../shared/i18n/issues';
import { z } from 'zod';
import { loadDocument, type DocumentSpec } from '../../shared/document';
import { graphSpec, type Graph } from '../../shared/graph';
import { DocumentError, JsonDepthError, parseUntrustedJson } from '../../shared/json';
import { lessonSpec, packSpec, type Lesson, type PackManifest } from '../../shared/lesson';
import { APP_VERSION } from '../../shared/version';
import { lessonNodeNameRefs } from './nodeNameRefs';
import { lessonCrossRefs, problemOf, type Problem } from './crossRefs';
import { packMessage, zodIssueMessage, type PackMessage } from '../../shared/i18n/packTexts';
import { lessonInstructorRefs, prerequisiteProblems } from './instructorRefs';
import { PACK_LIMITS } from './limits';
import type { PackSource } from './source';

export type { Problem } from './crossRefs';

export interface LoadedLesson {
  /** Pack-relative path of the lesson file. */
  file: string;
  lesson: Lesson;
  starter: Graph;
  /** The reference solution, when the lesson has one. */
  reference?: Graph;
}

export interface LoadedPack {
  manifest: PackManifest;
  lessons: LoadedLesson[];
}

const ROOT = '(document root)';

/** Compares "1.2.3" versions numerically: negative when a is older. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if ((pa[i] ?? 0) !== (pb[i] ?? 0)) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

/** "pack.json: lessons[0]: no file ..." — the one-line form the CLI prints. */
export const formatProblem = (p: Problem): string => `${p.file}: ${p.path}: ${p.message}`;

/** A problem as an issue of a DocumentError: the file and path as its place, zod's data kept. */
export const problemIssue = (p: Problem): Issue => ({ path: `${p.file}: ${p.path}`, message: p.message, ...(p.zod ? { zod: p.zod } : {}), text: p.text });

/** What an error says, as a problem's message: a DocumentError by its key (its "file: " prefix dropped), any other in English. */
function errorProblem(error: unknown, file?: string): PackMessage {
  if (error instanceof DocumentError && error.issues.length === 0) {
    const text = error.text;
    const inner = file !== undefined && text.key === 'at.file' && text.params?.file === file ? text.params.detail : text;
    return packMessage('problem.asIs', { detail: inner ?? text });
  }
  const message = error instanceof Error ? error.message : String(error);
  return packMessage('problem.asIs', { detail: file === undefined ? message : message.replace(`${file}: `, '') });
}

/** Reads and parses one JSON file; missing files are reported by the caller, who knows who referred to it. */
async function readJson(source: PackSource, file: string, problems: Problem[]): Promise<unknown | 'missing' | 'bad'> {
  let bytes: Uint8Array | undefined;
  try {
    bytes = await source.readBytes(file);
  } catch (error) {
    problems.push(problemOf(file, ROOT, errorProblem(error, file)));
    return 'bad';
  }
  if (bytes === undefined) return 'missing';
  if (bytes.length > PACK_LIMITS.jsonBytes) {
    problems.push(problemOf(file, ROOT, packMessage('problem.tooLarge', { bytes: bytes.length, limit: PACK_LIMITS.jsonBytes })));
    return 'bad';
  }
  let value: unknown;
  try {
    value = parseUntrustedJson(new TextDecoder('utf-8', { fatal: false }).decode(bytes), PACK_LIMITS.jsonBytes, errorMessage('noun.fileNamed', { name: file }));
  } catch (error) {
    if (error instanceof JsonDepthError) problems.push(problemOf(file, error.path, packMessage('problem.tooDeep', { max: error.max })));
    else problems.push(problemOf(file, ROOT, errorProblem(error)));
    return 'bad';
  }
  return value;
}

/** format → refuse newer → migrate (through loadDocument), then every schema issue as its own problem. */
function checkDocument<T>(raw: unknown, spec: DocumentSpec<T>, file: string, problems: Problem[]): T | undefined {
  let migrated: unknown;
  try {
    migrated = loadDocument(raw, { ...spec, schema: z.record(z.string(), z.unknown()) as unknown as z.ZodType<T> });
  } catch (error) {
    if (!(error instanceof DocumentError)) throw error;
    problems.push(problemOf(file, ROOT, errorProblem(error)));
    return undefined;
  }
  const parsed = spec.schema.safeParse(migrated);
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) {
    for (const explained of explainIssue(issue, [])) {
      const { path, message, zod, text } = issueOf(explained.issue, explained.path);
      // The CLI keeps zod's English (or our schema's own words); the app words zod's issue from its code, or our schema's by its key.
      problems.push({ file, path, message, text: (text as PackMessage | undefined) ?? zodIssueMessage(zod, message), ...(zod ? { zod } : {}) });
    }
  }
  return undefined;
}

/**
 * A union that matched no option says only "Invalid input". When one option got further into the
 * value than the others (`{node: {kind: "cahce"}}` got as far as `kind`), that option's issues are
 * what the author meant; when none did, the union's own message says which shapes it accepts.
 */
function explainIssue(issue: z.core.$ZodIssue, base: PropertyKey[]): { path: PropertyKey[]; issue: z.core.$ZodIssue }[] {
  const path = [...base, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const depth = (branch: z.core.$ZodIssue[]) => Math.max(0, ...branch.map((i) => i.path.length));
    const deepest = Math.max(...issue.errors.map(depth));
    const best = issue.errors.filter((branch) => depth(branch) === deepest);
    if (best.length === 1 && deepest > 1) return (best[0] as z.core.$ZodIssue[]).flatMap((i) => explainIssue(i, path));
  }
  return [{ path, issue }];
}

async function loadGraph(source: PackSource, file: string, referrer: string, field: 'starter' | 'reference', problems: Problem[]): Promise<Graph | undefined> {
  const raw = await readJson(source, file, problems);
  if (raw === 'missing') {
    problems.push(problemOf(referrer, field, packMessage(field === 'starter' ? 'problem.starterMissing' : 'problem.referenceMissing', { file })));
    return undefined;
  }
  if (raw === 'bad') return undefined;
  return checkDocument(raw, graphSpec, file, problems);
}

/** Every problem of the pack, and the pack itself when there are none. */
export async function validatePack(source: PackSource, appVersion = APP_VERSION): Promise<{ problems: Problem[]; pack?: LoadedPack }> {
  const problems: Problem[] = [];
  const manifestRaw = await readJson(source, 'pack.json', problems);
  if (manifestRaw === 'missing') return { problems: [problemOf('pack.json', ROOT, packMessage('problem.noManifest', { label: source.label }))] };
  if (manifestRaw === 'bad') return { problems };
  const manifest = checkDocument(manifestRaw, packSpec, 'pack.json', problems);
  if (!manifest) return { problems };
  if (compareVersions(manifest.minAppVersion, appVersion) > 0) {
    // Its checks may name metrics or faults this app does not know: refuse rather than misgrade.
    return { problems: [problemOf('pack.json', 'minAppVersion', packMessage('problem.needsNewerApp', { needed: manifest.minAppVersion, version: appVersion }))] };
  }

  const lessons: LoadedLesson[] = [];
  const parsed: { file: string; lesson: Lesson }[] = [];
  const ids = new Map<string, string>();
  for (const [i, file] of manifest.lessons.entries()) {
    const raw = await readJson(source, file, problems);
    if (raw === 'missing') {
      problems.push(problemOf('pack.json', `lessons[${i}]`, packMessage('problem.noLessonFile', { file })));
      continue;
    }
    if (raw === 'bad') continue;
    const lesson = checkDocument(raw, lessonSpec, file, problems);
    if (!lesson) continue;
    const clash = ids.get(lesson.id);
    if (clash !== undefined) problems.push(problemOf(file, 'id', packMessage('problem.duplicateLesson', { id: lesson.id, other: clash })));
    ids.set(lesson.id, file);
    // Paths inside a lesson are relative to the pack root, so lessons can share graphs.
    const starter = await loadGraph(source, lesson.starter, file, 'starter', problems);
    const reference = lesson.reference === undefined ? undefined : await loadGraph(source, lesson.reference, file, 'reference', problems);
    problems.push(...lessonCrossRefs(file, lesson, starter, reference));
    problems.push(...lessonInstructorRefs(file, lesson, starter, reference, manifest.locales));
    problems.push(...lessonNodeNameRefs(file, lesson, starter, reference, manifest.locales));
    parsed.push({ file, lesson });
    if (starter) lessons.push({ file, lesson, starter, ...(reference ? { reference } : {}) });
  }
  problems.push(...prerequisiteProblems(parsed));
  return problems.length === 0 ? { problems, pack: { manifest, lessons } } : { problems };
}

/** Loads a pack whole, or throws a DocumentError listing every problem: nothing is half-loaded. */
export async function loadPack(source: PackSource): Promise<LoadedPack> {
  const { problems, pack } = await validatePack(source);
  if (!pack) throw new DocumentError(errorMessage('pack.problems', { label: source.label }), problems.map(problemIssue));
  return pack;
}
