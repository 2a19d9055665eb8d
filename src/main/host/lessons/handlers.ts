/**
 * The lesson-side services: the pack catalogue, lesson texts, grading (in a worker), progress,
 * pack import/removal, pack images, and submissions. Merged into createHost's handlers.
 */
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { notice } from '../../../shared/result';
import { mapMessageStrings } from '../../../shared/i18n/messages';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GradeReportSchema } from '../../../shared/gradeReport';
import { checkTitleOf } from '../../../shared/checks';
import { NODE_KINDS } from '../../../shared/graph';
import type { LessonView } from '../../../shared/ipc';
import type { Lesson } from '../../../shared/lesson';
import { DocumentError } from '../../../shared/json';
import { createSubmission, loadSubmission } from '../../grading/submission';
import { lessonForStudent } from '../../grading/variant';
import { deriveVariant } from '../../../shared/variants';
import { ServiceError, type Handlers } from '../dispatcher';
import { describeWriteFailure } from '../files/atomicWrite';
import { createCatalogue } from './catalogue';
import { gradeInWorker, regradeInWorker } from '../../workers/jobs';
import type { Limiter } from '../../workers/pool';
import { createLessonWork } from './lessonWork';
import { createProgressStore } from './progress';

type LessonChannels =
  | 'lessons:open'
  | 'lessons:grade'
  | 'lessons:loadWork'
  | 'lessons:saveWork'
  | 'lessons:saveAnswers'
  | 'progress:get'
  | 'packs:catalogue'
  | 'packs:import'
  | 'packs:remove'
  | 'packs:image'
  | 'submissions:export'
  | 'submissions:regrade';

/**
 * A file name a student would recognise, with nothing a file system could trip on: letters and
 * digits of any script (a Chinese name stays "王小明", where dropping them named every Chinese
 * student's file "submission-…", and a class's files overwrote each other in one folder), "_" and
 * "-"; the rest (spaces, / \ : * ? " < > |, dots) becomes "-". At most 60 characters, never half of one.
 */
const safeFilePart = (text: string) =>
  Array.from(text.normalize('NFC').trim().replace(/[^\p{L}\p{M}\p{N}_-]+/gu, '-').replace(/^-+|-+$/g, ''))
    .slice(0, 60)
    .join('')
    .replace(/-+$/, '');

