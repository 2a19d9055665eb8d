/**
 * Each lesson's work, kept across restarts: `<dataDir>/lessons-work/<pack>/<lesson>.statelab.json`,
 * a plain graph file written atomically, and beside it `<lesson>.answers.json`, the student's quiz
 * and prediction answers, and `<lesson>.report.json`, the lesson's last grade report with the run it
 * graded (written by lessons:grade, so the student's last results come back after a reload or a
 * restart). The renderer sends the design a moment after each edit in a
 * lesson and asks for all of it when the lesson opens. A file that cannot be read is set aside, never
 * deleted, and the lesson starts from its starter with a warning.
 */
import { DocumentError, parseUntrustedJson } from '../../../shared/json';
import { notice, type Notice } from '../../../shared/result';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { readFile, rename, rm, stat } from 'node:fs/promises';
import { z } from 'zod';
import path from 'node:path';
import { GraphSchema, GRAPH_LIMITS, type Graph } from '../../../shared/graph';
import { GradeReportSchema, type GradedRun, type GradeReport } from '../../../shared/gradeReport';
import { ScenarioSchema } from '../../../shared/scenario';
import { describeWriteFailure, writeFileAtomic } from '../files/atomicWrite';
import { readGraphFile } from '../files/readGraphFile';

/** `<lesson>.answers.json`: question id → the choice id the student picked. */
const AnswersFileSchema = z
  .object({
    format: z.literal('statelab.lessonAnswers'),
    version: z.literal(1),
    /** The student's answers, as lessons:grade takes them. */
    answers: z.record(z.string().max(64), z.string().max(64)).refine((a) => Object.keys(a).length <= 100),
  })
  .strict();
/** An answers file is a few hundred bytes; anything far larger is not ours. */
const MAX_ANSWERS_FILE_BYTES = 64 * 1024;

/** `<lesson>.report.json` version 1: the last grade report, the run it graded (for Show me) and when. */
const ReportFileV1Schema = z
  .object({
    format: z.literal('statelab.lessonReport'),
    version: z.literal(1),
    gradedAtMs: z.number().int().min(0),
    report: GradeReportSchema,
    graded: z.object({ graph: GraphSchema, scenario: ScenarioSchema }).strict(),
  })
  .strict();
/**
 * Version 2 adds the student name the grade was made under ("" for none): the name picks a lesson's
 * variant numbers, so the results are shown again only to the same name (lessons:loadWork).
 */
const ReportFileV2Schema = ReportFileV1Schema.extend({ version: z.literal(2), student: z.string().max(200) }).strict();
/** Either version; a version 1 file (written before names were kept) reads with its name unknown. */
const ReportFileSchema = z.discriminatedUnion('version', [ReportFileV1Schema, ReportFileV2Schema]);
/** A report plus the graded design: the design's own bound and room for the report. */
export const MAX_REPORT_FILE_BYTES = GRAPH_LIMITS.bytes + 1_000_000;

/** The lesson's last grade as kept on disk. */
export interface LastGrade {
  report: GradeReport;
  graded: GradedRun;
  /** When the grade completed (ms since the epoch). */
  gradedAtMs: number;
  /** The student name it was graded under ("" for none); undefined when the file predates names being kept. */
  student?: string;
}

/**
 * A small file this module wrote beside the lesson's design: its content, or undefined when it is
 * missing, larger than `maxBytes`, not JSON (or unsafe JSON) or not of `schema`. The one reader of
 * the answers and the report files.
 */
