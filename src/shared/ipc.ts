/**
 * The one IPC contract. Each channel (`area:verb`) maps to a request schema (validated in main
 * before any handler runs) and a response type. Push events from main are named `onDid…`.
 * Both Electron IPC and the browser host's bridge serve exactly this contract.
 */
import type { Notice } from './result';
import type { StepText } from './i18n/stepTexts';
import type { GradeMessage } from './i18n/gradeTexts';
import type { ErrorMessage } from './i18n/errorTexts';
import type { Issue } from './i18n/issues';
import type { VariantLabel } from './i18n/variantText';
import { z } from 'zod';
import { APP_LOCALES } from './i18n';
import { GraphSchema, type Graph, type NodeKind } from './graph';
import type { NodeNames } from './nodeNames';
import { SCENARIO_LIMITS, ScenarioSchema } from './scenario';
import type { MetricName, RunResult } from './metrics';
import type { Channel } from './api';
import type { GradedRun, GradeReport } from './gradeReport';
import type { LocalizedText } from './checks';
import type { Difficulty, NotesSection, Prediction } from './instructor';
import type { LessonVariants } from './variants';
import { ShellReportSchema, type OpenedFile } from './shell';
import { TraceSelectorSchema, type TraceAnswer } from './requestTrace';
import { STUDIO_LIMITS, StudioDraftSchema, StudioPackIdSchema, type StudioDraft, type StudioDraftInfo, type StudioProblem, type VerifyResult } from './studio';

const runId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/, 'expected a run id of letters, digits, "-" or "_"');
const packId = z.string().min(1).max(64);
const lessonId = z.string().min(1).max(64);
/** Pack and lesson ids that name a folder and a file of saved lesson work: the packs' own id rules, nothing that leaves the folder. */
const workId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.-]*$/, 'expected an id of letters, digits, "-", "_" or ".", starting with a letter or digit');
/** Quiz answers: check id → choice id. */
const answersSchema = z.record(z.string().max(64), z.string().max(64)).refine((a) => Object.keys(a).length <= 100, 'expected at most 100 answers').default({});
/** A pack zip, base64: 5.5 MB of text carries a 4 MB zip. */
const MAX_PACK_ZIP_BASE64 = 5_600_000;
const MAX_SUBMISSION_CHARS = 6_000_000;
/** Submission files in one classResults:grade batch (the batch's size is bounded by MAX_PAYLOAD_BYTES too). */
export const CLASS_BATCH_FILES_MAX = 500;

export interface AppInfo {
  /** The StateLab version. */
  version: string;
  /** Which shell serves the app: the desktop window or the browser host. */
  host: 'electron' | 'web';
}

export interface LessonView {
  packId: string;
  lessonId: string;
  title: string;
  starter: Graph;
  scenario: z.infer<typeof ScenarioSchema>;
  /** Node ids the student may not delete or edit. */
  locked: string[];
  /** Node id → its props the student may not change. */
  lockedProps: Record<string, string[]>;
  /** Node kinds the palette offers (all of NODE_KINDS when the lesson does not restrict it). */
  palette: NodeKind[];
  /** Node id → the node's name in each locale (shared/nodeNames.ts); absent when the lesson names none. */
  nodeNames?: NodeNames;
  /** The lesson's texts in every locale the pack has. */
  text: {
    title: LocalizedText;
    objectives: Record<string, string[]>;
    steps: LocalizedText[];
  };
  /** The pack around it, for navigation and progress. */
  pack: { title: LocalizedText; version: string; lessons: { id: string; title: LocalizedText }[] };
  /** Every check the lesson grades, in order, with its title and points (0: an observation, graded but worth nothing); a metric check names its metric, which the bench charts. */
  checks: { id: string; title: LocalizedText; points: number; metric?: MetricName }[];
  /** Observation questions the student answers before Check my work (never their answers). */
  quizzes: { id: string; question: LocalizedText; choices: { id: string; text: LocalizedText }[] }[];
  /** The instructor layer a student sees (never instructorNotes). */
  about: {
    estimatedMinutes?: number;
    difficulty?: Difficulty;
    /** Lessons to do first, with their titles. */
    prerequisites: { id: string; title: LocalizedText }[];
    notesSection?: NotesSection;
    debrief?: LocalizedText;
  };
  /** "Predict before you run": answered before Run is enabled. */
  predictions: Prediction[];
  /** Parameter ranges each student gets their own values of; the renderer derives them with src/shared/variants.ts. */
  variants?: LessonVariants;
}