/** `limiter`: the host's cap on worker jobs, shared with runs (see createHost). */
export function createLessonHandlers(builtinPackDirs: readonly string[], dataDir: string, limiter?: Limiter): Pick<Handlers, LessonChannels> {
  const jobContext = (signal: AbortSignal | undefined) => ({ ...(limiter ? { limiter } : {}), ...(signal ? { signal } : {}) });
  const catalogue = createCatalogue(builtinPackDirs, dataDir);
  const progress = createProgressStore(dataDir);
  const work = createLessonWork(dataDir);

  return {
    'packs:catalogue': () => catalogue.list(),
    'lessons:open': async ({ packId, lessonId }): Promise<LessonView> => {
      const { pack, lesson: found } = await catalogue.lesson(packId, lessonId);
      const { lesson } = found;
      return {
        packId,
        lessonId,
        title: lesson.title.en,
        starter: found.starter,
        scenario: lesson.scenario,
        locked: lesson.locked,
        lockedProps: lesson.lockedProps,
        palette: lesson.palette ?? [...NODE_KINDS],
        ...(lesson.nodeNames ? { nodeNames: lesson.nodeNames } : {}),
        text: { title: lesson.title, objectives: lesson.objectives, steps: lesson.steps },
        pack: {
          title: pack.manifest.title,
          version: pack.manifest.packVersion,
          lessons: pack.lessons.map((l) => ({ id: l.lesson.id, title: l.lesson.title })),
        },
        checks: lesson.checks.map((c) => ({ id: c.id, title: checkTitleOf(c), points: c.points, ...(c.type === 'metric' ? { metric: c.metric } : {}) })),
        quizzes: lesson.checks.flatMap((c) => (c.type === 'quiz' ? [{ id: c.id, question: c.question, choices: c.choices }] : [])),
        // instructorNotes stay in the pack: a student's app never receives them.
        about: {
          ...(lesson.estimatedMinutes !== undefined ? { estimatedMinutes: lesson.estimatedMinutes } : {}),
          ...(lesson.difficulty ? { difficulty: lesson.difficulty } : {}),
          prerequisites: lesson.prerequisites.flatMap((id) => pack.lessons.filter((l) => l.lesson.id === id).map((l) => ({ id, title: l.lesson.title }))),
          ...(lesson.notesSection ? { notesSection: lesson.notesSection } : {}),
          ...(lesson.debrief ? { debrief: lesson.debrief } : {}),
        },
        predictions: lesson.predictions,
        ...(lesson.variants ? { variants: lesson.variants } : {}),
      };
    },
    'lessons:grade': async ({ packId, lessonId, graph, answers, student }, ctx) => {
      const { pack, lesson: listed } = await catalogue.lesson(packId, lessonId);
      // The student's own variant (seed, crash time, rate…) when the lesson declares one.
      const lesson = lessonForStudent(listed, student);
      const { report, graded } = await gradeInWorker(
        {
          packId,
          packVersion: pack.manifest.packVersion,
          lesson: lesson.lesson,
          graph,
          answers,
          starter: lesson.starter,
        },
        jobContext(ctx.signal),
      );
      // The last results come back when the lesson opens again (after a reload or a restart too). A
      // data folder that cannot keep them is already said by the progress warning below.
      // The name goes with it: another name's numbers are another lesson's as far as its results go.
      await work.saveReport(packId, lessonId, report, graded, Date.now(), student ?? '');
      // A grade is the student's to see even when the data folder cannot record it.
      try {
        return { report, graded, progress: await progress.record(report) };
      } catch (error) {
        return { report, graded, progress: await progress.get(packId), warning: notice(errorMessage('warn.gradeNotRecorded', { why: describeWriteFailure(error) })) };
      }
    },
    'lessons:loadWork': async ({ packId, lessonId, student }) => {
      const { lastGrade, ...loaded } = await work.load(packId, lessonId);
      if (!lastGrade) return loaded;
      // A lesson with variants gives each name its own numbers: results checked under another name
      // (a rename since) would mislead, so they are not returned, only that they exist and whose they are.
      const variants = await catalogue.lesson(packId, lessonId).then(
        (found) => found.lesson.lesson.variants,
        () => undefined,
      );
      const numbersOf = (name: string | undefined) => JSON.stringify(deriveVariant(lessonId, variants, name) ?? null);
      const isSameNumbers = variants === undefined || (lastGrade.student !== undefined && numbersOf(lastGrade.student) === numbersOf(student));
      if (isSameNumbers) return { ...loaded, lastGrade };
      // A file from before names were kept: whose it was is unknown, so it is simply not shown.
      return lastGrade.student === undefined ? loaded : { ...loaded, lastGradeUnderOtherName: { student: lastGrade.student, gradedAtMs: lastGrade.gradedAtMs } };
    },
    'lessons:saveWork': ({ packId, lessonId, graph }) => work.save(packId, lessonId, graph),
    'lessons:saveAnswers': ({ packId, lessonId, answers }) => work.saveAnswers(packId, lessonId, answers),
    'progress:get': ({ packId }) => progress.get(packId),
    'packs:import': async ({ fileName, zipBase64 }) => {
      // The pack code validates zips from a path; a private temp folder keeps the upload away from everything else.
      const dir = await mkdtemp(path.join(tmpdir(), 'statelab-import-'));
      const file = path.join(dir, `${safeFilePart(path.basename(fileName, '.zip')) || 'pack'}.zip`);
      try {
        await writeFile(file, Buffer.from(zipBase64, 'base64'));
        return await catalogue.import(file, fileName);
      } catch (error) {
        // The upload is labelled by its own name throughout; this only keeps the temp folder out of any message that slipped through.
        if (error instanceof DocumentError) {
          const hide = (text: string) => text.split(file).join(fileName).split(dir).join('(upload)');
          throw new DocumentError(mapMessageStrings(error.text, hide), error.issues.map((issue) => ({ ...issue, path: hide(issue.path), message: hide(issue.message) })));
        }
        throw error;
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
    'packs:remove': async ({ packId }) => ({ removed: await catalogue.remove(packId) }),
    'packs:image': async ({ packId, path: relative }) => ({ dataUrl: (await catalogue.image(packId, relative)) ?? null }),
    'submissions:export': async ({ packId, lessonId, graph, answers, student, report }) => {
      const { pack, lesson } = await catalogue.lesson(packId, lessonId);
      // The renderer's last grade is attached as a claim only if it is a well-formed report.
      const grade = GradeReportSchema.safeParse(report);
      const submission = createSubmission({
        packId,
        packVersion: pack.manifest.packVersion,
        lesson: lesson.lesson,
        graph,
        answers,
        savedAt: new Date(),
        ...(student ? { student } : {}),
        ...(grade.success ? { grade: grade.data } : {}),
      });
      const who = safeFilePart(student ?? '') || 'submission';
      return { fileName: `${who}-${lessonId}.statelab-submission.json`, text: JSON.stringify(submission, null, 2) };
    },
    'submissions:regrade': async ({ fileName, text }, ctx) => {
      const submission = loadSubmission(text, fileName);
      let regrade;
      let lesson: Lesson | undefined;
      try {
        const { pack } = await catalogue.pack(submission.packId);
        lesson = pack.lessons.find((l) => l.lesson.id === submission.lessonId)?.lesson;
        regrade = await regradeInWorker(
          { submission, pack: { manifest: pack.manifest, lessons: pack.lessons.map((l) => ({ lesson: l.lesson, starter: l.starter })) } },
          jobContext(ctx.signal),
        );
      } catch (error) {
        // An unknown pack or lesson is a fact about this file: say which file.
        if (error instanceof ServiceError) throw error.inFile(fileName);
        if (error instanceof DocumentError) throw error.inFile(fileName);
        throw error;
      }
      return {
        student: submission.student ?? null,
        packId: submission.packId,
        lessonId: submission.lessonId,
        savedAt: submission.savedAt,
        ...regrade,
        ...(lesson ? { lessonTitle: lesson.title } : {}),
        ...(lesson?.variants ? { variantParameters: lesson.variants.parameters.map(({ id, label, unit }) => ({ id, label, ...(unit ? { unit } : {}) })) } : {}),
      };
    },
  };
}
