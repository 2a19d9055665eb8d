/**
 * Class results: an instructor picks a folder of submissions in the app; the renderer sends it in
 * batches and each batch is re-graded here by the bulk-grading code `npm run grade` uses, on worker
 * threads that take the host's job slots, with progress pushed per file and cancel by job id or by
 * the caller going away. A batch answers its grades CSV, so the dashboard reads the app's grading and
 * the command line's through one parser.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { gradesCsv, type GradeRow } from '../grading/bulk';
import { englishGrade, gradeMessage, type GradeMessage } from '../../shared/i18n/gradeTexts';
import type { LoadedPack } from '../packs/validate';
import { bulkGrade } from '../packs/bulkGrade';
import type { Limiter } from '../workers/pool';
import { cancellableJobs } from './cancellableJobs';
import { ServiceError, type Handlers } from './dispatcher';
import { createCatalogue } from './lessons/catalogue';

/** The packId a submission names, peeked from its start (the grading validates the whole file). */
export function peekPackId(text: string): string | undefined {
  return /"packId"\s*:\s*"([a-z0-9-]{1,64})"/.exec(text.slice(0, 4000))?.[1];
}

/**
 * Which files the class's pack grades and which another installed pack does: by the packId each
 * file names, when that pack is installed and loads (`load` answers undefined otherwise).
 */
export async function packGroups(files: readonly { text: string }[], packId: string, load: (id: string) => Promise<LoadedPack | undefined>): Promise<{ own: number[]; others: { pack: LoadedPack; indices: number[] }[] }> {
  const own: number[] = [];
  const others = new Map<string, { pack: LoadedPack; indices: number[] }>();
  const found = new Map<string, LoadedPack | undefined>();
  for (const [i, file] of files.entries()) {
    const id = peekPackId(file.text);
    if (id === undefined || id === packId) {
      own.push(i);
      continue;
    }
    if (!found.has(id)) found.set(id, await load(id));
    const pack = found.get(id);
    if (!pack) {
      own.push(i);
      continue;
    }
    const group = others.get(id) ?? { pack, indices: [] };
    group.indices.push(i);
    others.set(id, group);
  }
  return { own, others: [...others.values()] };
}

type ClassResultsChannels = 'classResults:grade' | 'classResults:cancel';

export function createClassResultsHandlers(builtinPackDirs: readonly string[], dataDir: string, limiter?: Limiter): { handlers: Pick<Handlers, ClassResultsChannels>; dispose(): void } {
  const catalogue = createCatalogue(builtinPackDirs, dataDir);
  /** Batches being graded, by job id: cancel aborts one. */
  const jobs = cancellableJobs();

  const handlers: Pick<Handlers, ClassResultsChannels> = {
    'classResults:grade': async ({ jobId, packId, files }, ctx) => {
      if (jobs.has(jobId)) throw new ServiceError('invalid-payload', errorMessage('job.classAlreadyRunning', { id: jobId }));
      return jobs.run(jobId, ctx.signal, async (signal) => {
        const { pack } = await catalogue.pack(packId);
        // A file of another pack installed here is graded with that pack (its row says so); a file of a
        // pack this app does not have stays with the class's pack, whose grading says which pack it needs.
        const groups = await packGroups(files, packId, async (id) => (await catalogue.pack(id).catch(() => undefined))?.pack);
        const rows = new Array<GradeRow>(files.length);
        const notes: Record<string, GradeMessage[]> = {};
        let offset = 0;
        for (const group of [{ pack, indices: groups.own }, ...groups.others]) {
          if (group.indices.length === 0) continue;
          const graded = await bulkGrade({
            pack: group.pack,
            files: group.indices.map((i) => ({ name: files[i]!.fileName, text: files[i]!.text })),
            ...(limiter ? { limiter } : {}),
            signal,
            onProgress: (done) => ctx.emit('onDidClassResultsProgress', { jobId, done: offset + done, total: files.length }),
            onQueued: (queuePosition) => ctx.emit('onDidClassResultsProgress', { jobId, done: offset, total: files.length, queuePosition }),
          });
          const isOther = group.pack !== pack;
          const note = gradeMessage('regrade.ownPack', { pack: group.pack.manifest.id, expected: packId });
          graded.forEach((row, k) => {
            if (isOther && !row.error) {
              row.notes = [englishGrade(note), ...row.notes];
              notes[row.file] = [note];
            }
            rows[group.indices[k]!] = row;
          });
          offset += group.indices.length;
        }
        // Beside the CSV (English, as `npm run grade` writes it): each unreadable file's error as a key, for the app's language.
        const errors = Object.fromEntries(rows.flatMap((r) => (r.errorText ? [[r.file, r.errorText] as const] : [])));
        const packs = [pack, ...groups.others.map((g) => g.pack)];
        return { csv: gradesCsv(packs, rows), errors, ...(Object.keys(notes).length > 0 ? { notes } : {}) };
      });
    },
    'classResults:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
  return { handlers, dispose: jobs.dispose };
}