/** A pack in the catalogue: built in, or imported into the data folder. */
export interface CatalogueEntry {
  id: string;
  title: LocalizedText;
  version: string;
  origin: 'builtin' | 'imported';
  lessons: { id: string; title: LocalizedText }[];
  /** Why an imported pack does not load (in English, one problem a line). */
  error?: string;
  /** The same problems as data (file and path, and each one's message key), shown in the app's language. */
  problems?: Issue[];
}

/** What importing a pack did: the pack as now listed, and the installed copy it replaced, if any. */
export interface PackImportResult extends CatalogueEntry {
  /** Set when a pack with the same id was installed; `version` is absent when that copy did not load. */
  replaced?: { version?: string };
}

/** Per lesson id: best score and whether every check has passed. */
export type PackProgress = Record<string, { bestScore: number; maxScore: number; isComplete: boolean }>;

/** What re-grading a submission found. */
export interface SubmissionRegrade {
  student: string | null;
  packId: string;
  lessonId: string;
  savedAt: string;
  /** The fresh, authoritative grade. */
  report: GradeReport;
  /** Whether the grade stored in the file matched; null when the file had none. */
  storedMatched: boolean | null;
  differences: string[];
  /** The same differences as keys of GRADE_TEXTS (same order); absent from an older host. */
  differenceKeys?: GradeMessage[];
  /** What an instructor should know, in English (notes) and as keys of GRADE_TEXTS (noteKeys, same order). */
  notes: string[];
  noteKeys?: GradeMessage[];
  /** The lesson's title, and its per-student parameters (labels and units), so the app words the lesson and a variant note in its language; absent from an older host. */
  lessonTitle?: LocalizedText;
  variantParameters?: VariantLabel[];
}

/** A design saved in the app's data folder. */
export interface DesignFileInfo {
  /** The name the student gave it (the file is `<name>.statelab.json`). */
  name: string;
  /** Last modification, ms since the epoch. */
  modifiedMs: number;
}

/** A response that worked, but something the student should know about went wrong alongside (a full or read-only data folder). */
export interface WithWarning {
  /** One sentence for the student, e.g. "The recent-files list could not be updated: the disk is full (ENOSPC)." */
  warning?: Notice;
}

/** The unsaved work of the previous session (`<dataDir>/autosave.previous.json`). */
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

export interface RunDone {
  runId: string;
  result: RunResult;
}

/** One simulator event, as the lab bench's "Step one event" shows it. */
export interface SimEvent {
  /** Simulated time in integer microseconds, and the same in (fractional) milliseconds. */
  atUs: number;
  atMs: number;
  /** The engine's sequence number: orders events of one instant. */
  seq: number;
  type: 'deliver-request' | 'deliver-response' | 'timer' | 'timeout' | 'fault' | 'health-probe' | 'noise';
  /** The node the event happened at (null for a fault). */
  node: string | null;
  /** E.g. "request delivered to api-2", "timer at lb (health check)", "fault: crash api-2" (English). */
  description: string;
  /** The same as a key of STEP_TEXTS (src/shared/i18n/stepTexts.ts) and its parameters, for the UI's language. */
  text: StepText;
}

export interface SimEventsResult {
  /** In (time, sequence) order, all strictly after the requested moment. */
  events: SimEvent[];
  /** True when the run ended before `count` events were found. */
  isEnd: boolean;
}

/** At most this many events per sim:events call. */
export const SIM_EVENTS_MAX = 200;