async function readOwnFile<T>(file: string, maxBytes: number, schema: z.ZodType<T>): Promise<T | undefined> {
  try {
    if ((await stat(file)).size > maxBytes) return undefined;
    const parsed = schema.safeParse(parseUntrustedJson(await readFile(file, 'utf8'), maxBytes));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

export interface LoadedWork {
  /** The student's last design for the lesson; null when there is none (or it could not be read). */
  graph: Graph | null;
  /** The student's answers on the lesson; {} when none were kept (or the file is not one we wrote). */
  answers: Record<string, string>;
  /** The lesson's last grade report and its run; absent when none was kept (or the file is not one we wrote). */
  lastGrade?: LastGrade;
  /** Why saved work could not be used, for the student to see. */
  warning?: Notice;
}

export function createLessonWork(dataDir: string) {
  // Pack and lesson ids are checked by the contract (letters, digits, "-", "_", ".", starting with
  // a letter or digit), so neither can be "..", hold a separator, or leave this folder.
  const fileOf = (packId: string, lessonId: string) => path.join(dataDir, 'lessons-work', packId, `${lessonId}.statelab.json`);
  const answersFileOf = (packId: string, lessonId: string) => path.join(dataDir, 'lessons-work', packId, `${lessonId}.answers.json`);
  const reportFileOf = (packId: string, lessonId: string) => path.join(dataDir, 'lessons-work', packId, `${lessonId}.report.json`);
  /** Writes per file, in order: a slow older write never lands after a newer one. */
  const queues = new Map<string, Promise<unknown>>();
  /** A write that fails (read-only or full data folder) is a warning for the student, not a failed call. */
  const write = async (file: string, text: string): Promise<{ savedAtMs: number | null; warning?: Notice }> => {
    const queued = (queues.get(file) ?? Promise.resolve()).catch(() => {}).then(() => writeFileAtomic(file, text));
    queues.set(file, queued);
    try {
      await queued;
      return { savedAtMs: Date.now() };
    } catch (error) {
      return { savedAtMs: null, warning: notice(errorMessage('warn.workNotSaved', { why: describeWriteFailure(error) })) };
    } finally {
      if (queues.get(file) === queued) queues.delete(file);
    }
  };
  /** Answers are a few clicks, not worth a warning: a file that is missing, too large or not ours reads as none. */
  const loadAnswers = async (packId: string, lessonId: string): Promise<Record<string, string>> =>
    (await readOwnFile(answersFileOf(packId, lessonId), MAX_ANSWERS_FILE_BYTES, AnswersFileSchema))?.answers ?? {};

  /** Results are shown again, never trusted: a file missing, too large, not ours or for another lesson reads as none. */
  const loadReport = async (packId: string, lessonId: string): Promise<LastGrade | undefined> => {
    const kept = await readOwnFile(reportFileOf(packId, lessonId), MAX_REPORT_FILE_BYTES, ReportFileSchema);
    if (kept === undefined || kept.report.packId !== packId || kept.report.lessonId !== lessonId) return undefined;
    return { report: kept.report, graded: kept.graded as GradedRun, gradedAtMs: kept.gradedAtMs, ...(kept.version === 2 ? { student: kept.student } : {}) };
  };

  const loadGraph = async (packId: string, lessonId: string): Promise<Omit<LoadedWork, 'answers'>> => {
    const file = fileOf(packId, lessonId);
    const found = await stat(file).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' || error.code === 'ENOTDIR' ? null : error));
    if (found === null) return { graph: null };
    try {
      if (found instanceof Error) throw found;
      return { graph: await readGraphFile(file, errorMessage('noun.lessonWork', { lesson: lessonId }), errorMessage('document.unreadable', { what: errorMessage('noun.lessonWork', { lesson: lessonId }) })) };
    } catch (error) {
      const aside = `${file}.damaged`;
      const isKept = await rename(file, aside).then(
        () => true,
        () => false,
      );
      const reason = error instanceof DocumentError ? error.text : error instanceof Error ? error.message : String(error);
      return {
        graph: null,
        warning: notice(errorMessage('warn.workNotUsed', { reason, kept: isKept ? errorMessage('warn.workKeptAs', { file: `lessons-work/${packId}/${path.basename(aside)}` }) : errorMessage('warn.workLeft') })),
      };
    }
  };

  return {
    async load(packId: string, lessonId: string): Promise<LoadedWork> {
      const [answers, lastGrade] = await Promise.all([loadAnswers(packId, lessonId), loadReport(packId, lessonId)]);
      return { ...(await loadGraph(packId, lessonId)), answers, ...(lastGrade ? { lastGrade } : {}) };
    },

    save(packId: string, lessonId: string, graph: Graph): Promise<{ savedAtMs: number | null; warning?: Notice }> {
      return write(fileOf(packId, lessonId), `${JSON.stringify(graph, null, 2)}\n`);
    },

    saveAnswers(packId: string, lessonId: string, answers: Record<string, string>): Promise<{ savedAtMs: number | null; warning?: Notice }> {
      const doc: z.infer<typeof AnswersFileSchema> = { format: 'statelab.lessonAnswers', version: 1, answers };
      return write(answersFileOf(packId, lessonId), `${JSON.stringify(doc, null, 2)}\n`);
    },

    /** Keeps the lesson's last grade; one too large to read back is not written (the older one goes, it no longer holds). */
    async saveReport(packId: string, lessonId: string, report: GradeReport, graded: GradedRun, gradedAtMs: number, student: string): Promise<{ savedAtMs: number | null; warning?: Notice }> {
      const doc: z.input<typeof ReportFileV2Schema> = { format: 'statelab.lessonReport', version: 2, gradedAtMs, report, graded, student };
      const text = `${JSON.stringify(doc)}\n`;
      if (Buffer.byteLength(text) > MAX_REPORT_FILE_BYTES) {
        await rm(reportFileOf(packId, lessonId), { force: true }).catch(() => {});
        return { savedAtMs: null };
      }
      return write(reportFileOf(packId, lessonId), text);
    },
  };
}
