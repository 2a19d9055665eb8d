import { APP_VERSION } from '../../shared/version';
import { errorMessage } from '../../shared/i18n/errorTexts';
import type { AppInfo } from '../../shared/ipc';
import type { OpenedFile, ShellReport } from '../../shared/shell';
import { createClassResultsHandlers } from './classResults';
import { createStudioHandlers } from './studio';
import { createLessonHandlers } from './lessons/handlers';
import { createDispatcher, ServiceError, type Dispatch, type Handlers } from './dispatcher';
import { hostFolders } from './errorText';
import { sweepTempFiles } from './files/atomicWrite';
import { createAutosave } from './files/autosave';
import { createDesignFiles } from './files/designFiles';
import { createExternalFiles, type NativeDialogs } from './files/externalFiles';
import { createLimiter } from '../workers/pool';
import { runInWorker, traceInWorker, type JobHandle } from '../workers/jobs';
import { createStepSessions } from '../workers/stepSessions';
import type { RunResult } from '../sim';

export interface HostOptions {
  /** Which shell serves the app. */
  host: AppInfo['host'];
  /** Folder holding the built-in lesson packs (one folder per pack). */
  builtinPackDirs: string[];
  /** The app's data folder: saved designs, recent files, autosave. */
  dataDir: string;
  /** Native open/save dialogs (the desktop app); absent in the browser host. */
  dialogs?: NativeDialogs;
  /** Where to report unexpected failures. */
  log?: (message: string) => void;
  /** Worker jobs (runs, event searches, grading) at once; the rest queue. Default JOB_BUDGETS.concurrentJobs. */
  maxConcurrentJobs?: number;
  /** The desktop shell (unsaved-changes prompt, menu language, files from the OS); absent in the browser host. */
  shell?: ShellServices;
}

export interface ShellServices {
  report(state: ShellReport): void;
  takeOpenedFiles(): Promise<OpenedFile[]>;
}

/**
 * The main-process services, written once. Electron's ipcMain and the browser host's bridge
 * both call the dispatcher this returns; nothing here knows which transport is in use.
 */
export function createHost(options: HostOptions): { dispatch: Dispatch; dispose(): void } {
  const runs = new Map<string, JobHandle<RunResult>>();
  /** Every worker job of this host takes a slot here: a burst of calls queues instead of piling up threads. */
  const limiter = createLimiter(options.maxConcurrentJobs);
  /** sim:events: one stepping session per caller, each a worker with a live simulation. */
  const stepSessions = createStepSessions({ limiter });
  const designs = createDesignFiles(options.dataDir);
  const autosave = createAutosave(options.dataDir, options.log);
  const external = createExternalFiles(options.dialogs);
  const classResults = createClassResultsHandlers(options.builtinPackDirs, options.dataDir, limiter);
  const studio = createStudioHandlers(options.builtinPackDirs, options.dataDir, limiter);
  // Temp files of writes a kill interrupted in an earlier run; nothing waits for this.
  void sweepTempFiles(options.dataDir).then((removed) => {
    if (removed.length > 0) options.log?.(`Removed ${removed.length} temp file(s) left by an interrupted write.`);
  });

  const handlers: Handlers = {
    'app:info': () => ({ version: APP_VERSION, host: options.host }),
    ...createLessonHandlers(options.builtinPackDirs, options.dataDir, limiter),
    ...classResults.handlers,
    ...studio.handlers,
    'sim:run': async ({ runId, graph, scenario }, ctx) => {
      if (runs.has(runId)) throw new ServiceError('invalid-payload', errorMessage('job.alreadyRunning', { id: runId }));
      const handle = runInWorker(graph, scenario, { limiter, ...(ctx.signal ? { signal: ctx.signal } : {}) }, (fraction, queuePosition) =>
        ctx.emit('onDidRunProgress', { runId, fraction, ...(queuePosition !== undefined ? { queuePosition } : {}) }),
      );
      runs.set(runId, handle);
      try {
        return { runId, result: await handle.result };
      } finally {
        runs.delete(runId);
      }
    },
    'sim:cancel': ({ runId }) => {
      const handle = runs.get(runId);
      handle?.cancel();
      return { cancelled: handle !== undefined };
    },
    'sim:events': ({ graph, scenario, fromMs, count }, ctx) => stepSessions.events(graph, scenario, fromMs, count, ctx.signal),
    'sim:trace': ({ graph, scenario, selector }, ctx) => traceInWorker(graph, scenario, selector, { limiter, ...(ctx.signal ? { signal: ctx.signal } : {}) }).result,
    'files:list': () => designs.list(),
    'files:save': ({ name, graph }) => designs.save(name, graph),
    'files:open': ({ name }) => designs.open(name),
    'files:recent': () => designs.recent(),
    'files:openExternal': () => external.open(),
    'files:saveExternal': ({ graph, suggestedName }) => external.save(graph, suggestedName),
    'autosave:write': (record) => autosave.write(record),
    'autosave:read': () => autosave.read(),
    'autosave:clear': () => autosave.clear(),
    'autosave:dismissPrevious': () => autosave.dismissPrevious(),
    'shell:report': (state) => {
      options.shell?.report(state);
      return {};
    },
    'shell:takeOpenedFiles': () => options.shell?.takeOpenedFiles() ?? [],
  };

  return {
    dispatch: createDispatcher(handlers, options.log, hostFolders([{ dir: options.dataDir, name: "the app's data folder" }])),
    dispose: () => {
      for (const handle of runs.values()) handle.cancel();
      runs.clear();
      stepSessions.dispose();
      classResults.dispose();
      studio.dispose();
    },
  };
}