export const channels = {
  'app:info': { request: z.object({}).strict(), response: null as unknown as AppInfo },
  'lessons:open': {
    request: z.object({ packId, lessonId: z.string().min(1).max(64) }).strict(),
    response: null as unknown as LessonView,
  },
  'sim:run': {
    request: z.object({ runId, graph: GraphSchema, scenario: ScenarioSchema }).strict(),
    response: null as unknown as RunDone,
  },
  'sim:cancel': { request: z.object({ runId }).strict(), response: null as unknown as { cancelled: boolean } },
  /** The simulator's next `count` events strictly after `fromMs` of the run of (graph, scenario). */
  'sim:events': {
    request: z
      .object({ graph: GraphSchema, scenario: ScenarioSchema, fromMs: z.number().min(0).max(SCENARIO_LIMITS.durationMsMax), count: z.number().int().min(1).max(SIM_EVENTS_MAX) })
      .strict(),
    response: null as unknown as SimEventsResult,
  },
  /** Re-runs (graph, scenario) with tracing on for the requests the selector names (issue 17). */
  'sim:trace': {
    request: z.object({ graph: GraphSchema, scenario: ScenarioSchema, selector: TraceSelectorSchema }).strict(),
    response: null as unknown as TraceAnswer,
  },
  'files:list': { request: z.object({}).strict(), response: null as unknown as DesignFileInfo[] },
  'files:save': { request: z.object({ name: DesignNameSchema, graph: GraphSchema }).strict(), response: null as unknown as { name: string } & WithWarning },
  'files:open': { request: z.object({ name: DesignNameSchema }).strict(), response: null as unknown as { name: string; graph: Graph } & WithWarning },
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
    /** savedAtMs null (and a warning) when the data folder could not be written. */
    response: null as unknown as { savedAtMs: number | null } & WithWarning,
  },
  'autosave:read': { request: z.object({}).strict(), response: null as unknown as AutosaveRecord | null },
  'autosave:clear': { request: z.object({}).strict(), response: null as unknown as Record<string, never> },
  /** The student answered the restore offer (Restore or Discard): the previous session's work may go. */
  'autosave:dismissPrevious': { request: z.object({}).strict(), response: null as unknown as Record<string, never> },
  /** The student's saved work on a lesson; graph null when there is none (the lesson starts from its starter). */
  'lessons:loadWork': {
    /** student: the name the student goes by now (it picks a lesson's variant numbers); absent or "" for none. */
    request: z.object({ packId: workId, lessonId: workId, student: z.string().max(200).optional() }).strict(),
    /** answers: the student's quiz and prediction answers on the lesson (question id → choice id), {} when none. */
    /** lastGrade: the lesson's last grade report with the run it graded and when (ms), absent when none was kept or it was graded under a name that gives other numbers. */
    /** lastGradeUnderOtherName: instead of lastGrade, that name ("" for none) and when, so the student can be told why no results show. */
    response: null as unknown as {
      graph: Graph | null;
      answers: Record<string, string>;
      lastGrade?: { report: GradeReport; graded: GradedRun; gradedAtMs: number; student?: string };
      lastGradeUnderOtherName?: { student: string; gradedAtMs: number };
    } & WithWarning,
  },
  /** Keeps the student's quiz and prediction answers on a lesson across restarts (sent on each answer). */
  'lessons:saveAnswers': {
    request: z.object({ packId: workId, lessonId: workId, answers: answersSchema }).strict(),
    /** savedAtMs null (and a warning) when the data folder could not be written. */
    response: null as unknown as { savedAtMs: number | null } & WithWarning,
  },
  /** Keeps the student's work on a lesson across restarts (sent a moment after each edit). */
  'lessons:saveWork': {
    request: z.object({ packId: workId, lessonId: workId, graph: GraphSchema }).strict(),
    /** savedAtMs null (and a warning) when the data folder could not be written. */
    response: null as unknown as { savedAtMs: number | null } & WithWarning,
  },
  'lessons:grade': {
    /** student: whose variant of the lesson to grade (lessons that declare variants). */
    request: z.object({ packId, lessonId, graph: GraphSchema, answers: answersSchema, student: z.string().max(200).optional() }).strict(),
    /** `graded`: the design and scenario the report's run came from, to show that run again. */
    response: null as unknown as { report: GradeReport; graded: GradedRun; progress: PackProgress } & WithWarning,
  },
  'progress:get': { request: z.object({ packId }).strict(), response: null as unknown as PackProgress },
  'packs:catalogue': { request: z.object({}).strict(), response: null as unknown as CatalogueEntry[] },
  /** Imports a pack from a .zip the student or instructor picked; the bytes travel base64-encoded. */
  'packs:import': {
    request: z.object({ fileName: z.string().min(1).max(200), zipBase64: z.string().max(MAX_PACK_ZIP_BASE64).regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64') }).strict(),
    response: null as unknown as PackImportResult,
  },
  'packs:remove': { request: z.object({ packId }).strict(), response: null as unknown as { removed: boolean } },
  'packs:image': { request: z.object({ packId, path: z.string().min(1).max(200) }).strict(), response: null as unknown as { dataUrl: string | null } },
  'submissions:export': {
    request: z
      .object({ packId, lessonId, graph: GraphSchema, answers: answersSchema, student: z.string().max(200).optional(), report: z.unknown().optional() })
      .strict(),
    response: null as unknown as { fileName: string; text: string },
  },
  'submissions:regrade': { request: z.object({ fileName: z.string().min(1).max(200), text: z.string().max(MAX_SUBMISSION_CHARS) }).strict(), response: null as unknown as SubmissionRegrade },
  /** The renderer reports unsaved changes (asked about on close) and its language (the menu's). */
  'shell:report': { request: ShellReportSchema, response: null as unknown as Record<string, never> },
  /** Files the operating system handed over since the last call (desktop app; always empty in the browser). */
  'shell:takeOpenedFiles': { request: z.object({}).strict(), response: null as unknown as OpenedFile[] },
  /**
   * Class results: re-grades one batch of picked submission files with an installed pack, in workers
   * (the host's job limit applies), pushing onDidClassResultsProgress; answers the batch's grades CSV.
   * The renderer sends a folder in batches, each under MAX_PAYLOAD_BYTES.
   */
  'classResults:grade': {
    request: z
      .object({
        jobId: runId,
        packId,
        files: z
          .array(z.object({ fileName: z.string().min(1).max(300), text: z.string().max(MAX_SUBMISSION_CHARS) }).strict())
          .min(1)
          .max(CLASS_BATCH_FILES_MAX, `expected at most ${CLASS_BATCH_FILES_MAX} files in one batch`),
      })
      .strict(),
    /**
     * errors: per file that could not be graded, its error as a key of ERROR_TEXTS (the CSV has the English);
     * notes: per file graded with another installed pack (the one it names), what its row says of it, as keys of GRADE_TEXTS.
     */
    response: null as unknown as { csv: string; errors?: Record<string, { text: ErrorMessage; issues?: readonly Issue[] }>; notes?: Record<string, GradeMessage[]> },
  },
  /** Stops a classResults:grade batch; cancelled is false when no such batch is running. */
  'classResults:cancel': { request: z.object({ jobId: runId }).strict(), response: null as unknown as { cancelled: boolean } },
  /** Studio: the draft packs kept in the data folder. */
  'studio:list': { request: z.object({}).strict(), response: null as unknown as StudioDraftInfo[] },
  /**
   * Studio: a new draft, empty or duplicated from an installed pack (`fromPackId`); refused when the id is taken.
   * `titleLocale`: the language the title was typed in (the app's), whose field it fills (English when absent).
   */
  'studio:create': {
    request: z.object({ id: StudioPackIdSchema, title: z.string().min(1).max(200), titleLocale: z.enum(APP_LOCALES).optional(), fromPackId: packId.optional() }).strict(),
    response: null as unknown as StudioDraft,
  },
  /** Studio: a draft to edit, as main holds it. */
  'studio:open': { request: z.object({ id: StudioPackIdSchema }).strict(), response: null as unknown as StudioDraft },
  /** Studio: the author's edits; main keeps the draft (atomically, in the data folder) and answers its problems as a pack. */
  'studio:update': { request: z.object({ draft: StudioDraftSchema }).strict(), response: null as unknown as { problems: StudioProblem[] } },
  /** Studio: writes the draft's pack folder when it validates; the problems otherwise. */
  'studio:save': { request: z.object({ id: StudioPackIdSchema }).strict(), response: null as unknown as { problems: StudioProblem[]; isPackWritten: boolean } },
  /** Studio: the draft as a pack zip (base64), refused with its problems when it does not validate. */
  'studio:export': { request: z.object({ id: StudioPackIdSchema }).strict(), response: null as unknown as { fileName: string; zipBase64: string } },
  /** Studio: grades a draft lesson's starter and reference on `seeds` seeds in a worker, pushing onDidStudioVerifyProgress. */
  'studio:verify': {
    request: z.object({ jobId: runId, id: StudioPackIdSchema, lessonIndex: z.number().int().min(0).max(STUDIO_LIMITS.lessonsMax - 1), seeds: z.number().int().min(1).max(STUDIO_LIMITS.seedsMax) }).strict(),
    response: null as unknown as VerifyResult,
  },
  /** Studio: stops a verification; cancelled is false when none with that id is running. */
  'studio:cancel': { request: z.object({ jobId: runId }).strict(), response: null as unknown as { cancelled: boolean } },
} as const satisfies Record<Channel, { request: z.ZodType; response: unknown }>;

export type RequestOf<C extends Channel> = z.input<(typeof channels)[C]['request']>;
export type ParsedRequestOf<C extends Channel> = z.output<(typeof channels)[C]['request']>;
export type ResponseOf<C extends Channel> = (typeof channels)[C]['response'];

export { CHANNELS, EVENT_NAMES, makeApi, methodName } from './api';
export type { Channel, EventName, Events, StateLabApi } from './api';

export const isChannel = (value: unknown): value is Channel =>
  typeof value === 'string' && Object.prototype.hasOwnProperty.call(channels, value);

/** Size bound on any single payload, before parsing: its JSON, in UTF-8 bytes. */
export const MAX_PAYLOAD_BYTES = 8_000_000;
/** Room for a bridge call's envelope (`{"id":…,"channel":…,"payload":…}`) around the payload. */
export const BRIDGE_ENVELOPE_BYTES = 1024;
/** The browser host's bound on one WebSocket frame; the renderer never sends a payload that would exceed it. */
export const MAX_BRIDGE_FRAME_BYTES = MAX_PAYLOAD_BYTES + BRIDGE_ENVELOPE_BYTES;
