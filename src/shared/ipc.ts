/**
 * The one IPC contract. Each channel (`area:verb`) maps to a request schema (validated in main
 * before any handler runs) and a response type. Push events from main are named `onDid…`.
 * Both Electron IPC and the browser host's bridge serve exactly this contract.
 */
import { z } from 'zod';
import { GraphSchema, NODE_KINDS, type Graph, type NodeKind } from './graph';
import { ScenarioSchema } from './scenario';
import type { RunView } from './run';
import type { Channel } from './api';

const runId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'expected a run id of letters, digits, "-" or "_"');
const packId = z.string().min(1).max(64);

export interface AppInfo {
  /** The StateLab version. */
  version: string;
  /** Which shell serves the app: the desktop window or the browser host. */
  host: 'electron' | 'web';
}

export interface PackSummary {
  id: string;
  title: string;
  version: string;
  lessons: { id: string; title: string }[];
}

export interface LessonView {
  packId: string;
  lessonId: string;
  title: string;
  starter: Graph;
  scenario: z.infer<typeof ScenarioSchema>;
  /** Node ids the student may not delete or edit. */
  locked: string[];
  /** Node kinds the palette offers (all of NODE_KINDS when the lesson does not restrict it). */
  palette: NodeKind[];
}

/** A design saved in the app's data folder. */
export interface DesignFileInfo {
  /** The name the student gave it (the file is `<name>.statelab.json`). */
  name: string;
  /** Last modification, ms since the epoch. */
  modifiedMs: number;
}

/** The unsaved work kept in `<dataDir>/autosave.json`. */
export interface AutosaveRecord {
  /** The edited graph at the time of the last edit. */
  graph: Graph;
  /** The saved design it was opened from or saved as, if any. */
  name: string | null;
  /** The lesson it belongs to, if any. */
  lessonId: string | null;
  /** When it was written, ms since the epoch. */
  savedAtMs: number;
}

/** File names, never paths: a payload cannot reach outside the data folder. */
export const DesignNameSchema = z
  .string()
  .min(1)
  .max(80)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 _.()-]*$/, 'expected a name of letters, digits, spaces, "-", "_", ".", "(" or ")"')
  .refine((name) => !name.includes('..'), 'expected a name without ".."');

export const ALL_NODE_KINDS: readonly NodeKind[] = NODE_KINDS;

export interface RunDone {
  runId: string;
  result: RunView;
}

export const channels = {
  'app:info': { request: z.object({}).strict(), response: null as unknown as AppInfo },
  'packs:list': { request: z.object({}).strict(), response: null as unknown as PackSummary[] },
  'lessons:open': {
    request: z.object({ packId, lessonId: z.string().min(1).max(64) }).strict(),
    response: null as unknown as LessonView,
  },
  'sim:run': {
    request: z.object({ runId, graph: GraphSchema, scenario: ScenarioSchema }).strict(),
    response: null as unknown as RunDone,
  },
  'sim:cancel': { request: z.object({ runId }).strict(), response: null as unknown as { cancelled: boolean } },
  'files:list': { request: z.object({}).strict(), response: null as unknown as DesignFileInfo[] },
  'files:save': { request: z.object({ name: DesignNameSchema, graph: GraphSchema }).strict(), response: null as unknown as { name: string } },
  'files:open': { request: z.object({ name: DesignNameSchema }).strict(), response: null as unknown as { name: string; graph: Graph } },
  'files:recent': { request: z.object({}).strict(), response: null as unknown as string[] },
  /** Desktop app only: main shows a native open dialog; null when cancelled. */
  'files:openExternal': { request: z.object({}).strict(), response: null as unknown as { fileName: string; graph: Graph } | null },
  /** Desktop app only: main shows a native save dialog; null when cancelled. */
  'files:saveExternal': {
    request: z.object({ graph: GraphSchema, suggestedName: DesignNameSchema }).strict(),
    response: null as unknown as { fileName: string } | null,
  },
  'autosave:write': {
    request: z.object({ graph: GraphSchema, name: DesignNameSchema.nullable(), lessonId: z.string().max(64).nullable() }).strict(),
    response: null as unknown as { savedAtMs: number },
  },
  'autosave:read': { request: z.object({}).strict(), response: null as unknown as AutosaveRecord | null },
  'autosave:clear': { request: z.object({}).strict(), response: null as unknown as Record<string, never> },
} as const satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = (typeof channels)[C]['response'];

export { CHANNELS, EVENT_NAMES, makeApi, methodName } from './api';
export type { Channel, EventName, Events, StateLabApi } from './api';

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);

/** Size bound on any single payload, before parsing. */
export const MAX_PAYLOAD_BYTES = 8_000_000;
