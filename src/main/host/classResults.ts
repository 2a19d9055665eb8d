/**
 * Class results: an instructor picks a folder of submissions in the app; the renderer sends it in
 * batches and each batch is re-graded here by the bulk-grading code `npm run grade` uses, on worker
 * threads that take the host's job slots, with progress pushed per file and cancel by job id or by
 * the caller going away. A batch answers its grades CSV, so the dashboard reads the app's grading and
 * the command line's through one parser.
 */
import { errorMessage } from '../../shared/i18n/errorTexts';
import { gradesCsv } from '../grading/bulk';
import { bulkGrade } from '../packs/bulkGrade';
import type { Limiter } from '../workers/pool';
import { cancellableJobs } from './cancellableJobs';
import { ServiceError, type Handlers } from './dispatcher';
import { createCatalogue } from './lessons/catalogue';

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
        const rows = await bulkGrade({
          pack,
          files: files.map((f) => ({ name: f.fileName, text: f.text })),
          ...(limiter ? { limiter } : {}),
          signal,
          onProgress: (done, total) => ctx.emit('onDidClassResultsProgress', { jobId, done, total }),
          onQueued: (queuePosition) => ctx.emit('onDidClassResultsProgress', { jobId, done: 0, total: files.length, queuePosition }),
        });
        // Beside the CSV (English, as `npm run grade` writes it): each unreadable file's error as a key, for the app's language.
        const errors = Object.fromEntries(rows.flatMap((r) => (r.errorText ? [[r.file, r.errorText] as const] : [])));
        return { csv: gradesCsv(pack, rows), errors };
      });
    },
    'classResults:cancel': ({ jobId }) => jobs.cancel(jobId),
  };
  return { handlers, dispose: jobs.dispose };
}
