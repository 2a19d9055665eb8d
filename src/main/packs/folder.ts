import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { loadDocument } from '../../shared/document';
import { graphSpec, type Graph } from '../../shared/graph';
import { DocumentError, parseUntrustedJson } from '../../shared/json';
import { lessonSpec, packSpec, type Lesson, type PackManifest } from '../../shared/lesson';

/** Bound on any single JSON file in a pack. */
const MAX_FILE_BYTES = 2_000_000;

export interface LoadedLesson {
  lesson: Lesson;
  starter: Graph;
}

export interface LoadedPack {
  manifest: PackManifest;
  lessons: LoadedLesson[];
}

async function readJson(root: string, relative: string): Promise<unknown> {
  const file = path.resolve(root, relative);
  if (!file.startsWith(path.resolve(root) + path.sep)) throw new DocumentError(`${relative}: the path leaves the pack folder.`);
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch {
    throw new DocumentError(`${relative}: the file is missing.`);
  }
  return parseUntrustedJson(text, MAX_FILE_BYTES, `file ${relative}`);
}

function inFile<T>(relative: string, load: () => T): T {
  try {
    return load();
  } catch (error) {
    if (error instanceof DocumentError) throw new DocumentError(`${relative}: ${error.message}`);
    throw error;
  }
}

/** Loads a pack folder whole, or throws a DocumentError naming the file and the JSON path. */
export async function loadPackFolder(root: string): Promise<LoadedPack> {
  const manifestRaw = await readJson(root, 'pack.json');
  const manifest = inFile('pack.json', () => loadDocument(manifestRaw, packSpec));
  const lessons: LoadedLesson[] = [];
  for (const lessonPath of manifest.lessons) {
    const lessonRaw = await readJson(root, lessonPath);
    const lesson = inFile(lessonPath, () => loadDocument(lessonRaw, lessonSpec));
    // Paths inside a lesson are relative to the pack root, so lessons can share graphs.
    const starterRaw = await readJson(root, lesson.starter);
    lessons.push({ lesson, starter: inFile(lesson.starter, () => loadDocument(starterRaw, graphSpec)) });
  }
  return { manifest, lessons };
}
