import { failureText } from '../i18n/useErrorText';
import { useTranslation } from 'react-i18next';
/**
 * The file session: which saved design is open, whether there are unsaved edits, the dialogs,
 * autosave and the restore offer. Nothing here replaces the edited document until the new one
 * has been read and validated in full, so a bad file never costs the student their work.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph } from '../../../shared/graph';
import type { AutosaveRecord, DesignFileInfo } from '../../../shared/ipc';
import type { Editor } from '../editor/useEditor';
import { downloadText, readGraphFile } from './localFile';

/** Edits reach the data folder this long after the last one (the issue asks for "a couple of seconds"). */
export const AUTOSAVE_DELAY_MS = 800;

export type FileDialog = { kind: 'open'; files: DesignFileInfo[]; recent: string[]; error?: string } | { kind: 'saveAs'; error?: string } | { kind: 'confirmNew' };

export const emptyGraph = (): Graph => ({ format: GRAPH_FORMAT, version: GRAPH_VERSION, nodes: [], edges: [] });

/** Replaces the canvas with a design the student opened: at once, or once the lesson being opened is on the canvas. */
export type WhenCanvasFree = (apply: () => void, fileName?: string) => void;
const atOnce: WhenCanvasFree = (apply) => apply();

/**
 * `lessonId` is the lesson on the canvas (null for a design of one's own): a lesson's work is kept
 * by the lesson session, so only designs outside lessons autosave here. `notify` shows a warning
 * the student must see (a data folder that cannot be written). A design opened, restored or started
 * while a lesson is opening goes on the canvas through `whenCanvasFree`: the lesson's work, arriving
 * a moment later, used to replace it without a word.
 */
