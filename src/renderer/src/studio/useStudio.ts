/**
 * The studio's state in the renderer: the draft the main process holds (a copy edited here and
 * sent back, debounced, on every change), its problems as a pack, and the live verification of
 * the lesson being edited (starter and reference graded on N seeds in a worker; a new edit cancels
 * the verification under way and starts another once the lesson validates).
 */
import { produce, type Draft } from 'immer';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { z } from 'zod';
import type { StateLabApi } from '../../../shared/api';
import type { LessonSchema } from '../../../shared/lesson';
import { STUDIO_LIMITS, StudioDraftSchema, type StudioDraft, type StudioLesson, type StudioProblem, type VerifyResult } from '../../../shared/studio';
import { useErrorText } from '../i18n/useErrorText';
import type { AppLocale } from '../../../shared/i18n';

/** A lesson document as the studio edits it: the lesson schema's input, possibly incomplete. */
export type LessonDoc = z.input<typeof LessonSchema>;

export type VerifyState =
  | { state: 'idle' }
  | { state: 'running'; fraction: number; queuePosition?: number }
  | { state: 'done'; result: VerifyResult; isStale?: boolean }
  | { state: 'error'; message: string };

/**
 * What the panel shows right after an edit: the last result, marked as from before the edit (it is
 * graded again once the lesson validates); a run the edit cancelled shows nothing rather than its progress.
 */
export function staleAfterEdit(verify: VerifyState): VerifyState {
  if (verify.state === 'done') return verify.isStale ? verify : { ...verify, isStale: true };
  return verify.state === 'running' ? { state: 'idle' } : verify;
}

const UPDATE_DELAY_MS = 400;

