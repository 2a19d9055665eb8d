/**
 * Lesson progress, kept across restarts in `<dataDir>/progress.json`. Only ever improves: a later,
 * worse attempt does not take away a lesson the student completed.
 */
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import { z } from 'zod';
import type { GradeReport } from '../../../shared/gradeReport';
import { parseUntrustedJson } from '../../../shared/json';
import { writeFileAtomic } from '../files/atomicWrite';

const LessonProgressSchema = z
  .object({
    /** Best score reached. */
    bestScore: z.number().int().min(0),
    /** Points available when it was reached. */
    maxScore: z.number().int().min(0),
    /** True once every check has passed. */
    isComplete: z.boolean(),
  })
  .strict();
export type LessonProgress = z.infer<typeof LessonProgressSchema>;

const ProgressFileSchema = z
  .object({
    format: z.literal('statelab.progress'),
    version: z.literal(1),
    /** pack id → lesson id → progress. */
    packs: z.record(z.string().max(64), z.record(z.string().max(64), LessonProgressSchema)),
  })
  .strict();
type ProgressFile = z.infer<typeof ProgressFileSchema>;

const MAX_BYTES = 2_000_000;

export interface ProgressStore {
  get(packId: string): Promise<Record<string, LessonProgress>>;
  /** Throws when the file cannot be written; the improvement is then kept in memory (get() has it). */
  record(report: GradeReport): Promise<Record<string, LessonProgress>>;
}

export function createProgressStore(dataDir: string): ProgressStore {
  const file = path.join(dataDir, 'progress.json');
  let cache: Promise<ProgressFile> | undefined;
  let writes: Promise<unknown> = Promise.resolve();

  const load = () =>
    (cache ??= (async (): Promise<ProgressFile> => {
      const empty: ProgressFile = { format: 'statelab.progress', version: 1, packs: {} };
      let text: string;
      try {
        text = await readFile(file, 'utf8');
      } catch {
        return empty;
      }
      try {
        return ProgressFileSchema.parse(parseUntrustedJson(text, MAX_BYTES, errorMessage('noun.progress')));
      } catch {
        // A damaged file must not stop the app; keep it aside for a curious instructor.
        await rename(file, `${file}.damaged`).catch(() => {});
        return empty;
      }
    })());

  return {
    get: async (packId) => ({ ...((await load()).packs[packId] ?? {}) }),
    record: async (report) => {
      const data = await load();
      const lessons = (data.packs[report.packId] ??= {});
      const before = lessons[report.lessonId];
      const isComplete = report.checks.length > 0 && report.checks.every((c) => c.passed);
      lessons[report.lessonId] = {
        bestScore: Math.max(before?.bestScore ?? 0, report.score),
        maxScore: report.maxScore,
        isComplete: (before?.isComplete ?? false) || isComplete,
      };
      // Serialise writes so two quick gradings never interleave their temp files; a failed write
      // (read-only or full disk) must not block the ones after it, and the grade stays in memory.
      const write = writes.catch(() => {}).then(() => writeFileAtomic(file, JSON.stringify(data, null, 2)));
      writes = write;
      await write;
      return { ...lessons };
    },
  };
}
