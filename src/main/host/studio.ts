/**
 * The studio's services: draft packs held here in the main process (and kept in the data folder
 * under studio/<id>/), validated as packs on every update, saved as a pack folder, exported as a
 * pack zip, and verified (starter and reference on several seeds) in a worker that takes the
 * host's job slots, with progress and cancel by job id or by the caller going away.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { LessonSchema } from '../../shared/lesson';
import { DocumentError, zodIssues } from '../../shared/json';
import type { StudioDraft } from '../../shared/studio';
import { titleIn, verifySeeds } from '../../shared/studio';
import { draftFromPack, emptyDraft, exportDraft, isReservedId, listDrafts, readDraft, saveDraft, validateDraft, writeDraft } from '../packs/studioDraft';
import { verifyInWorker } from '../workers/jobs';
import type { Limiter } from '../workers/pool';
import { cancellableJobs } from './cancellableJobs';
import { ServiceError, type Handlers } from './dispatcher';
import { createCatalogue } from './lessons/catalogue';

type StudioChannels = 'studio:list' | 'studio:create' | 'studio:open' | 'studio:update' | 'studio:save' | 'studio:export' | 'studio:verify' | 'studio:cancel';

export function createStudioHandlers(builtinPackDirs: readonly string[], dataDir: string, limiter?: Limiter): { handlers: Pick<Handlers, StudioChannels>; dispose(): void } {
  const catalogue = createCatalogue(builtinPackDirs, dataDir);
  /** Drafts being edited, by id: the document the author's edits replace. */
  const drafts = new Map<string, StudioDraft>();
  /** Ids being created now: a second create of one (a second press, another window) is refused, not a second copy written over the first. */
  const creating = new Set<string>();
  const jobs = cancellableJobs();

  const draft = async (id: string): Promise<StudioDraft> => {
    const held = drafts.get(id) ?? (await readDraft(dataDir, id));
    if (!held) throw new ServiceError('invalid-payload', errorMessage('studio.noDraft', { id }));
    drafts.set(id, held);
    return held;
  };

  const handlers: Pick<Handlers, StudioChannels> = {
    'studio:list': () => listDrafts(dataDir),
    'studio:create': async ({ id, title: typed, titleLocale, fromPackId }) => {
      if (isReservedId(id)) throw new ServiceError('invalid-payload', errorMessage('studio.builtinId', { id }));
      // The data folder says which drafts exist (one removed from it, by hand or by a test forgetting
      // it, may be created again; the memory of it was refused as one that exists already). A stored
      // draft that does not load still exists: creating one with its id would overwrite it.
      const exists = () => new ServiceError('invalid-payload', errorMessage('studio.draftExists', { id }));
      if (creating.has(id)) throw exists();
      creating.add(id);
      try {
        if (await readDraft(dataDir, id).catch(() => true)) throw exists();
        // The title fills the field of the language it was typed in: a title typed in 简体中文 is no English one.
        const title = titleIn(typed, titleLocale);
        const created = fromPackId ? draftFromPack((await catalogue.pack(fromPackId)).pack, id, title) : emptyDraft(id, title);
        await writeDraft(dataDir, created);
        drafts.set(id, created);
        return created;
      } finally {
        creating.delete(id);
      }
    },
    'studio:open': ({ id }) => draft(id),
    'studio:update': async ({ draft: next }) => {
      await draft(next.id);
      drafts.set(next.id, next);
      await writeDraft(dataDir, next);
      return { problems: (await validateDraft(next)).problems };
    },
    'studio:save': async ({ id }) => saveDraft(dataDir, await draft(id)),
    'studio:export': async ({ id }) => {
      const { fileName, bytes } = await exportDraft(await draft(id));
      return { fileName, zipBase64: Buffer.from(bytes).toString('base64') };
    },
    'studio:verify': async ({ jobId, id, lessonIndex, seeds }, ctx) => {
      if (jobs.has(jobId)) throw new ServiceError('invalid-payload', errorMessage('studio.verifyBusy', { id: jobId }));
      const entry = (await draft(id)).lessons[lessonIndex];
      if (!entry) throw new ServiceError('invalid-payload', errorMessage('studio.noLesson', { id, number: lessonIndex + 1 }));
      const parsed = LessonSchema.safeParse(entry.lesson);
      if (!parsed.success) throw new DocumentError(errorMessage('studio.lessonIncompleteProblems', { number: lessonIndex + 1 }), zodIssues(parsed.error));
      const lesson = parsed.data;
      return jobs.run(jobId, ctx.signal, (signal) => {
        const input = { packId: id, lesson, starter: entry.starter, ...(entry.reference ? { reference: entry.reference } : {}), seeds: verifySeeds(lesson.scenario.seed, seeds) };
        const handle = verifyInWorker(input, { ...(limiter ? { limiter } : {}), signal }, (fraction, queuePosition) =>
          ctx.emit('onDidStudioVerifyProgress', { jobId, fraction, ...(queuePosition !== undefined ? { queuePosition } : {}) }),
        );
        return handle.result;
      });
    },
    'studio:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
  return { handlers, dispose: jobs.dispose };
}