/** Where an edit still waiting as the page went is kept until its draft is opened again. */
const PENDING_EDIT_KEY = 'statelab.studio.pendingEdit';
function keepPendingEdit(draft: StudioDraft): void {
  try {
    localStorage.setItem(PENDING_EDIT_KEY, JSON.stringify(draft));
  } catch {
    // Storage full or unavailable: the edit is still sent, and may arrive.
  }
}
/** The kept edit of draft `id`, if any (read once); what the page's storage holds is checked like any draft from outside. */
function takePendingEdit(id: string): StudioDraft | undefined {
  try {
    const text = localStorage.getItem(PENDING_EDIT_KEY);
    if (text === null) return undefined;
    const parsed = StudioDraftSchema.safeParse(JSON.parse(text));
    // Another draft's edit waits for that draft; one that no longer reads is dropped.
    if (parsed.success && parsed.data.id !== id) return undefined;
    localStorage.removeItem(PENDING_EDIT_KEY);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
const VERIFY_DELAY_MS = 800;
let jobSerial = 0;

/** Files of lesson `index` in the pack the draft is written as (src/main/packs/studioDraft.ts names them). */
export const lessonFilePrefix = (index: number) => `${String(index + 1).padStart(2, '0')}-`;
export const isLessonProblem = (problem: StudioProblem, index: number) => {
  const name = problem.file.split('/').pop() ?? '';
  return name.startsWith(lessonFilePrefix(index));
};

/**
 * What the canvas is told when the studio turns to a lesson (a draft opened or made, another lesson
 * picked): that lesson, to show its starter; the old design stayed there, though it was no part of it.
 * `isOnCanvas`: a lesson just added from the canvas, whose starter the canvas already is.
 */
export type ShowLesson = (entry: StudioLesson, index: number, isOnCanvas?: boolean) => void;

export function useStudio(api: StateLabApi, onShowLesson?: ShowLesson) {
  // What main refuses (a pack that cannot be exported yet, with its problems) reads in the author's language.
  const errorText = useErrorText();
  const [draft, setDraft] = useState<StudioDraft>();
  const [lessonIndex, setLessonIndex] = useState(0);
  const [problems, setProblems] = useState<StudioProblem[]>([]);
  const [verify, setVerify] = useState<VerifyState>({ state: 'idle' });
  const [seeds, setSeeds] = useState<number>(STUDIO_LIMITS.seedsDefault);
  const [message, setMessage] = useState<{ text: string; isError: boolean }>();
  /** While on, a click on a canvas node locks or unlocks it in the lesson. */
  const [isLockMode, setLockMode] = useState(false);
  const updateTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const verifyTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const runningJob = useRef<string>(undefined);
  const latest = useRef<{ draft?: StudioDraft; lessonIndex: number; seeds: number; problems: typeof problems }>({ lessonIndex: 0, seeds, problems });
  latest.current = { draft, lessonIndex, seeds, problems };
  const showLesson = useRef(onShowLesson);
  showLesson.current = onShowLesson;

  const cancelVerify = useCallback(() => {
    clearTimeout(verifyTimer.current);
    if (runningJob.current) void api.studioCancel({ jobId: runningJob.current });
    runningJob.current = undefined;
  }, [api]);

  const runVerify = useCallback(async () => {
    const { draft: current, lessonIndex: index, seeds: count } = latest.current;
    if (!current || !current.lessons[index]) return;
    cancelVerify();
    const jobId = `verify-${++jobSerial}`;
    runningJob.current = jobId;
    setVerify({ state: 'running', fraction: 0 });
    const off = api.on('onDidStudioVerifyProgress', (p) => {
      if (p.jobId === jobId) setVerify({ state: 'running', fraction: p.fraction, ...(p.queuePosition ? { queuePosition: p.queuePosition } : {}) });
    });
    const result = await api.studioVerify({ jobId, id: current.id, lessonIndex: index, seeds: count });
    off();
    if (runningJob.current !== jobId) return; // a newer edit took over
    runningJob.current = undefined;
    setVerify(result.ok ? { state: 'done', result: result.value } : result.error.code === 'cancelled' ? { state: 'idle' } : { state: 'error', message: errorText(result.error) });
  }, [api, errorText, cancelVerify]);

  const send = useCallback(
    async (next: StudioDraft) => {
      const result = await api.studioUpdate({ draft: next });
      if (!result.ok) return setMessage({ text: errorText(result.error), isError: true });
      setProblems(result.value.problems);
      const index = latest.current.lessonIndex;
      if (next.lessons[index] && !result.value.problems.some((p) => isLessonProblem(p, index))) {
        clearTimeout(verifyTimer.current);
        verifyTimer.current = setTimeout(() => void runVerify(), VERIFY_DELAY_MS);
      }
    },
    [api, errorText, runVerify],
  );

  /** Every edit: a recipe over the whole draft; main gets the result a moment later. */
  const edit = useCallback(
    (recipe: (d: Draft<StudioDraft>) => void) => {
      setDraft((current) => {
        if (!current) return current;
        const next = produce(current, recipe);
        clearTimeout(updateTimer.current);
        cancelVerify();
        setVerify(staleAfterEdit);
        updateTimer.current = setTimeout(() => {
          updateTimer.current = undefined;
          void send(next);
        }, UPDATE_DELAY_MS);
        return next;
      });
    },
    [send, cancelVerify],
  );
  const editLesson = useCallback(
    (recipe: (lesson: Draft<LessonDoc>, entry: Draft<StudioLesson>) => void) =>
      edit((d) => {
        const entry = d.lessons[latest.current.lessonIndex];
        if (entry) recipe(entry.lesson as Draft<LessonDoc>, entry);
      }),
    [edit],
  );

  const toggleLocks = useCallback(
    (ids: Iterable<string>) =>
      editLesson((l) => {
        const next = new Set(l.locked ?? []);
        for (const id of ids) {
          if (next.has(id)) next.delete(id);
          else next.add(id);
        }
        l.locked = [...next];
      }),
    [editLesson],
  );

  /** Locks or unlocks one top-level prop of a node (lockedProps drops a node with none left). */
  const toggleLockedProp = useCallback(
    (nodeId: string, key: string) =>
      editLesson((l) => {
        const all = { ...(l.lockedProps ?? {}) };
        const keys = new Set(all[nodeId] ?? []);
        if (keys.has(key)) keys.delete(key);
        else keys.add(key);
        if (keys.size > 0) all[nodeId] = [...keys];
        else delete all[nodeId];
        l.lockedProps = all;
      }),
    [editLesson],
  );

  const adopt = useCallback(
    (value: StudioDraft) => {
      setDraft(value);
      setLessonIndex(0);
      // A draft with no lesson yet keeps the canvas: its help says the canvas becomes the first lesson's starter.
      if (value.lessons[0]) showLesson.current?.(value.lessons[0], 0);
      setVerify({ state: 'idle' });
      setMessage(undefined);
      void send(value);
    },
    [send],
  );
  const open = useCallback(
    /** Opens a stored draft; why it could not, in the app's language, when it could not. */
    async (id: string): Promise<string | undefined> => {
      const result = await api.studioOpen({ id });
      if (!result.ok) return errorText(result.error);
      adopt(takePendingEdit(id) ?? result.value);
      return undefined;
    },
    [api, errorText, adopt],
  );
  const create = useCallback(
    /** `titleLocale`: the language the title was typed in, whose field it fills. */
    async (id: string, title: string, fromPackId?: string, titleLocale?: AppLocale): Promise<string | undefined> => {
      const result = await api.studioCreate({ id, title, ...(titleLocale ? { titleLocale } : {}), ...(fromPackId ? { fromPackId } : {}) });
      if (!result.ok) return errorText(result.error);
      adopt(result.value);
      return undefined;
    },
    [api, errorText, adopt],
  );
  /**
   * Sends any edit still waiting, so Save and Export act on what the author sees. Main holds the draft
   * as sent otherwise: sending it again would grade the lesson again for nothing, the live panel's
   * results giving way to its progress after every Save or Export.
   */
  const flush = useCallback(async () => {
    if (updateTimer.current === undefined) return;
    clearTimeout(updateTimer.current);
    updateTimer.current = undefined;
    if (latest.current.draft) await send(latest.current.draft);
  }, [send]);
  // A reload or a closed window within the debounce would lose the last keystrokes: an edit still
  // waiting is kept in the page's storage as the page goes (a message to main may not leave in
  // time) and sent again when the draft is next opened.
  useEffect(() => {
    const keep = () => {
      if (updateTimer.current === undefined || !latest.current.draft) return;
      keepPendingEdit(latest.current.draft);
      void flush();
    };
    window.addEventListener('pagehide', keep);
    return () => window.removeEventListener('pagehide', keep);
  }, [flush]);
  const save = useCallback(async () => {
    if (!draft) return undefined;
    await flush();
    const result = await api.studioSave({ id: draft.id });
    if (!result.ok) return setMessage({ text: errorText(result.error), isError: true });
    setProblems(result.value.problems);
    setMessage({ text: result.value.isPackWritten ? 'saved' : 'savedDraftOnly', isError: !result.value.isPackWritten });
  }, [api, errorText, draft, flush]);
  const exportZip = useCallback(async (): Promise<{ fileName: string; zipBase64: string } | undefined> => {
    if (!draft) return undefined;
    await flush();
    const result = await api.studioExport({ id: draft.id });
    if (!result.ok) {
      setMessage({ text: errorText(result.error), isError: true });
      return undefined;
    }
    setMessage({ text: 'exported', isError: false });
    return result.value;
  }, [api, errorText, draft, flush]);
  const close = useCallback(() => {
    cancelVerify();
    // An edit still waiting for its debounce is kept before the studio closes.
    void flush();
    setDraft(undefined);
    setLockMode(false);
    setProblems([]);
    setVerify({ state: 'idle' });
  }, [cancelVerify, flush]);
  const pickLesson = useCallback(
    (index: number) => {
      cancelVerify();
      // A lesson just added is not in the draft read here yet: its starter is the canvas already.
      const entry = latest.current.draft?.lessons[index];
      if (entry && index !== latest.current.lessonIndex) showLesson.current?.(entry, index);
      setLessonIndex(index);
      setVerify({ state: 'idle' });
      // The live panel grades the lesson picked a moment later, as after an edit, once it validates:
      // it stayed idle until the first edit, so a lesson opened to check it showed nothing.
      if (latest.current.draft?.lessons[index] && !latest.current.problems.some((p) => isLessonProblem(p, index))) {
        verifyTimer.current = setTimeout(() => void runVerify(), VERIFY_DELAY_MS);
      }
    },
    [cancelVerify, runVerify],
  );

  /** Adds a lesson at the end and turns to it; its starter is the canvas, which is told so (what it said of the lesson before no longer holds). */
  const addLesson = useCallback(
    (entry: StudioLesson) => {
      const current = latest.current.draft;
      if (!current) return;
      const index = current.lessons.length;
      edit((d) => void d.lessons.push(entry as Draft<StudioLesson>));
      cancelVerify();
      setLessonIndex(index);
      setVerify({ state: 'idle' });
      showLesson.current?.(entry, index, true);
    },
    [edit, cancelVerify],
  );

  useEffect(() => () => cancelVerify(), [cancelVerify]);

  const lesson = draft?.lessons[lessonIndex];
  return { draft, lessonIndex, lesson, lessonDoc: lesson?.lesson as LessonDoc | undefined, problems, verify, seeds, setSeeds, isLockMode, setLockMode, toggleLocks, toggleLockedProp, message, setMessage, edit, editLesson, open, create, save, exportZip, close, pickLesson, addLesson, runVerify };
}
export type Studio = ReturnType<typeof useStudio>;
