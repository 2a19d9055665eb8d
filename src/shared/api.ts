/**
 * The renderer-facing shape of the IPC contract, kept free of zod so the sandboxed preload can
 * bundle it whole. ipc.ts checks (by `satisfies`) that it declares exactly these channels.
 */
import type { RequestOf, ResponseOf } from './ipc';
import type { Result } from './result';
import type { MenuCommand } from './shell';

export const CHANNELS = [
  'app:info',
  'lessons:open',
  'sim:run',
  'sim:cancel',
  'sim:events',
  'sim:trace',
  'files:list',
  'files:save',
  'files:open',
  'files:recent',
  'files:openExternal',
  'files:saveExternal',
  'autosave:write',
  'autosave:read',
  'autosave:clear',
  'autosave:dismissPrevious',
  'lessons:loadWork',
  'lessons:saveWork',
  'lessons:saveAnswers',
  'lessons:grade',
  'progress:get',
  'packs:catalogue',
  'packs:import',
  'packs:remove',
  'packs:image',
  'submissions:export',
  'submissions:regrade',
  'shell:report',
  'shell:takeOpenedFiles',
  'classResults:grade',
  'classResults:cancel',
  'studio:list',
  'studio:create',
  'studio:open',
  'studio:update',
  'studio:save',
  'studio:export',
  'studio:verify',
  'studio:cancel',
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Push events from main to the renderer. */
export interface Events {
  /** A run's progress, 0..1; queuePosition (from 1) while it waits for another run to finish. */
  onDidRunProgress: { runId: string; fraction: number; queuePosition?: number };
  /** Desktop app: the student chose a menu item the renderer carries out. */
  onDidMenuCommand: { command: MenuCommand };
  /** Desktop app: the operating system handed over files; fetch them with shell:takeOpenedFiles. */
  onDidOpenFile: Record<string, never>;
  /** Class results: submissions of a classResults:grade batch graded so far; queuePosition (from 1) while it waits for a slot. */
  onDidClassResultsProgress: { jobId: string; done: number; total: number; queuePosition?: number };
  /** Studio: a verification's progress, 0..1; queuePosition (from 1) while it waits for a slot. */
  onDidStudioVerifyProgress: { jobId: string; fraction: number; queuePosition?: number };
}
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['onDidRunProgress', 'onDidMenuCommand', 'onDidOpenFile', 'onDidClassResultsProgress', 'onDidStudioVerifyProgress'];

type Camel<S extends string> = S extends `${infer A}:${infer B}` ? `${A}${Capitalize<B>}` : S;
export type MethodName<C extends Channel> = Camel<C>;

/** `sim:run` → `simRun`. */
export const methodName = <C extends Channel>(channel: C): MethodName<C> => {
  const [area, verb] = channel.split(':') as [string, string];
  return `${area}${verb.charAt(0).toUpperCase()}${verb.slice(1)}` as MethodName<C>;
};

/** The API the renderer sees as `window.statelab`: one named method per channel, plus event subscription. */
export type StateLabApi = {
  [C in Channel as MethodName<C>]: (request: RequestOf<C>) => Promise<Result<ResponseOf<C>>>;
} & {
  on<E extends EventName>(event: E, listener: (payload: Events[E]) => void): () => void;
};

/** Builds the named-method API from a transport; the preload and the browser shim both use it. */
export function makeApi(
  invoke: (channel: Channel, request: unknown) => Promise<Result<unknown>>,
  subscribe: (event: EventName, listener: (payload: unknown) => void) => () => void,
): StateLabApi {
  const api: Record<string, unknown> = {};
  for (const channel of CHANNELS) api[methodName(channel)] = (request: unknown) => invoke(channel, request);
  api.on = (event: EventName, listener: (payload: unknown) => void) => {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${String(event)}`);
    return subscribe(event, listener);
  };
  return Object.freeze(api) as StateLabApi;
}