export function useFiles(api: StateLabApi, editor: Editor, lessonId: string | null, onLeaveLesson: () => void, notify: (message: string) => void, whenCanvasFree: WhenCanvasFree = atOnce) {
  const { t, i18n } = useTranslation('app');
  // The desktop app has native dialogs for files anywhere on the computer; the browser host has the picker and downloads.
  const [isDesktop, setDesktop] = useState(false);
  useEffect(() => {
    void api.appInfo({}).then((info) => setDesktop(info.ok && info.value.host === 'electron'));
  }, [api]);
  const [name, setName] = useState<string | null>(null);
  const [baseline, setBaseline] = useState<Graph>(editor.doc);
  const [dialog, setDialog] = useState<FileDialog>();
  const [error, setError] = useState<string>();
  const [restoreOffer, setRestoreOffer] = useState<AutosaveRecord>();
  const [isArmed, setArmed] = useState(false);
  const { doc, reset, replace } = editor;
  /** One warning per streak of failed autosaves, not one every 0.8 s. */
  const isAutosaveFailing = useRef(false);
  const isDirty = doc !== baseline;

  /** Starts a document: the editor shows it, it is the new "saved" state. */
  const adopt = useCallback(
    (graph: Graph, newName: string | null) => {
      reset(graph);
      setBaseline(graph);
      setName(newName);
      setError(undefined);
    },
    [reset],
  );

  /**
   * Called once the lesson is on screen. Reading the offer moves the previous session's work aside
   * (the host keeps it until Restore or Discard), so this session's autosaves may start: editing
   * while the offer is up can no longer overwrite what Restore would bring back.
   */
  const checkAutosave = useCallback(async () => {
    const found = await api.autosaveRead({});
    if (found.ok && found.value) setRestoreOffer(found.value);
    setArmed(true);
  }, [api]);

  useEffect(() => {
    if (!isArmed || lessonId !== null) return;
    const timer = window.setTimeout(() => {
      if (doc === baseline) return void api.autosaveClear({});
      void api.autosaveWrite({ graph: doc, name, lessonId }).then((result) => {
        const warning = result.ok ? result.value.warning && failureText(result.value.warning, i18n.language) : t('autosaveFailed', { reason: failureText(result.error, i18n.language) });
        if (warning && !isAutosaveFailing.current) notify(warning);
        isAutosaveFailing.current = warning !== undefined;
      });
    }, AUTOSAVE_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [api, doc, baseline, name, lessonId, isArmed, notify]);

  const picker = useRef<HTMLInputElement | null>(null);

  const actions = {
    /** One undoable step: what was on the canvas comes back with Undo. */
    restore() {
      if (!restoreOffer) return;
      const offer = restoreOffer;
      setRestoreOffer(undefined);
      void api.autosaveDismissPrevious({});
      whenCanvasFree(() => {
        replace(offer.graph);
        setName(offer.name);
        if (offer.lessonId !== lessonId) onLeaveLesson();
        notify(t('restored'));
      });
    },
    discardRestore() {
      setRestoreOffer(undefined);
      void api.autosaveDismissPrevious({});
    },
    requestNew() {
      if (isDirty) setDialog({ kind: 'confirmNew' });
      else actions.newDesign();
    },
    newDesign() {
      setDialog(undefined);
      whenCanvasFree(() => {
        adopt(emptyGraph(), null);
        onLeaveLesson();
      });
    },
    async save() {
      if (!name) return setDialog({ kind: 'saveAs' });
      const saved = await api.filesSave({ name, graph: doc });
      if (saved.ok) setBaseline(doc);
      else setError(t('couldNotSave', { name, reason: failureText(saved.error, i18n.language) }));
      if (saved.ok && saved.value.warning) notify(failureText(saved.value.warning, i18n.language));
    },
    async saveAs(newName: string) {
      const saved = await api.filesSave({ name: newName, graph: doc });
      if (!saved.ok) return setDialog({ kind: 'saveAs', error: failureText(saved.error, i18n.language) });
      setName(saved.value.name);
      setBaseline(doc);
      setDialog(undefined);
      if (saved.value.warning) notify(failureText(saved.value.warning, i18n.language));
    },
    async showOpen() {
      const [files, recent] = await Promise.all([api.filesList({}), api.filesRecent({})]);
      setDialog({ kind: 'open', files: files.ok ? files.value : [], recent: recent.ok ? recent.value : [], error: files.ok ? undefined : failureText(files.error, i18n.language) });
    },
    async open(fileName: string) {
      const opened = await api.filesOpen({ name: fileName });
      if (!opened.ok) {
        setDialog((d) => (d?.kind === 'open' ? { ...d, error: t('couldNotOpen', { name: fileName, reason: failureText(opened.error, i18n.language) }) } : d));
        return;
      }
      setDialog(undefined);
      const { graph, name: openedName, warning } = opened.value;
      whenCanvasFree(() => {
        adopt(graph, openedName);
        onLeaveLesson();
      }, openedName);
      if (warning) notify(failureText(warning, i18n.language));
    },
    async pickFile() {
      setDialog(undefined);
      if (!isDesktop) return picker.current?.click();
      const opened = await api.filesOpenExternal({});
      if (!opened.ok) setError(t('couldNotOpenFile', { reason: failureText(opened.error, i18n.language) }));
      else if (opened.value) {
        const { graph, fileName } = opened.value;
        whenCanvasFree(() => {
          adopt(graph, null);
          onLeaveLesson();
        }, fileName);
      }
    },
    async openPicked(file: File) {
      try {
        const graph = await readGraphFile(file);
        whenCanvasFree(() => {
          adopt(graph, null);
          onLeaveLesson();
        }, file.name);
      } catch (e) {
        setError(t('couldNotOpen', { name: file.name, reason: failureText(e, i18n.language) }));
      }
    },
    async download() {
      if (!isDesktop) return downloadText(`${name ?? 'design'}.statelab.json`, `${JSON.stringify(doc, null, 2)}\n`);
      const saved = await api.filesSaveExternal({ graph: doc, suggestedName: name ?? 'design' });
      if (!saved.ok) setError(t('couldNotSaveFile', { reason: failureText(saved.error, i18n.language) }));
    },
  };

  return { name, isDirty, dialog, setDialog, error, setError, restoreOffer, picker, adopt, checkAutosave, ...actions };
}

export type Files = ReturnType<typeof useFiles>;
