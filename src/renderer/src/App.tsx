import { useGradedRun } from './lab/useGradedRun';
import { failureText } from './i18n/useErrorText';
import { ReactFlowProvider } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { StateLabApi } from '../../shared/api';
import { NODE_KINDS, type EdgeKind, type NodeKind } from '../../shared/graph';
import type { Graph } from '../../shared/graph';
import type { MetricName } from '../../shared/metrics';
import { localize } from '../../shared/i18n';
import type { Scenario } from '../../shared/scenario';
import { addEdge, addNode, type NodeNaming } from './editor/commands';
import { ConnectDialog } from './editor/ConnectDialog';
import { EditorCanvas } from './editor/EditorCanvas';
import { EditorToolbar } from './editor/EditorToolbar';
import { HelpOverlay } from './editor/HelpOverlay';
import { useLocale } from './i18n/LocaleContext';
import { listSeparator } from './i18n/format';
import { useTranslation } from 'react-i18next';
import { LanguagePicker } from './i18n/LanguagePicker';
import type { NoticeState } from './editor/Notice';
import { useEditor } from './editor/useEditor';
import { useShortcuts } from './editor/useShortcuts';
import { fileNameOf, type DiagramWords } from './files/diagramSvg';
import { useDomain } from './i18n/useDomain';
import { exportDiagram } from './files/exportImage';
import { FileBar } from './files/FileBar';
import { ConfirmDialog, OpenDialog, SaveAsDialog } from './files/FileDialogs';
import { downloadUrl } from './files/localFile';
import { RestoreBanner } from './files/RestoreBanner';
import { emptyGraph, useFiles, type WhenCanvasFree } from './files/useFiles';
import { LessonHeaderTitle } from './lesson/LessonHeaderTitle';
import { LessonSidebar } from './lesson/LessonSidebar';
import { PacksDialog } from './lesson/PacksDialog';
import { useLessonSession } from './lesson/useLessonSession';
import { Palette } from './palette/Palette';
import { InvalidFields, InvalidFieldsContext } from './properties/invalidFields';
import { PropertiesPanel } from './properties/PropertiesPanel';
import { LabBench } from './lab/LabBench';
import { lessonChartMetrics } from './lab/series';
import type { TraceRequest } from './lab/trace/TracePanel';
import { PanelToggle } from './layout/PanelToggle';
import { isPropertiesOpen, usePanelPrefs } from './layout/panelPrefs';
import { SplitBench } from './layout/SplitBench';
import { useHeldWhilePressed } from './layout/useHeldWhilePressed';
import { benchShortfallPx } from './lab/benchFit';
import { LiveStateProvider } from './lab/LiveContext';
import { useFaultMenu } from './lab/useFaultMenu';
import { useLab } from './lab/useLab';
import type { SubmissionRegrade } from '../../shared/ipc';
import type { OpenedFile } from '../../shared/shell';
import { RegradeDialog } from './lesson/RegradeDialog';
import { useShell } from './shell/useShell';
import { ClassResultsDialog } from './classResults/ClassResultsDialog';
import { useOpenStudentDesign } from './classResults/useOpenStudentDesign';
import { StudioHeaderTitle } from './studio/StudioHeaderTitle';
import { StudioPanel } from './studio/StudioPanel';
import { StudioStart } from './studio/StudioStart';
import { useStudio } from './studio/useStudio';
import { StarterShown, StudioLessonsContext } from './studio/StarterShown';
import type { StudioLesson } from '../../shared/studio';
import { useScenarioEdits } from './studio/useScenarioEdits';
import { ScenarioSchema } from '../../shared/scenario';
import { NodeNamesSchema, nodeNamer } from '../../shared/nodeNames';
import { DesignNamerProvider, NodeNamesProvider } from './i18n/nodeNames';

/** The workload a design outside any lesson runs under. */
const FREE_SCENARIO: Scenario = { seed: 42, durationMs: 30_000, faults: [] };
const NO_LOCKS: ReadonlySet<string> = new Set();
const NO_PROP_LOCKS: Readonly<Record<string, readonly string[]>> = {};
const NO_METRICS: readonly MetricName[] = [];

export function App({ api }: { api: StateLabApi }) {
  const { t, i18n } = useTranslation('app');
  const [isInLesson, setInLesson] = useState(true);
  const [isPacksOpen, setPacksOpen] = useState(false);
  // While a lesson's work is on its way the editor takes no edit: it is about to replace the canvas.
  const isCanvasPendingNow = useRef<() => boolean>(() => false);
  const isFrozen = useCallback(() => isCanvasPendingNow.current(), []);
  const editor = useEditor(emptyGraph(), isFrozen);
  // The session adopts a lesson's graph through the file layer, which is created below.
  const adoptRef = useRef<(graph: Graph) => void>(undefined);
  const onAdopt = useCallback((graph: Graph) => adoptRef.current?.(graph), []);
  const [notice, setNotice] = useState<NoticeState>();
  const say = useCallback((message: ReactNode, isInfo = false) => setNotice((n) => ({ message, x: 16, y: 16, serial: (n?.serial ?? 0) + 1, isInfo })), []);
  // The studio turning to a lesson puts that lesson's starter on the canvas (one edit: Undo brings back what was there).
  const showStudioLesson = useCallback(
    (entry: StudioLesson, index: number, isOnCanvas?: boolean) => {
      if (!isOnCanvas) editor.replace(entry.starter);
      say(<StarterShown lesson={entry.lesson} index={index} isNew={isOnCanvas} />, true);
    },
    [editor, say],
  );
  const studio = useStudio(api, showStudioLesson);
  const isStudio = studio.draft !== undefined;
  // The studio's canvas is the author's scratch space: it is never saved as the open lesson's work.
  const session = useLessonSession(api, editor.doc, isInLesson && !isStudio, onAdopt, say);
  isCanvasPendingNow.current = session.isCanvasPendingNow;
  /** The studio's start dialog, optionally with a pack to duplicate. */
  const [studioStart, setStudioStart] = useState<{ from?: string }>();
  const { lesson, loadError } = session;
  // In the studio the author edits freely: the lesson's locks and palette are what they are writing.
  const isLessonFrame = Boolean(lesson && isInLesson && !isStudio);
  const studioLocks = studio.isLockMode ? studio.lessonDoc?.locked : undefined;
  const locked = useMemo(() => (studioLocks ? new Set(studioLocks) : lesson && isLessonFrame ? new Set(lesson.locked) : NO_LOCKS), [lesson, isLessonFrame, studioLocks]);
  const studioPropLocks = studio.isLockMode ? studio.lessonDoc?.lockedProps : undefined;
  const lockedProps = useMemo(() => studioPropLocks ?? (lesson && isLessonFrame ? lesson.lockedProps : NO_PROP_LOCKS), [lesson, isLessonFrame, studioPropLocks]);
  const palette: readonly NodeKind[] = lesson && isLessonFrame ? lesson.palette : NODE_KINDS;
  const studioScenario = useMemo(() => {
    const parsed = ScenarioSchema.safeParse((studio.lessonDoc as { scenario?: unknown } | undefined)?.scenario);
    return parsed.success ? parsed.data : undefined;
  }, [studio.lessonDoc]);
  const leaveLesson = useCallback(() => setInLesson(false), []);
  // A design opened while a lesson is opening waits for the lesson's work, then replaces it (the
  // student's last wish wins, and the lesson's work is already kept); meanwhile the canvas's
  // "Opening the lesson…" says it is coming.
  const { whenCanvasFree } = session;
  const [waitingDesign, setWaitingDesign] = useState<{ fileName?: string }>();
  const afterLessonOpens = useCallback<WhenCanvasFree>(
    (apply, fileName) => {
      const isNow = whenCanvasFree(() => {
        setWaitingDesign(undefined);
        apply();
      });
      if (!isNow) setWaitingDesign({ fileName });
    },
    [whenCanvasFree],
  );
  const files = useFiles(api, editor, lesson && isInLesson ? lesson.lessonId : null, leaveLesson, say, afterLessonOpens);
  // A property field showing a refused value stops Run (the document still holds the old value).
  const invalidFields = useMemo(() => new InvalidFields(), []);
  // "Predict before you run": a lesson's predictions are answered before its first run.
  const runGate = !isStudio && lesson && isInLesson && session.unansweredPredictions > 0 ? t('predictFirst', { count: session.unansweredPredictions }) : undefined;
  const refuseRun = useCallback(() => runGate ?? invalidFields.refuse((field, owner) => t('fixFirst', { field, owner })), [invalidFields, t, runGate]);
  const labScenario = isStudio ? (studioScenario ?? FREE_SCENARIO) : lesson && isInLesson && session.scenario ? session.scenario : FREE_SCENARIO;
  // The lesson's graded metrics start as charts under the canvas (not in the studio or a free design).
  const lessonMetrics = useMemo(() => (lesson && isInLesson && !isStudio ? lessonChartMetrics(lesson) : NO_METRICS), [lesson, isInLesson, isStudio]);
  const labContext = isStudio ? `studio:${studio.draft?.id ?? ''}/${studio.lessonIndex}` : lesson && isInLesson ? `lesson:${lesson.packId}/${lesson.lessonId}` : 'design';
  const lab = useLab(api, editor.doc, labScenario, refuseRun, labContext, editor.record);
  const faultMenu = useFaultMenu(lab, editor.doc, editor.selection.nodes);
  const [isClassResultsOpen, setClassResultsOpen] = useState(false);
  // A student's design replaces the lesson's canvas as one edit: Undo brings the instructor's own work back.
  // The lesson's results graded the design it replaced: they go (the student's grade is in the dashboard).
  const { clearReport } = session;
  const showStudentDesign = useCallback(
    (graph: Graph, design: { packId: string; lessonId: string }) => {
      clearReport(design.packId, design.lessonId);
      editor.replace(graph);
      say(t('studentDesignShown'), true);
    },
    [editor, say, clearReport],
  );
  // An instructor looking at a student's design is not the student's first run: no prediction
  // gate; the design runs under the lesson's scenario as the grade ran it.
  const studentLab = useMemo(
    () => ({ run: lab.run, runFromStart: async () => void (await lab.showRun({ graph: editor.doc, scenario: labScenario })), pause: lab.pause, seek: lab.seek }),
    [lab, editor.doc, labScenario],
  );
  const openStudentDesign = useOpenStudentDesign(session.open, showStudentDesign, studentLab);
  const [connectKind, setConnectKind] = useState<EdgeKind>('request');
  const [snapToGrid, setSnapToGrid] = useState(true);
  const [isHelpOpen, setHelpOpen] = useState(false);
  const canvasApi = useRef<{ sizes(): Map<string, { width: number; height: number }>; fitView(): void }>(undefined);
  const { locale, setLocale } = useLocale();
  // The note over the canvas names the lesson opening when it is one of the shown lesson's pack ("Opening lesson 1: …").
  const openingIndex = session.openingLesson && lesson?.packId === session.openingLesson.packId ? lesson.pack.lessons.findIndex((l) => l.id === session.openingLesson!.lessonId) : -1;
  const openingNote = openingIndex >= 0 && lesson ? t('openingNamedLesson', { number: openingIndex + 1, title: localize(lesson.pack.lessons[openingIndex]!.title, locale) }) : t('openingLesson');
  /** A design the OS asked to open while the current one has unsaved changes: confirm first. */
  const [pendingDesign, setPendingDesign] = useState<Extract<OpenedFile, { kind: 'design' }>>();
  const [regrade, setRegrade] = useState<SubmissionRegrade>();
  const [connectFrom, setConnectFrom] = useState<string>();
  const panels = usePanelPrefs();
  // Until something is selected, the properties panel waits as a rail (unless the student opened
  // it): the canvas keeps the room a lesson's design needs to read at 1280×720. A press that selects
  // opens it when the pointer is let go, so the refit never moves the design under a click or a
  // drag; once open it stays for this design (a deselect does not fold it again, which refitted the
  // design at every select and deselect and moved what the student was about to click), and the
  // next design or lesson opened starts with the rail again.
  const hasSelection = useHeldWhilePressed(editor.selection.nodes.size + editor.selection.edges.size > 0);
  const [propertiesOpenedFor, setPropertiesOpenedFor] = useState<number>();
  useEffect(() => {
    if (hasSelection) setPropertiesOpenedFor(editor.loadSerial);
  }, [hasSelection, editor.loadSerial]);
  const isPropertiesShown = isPropertiesOpen(panels.propertiesMode, hasSelection || propertiesOpenedFor === editor.loadSerial);
  const showLesson = Boolean(lesson && isInLesson) && !isStudio;
  const canvasBox = useRef<HTMLElement>(null);
  const { adopt, checkAutosave } = files;
  adoptRef.current = (graph) => {
    setInLesson(true);
    adopt(graph, null);
  };
  const { openInitial } = session;
  /** Leaves the studio; the lesson the student was in comes back with their own work on the canvas. */
  const closeStudio = useCallback(() => {
    studio.close();
    if (lesson && isInLesson) void session.open(lesson.packId, lesson.lessonId);
  }, [studio, lesson, isInLesson, session]);

  // "Show me" from a failed check: the graded run, paused where the check first failed (useGradedRun).
  const { showMe, inGradedRun } = useGradedRun(lab, session.report, session.graded);

  // The request trace panel (issue 17), and "show a failing request" from a failed check: in the
  // graded run, at the check's first violation, trace the first request failing after it.
  const [trace, setTrace] = useState<{ initial?: TraceRequest; serial: number }>();
  // A trace belongs to the run it came from, which goes when another lesson takes the canvas.
  useEffect(() => setTrace(undefined), [labContext]);
  const openTrace = useCallback((next: { initial?: TraceRequest } | undefined) => setTrace((was) => (next ? { ...next, serial: (was?.serial ?? 0) + 1 } : undefined)), []);
  const showFailingRequest = useCallback(
    (atMs: number) =>
      inGradedRun((l) => {
        l.pause();
        l.seek(atMs);
        openTrace({ initial: { kind: 'firstFailedAfter', atMs } });
      }),
    [inGradedRun, openTrace],
  );
  // A click on a connection's request dots: pause, and trace the first request over it from the cursor.
  const labNow = useRef(lab);
  labNow.current = lab;
  const traceEdge = useCallback(
    (edge: string) => {
      const l = labNow.current;
      l.pause();
      openTrace({ initial: { kind: 'edge', edge, atMs: Math.round(l.cursorMs) } });
    },
    [openTrace],
  );

  useEffect(() => {
    void (async () => {
      await openInitial();
      await checkAutosave();
    })();
  }, [openInitial, checkAutosave]);

  // The names of the lesson on the canvas, in every language (none for a design outside lessons).
  const studioNames = studio.lessonDoc?.nodeNames;
  const hasStudioLesson = studio.lesson !== undefined;
  const nodeNames = useMemo(() => {
    // A pack with no lesson yet keeps the canvas, and the names of the lesson it came from (its first lesson takes both).
    if (isStudio && hasStudioLesson) return studioNames && NodeNamesSchema.safeParse(studioNames).success ? NodeNamesSchema.parse(studioNames) : undefined;
    return lesson && isInLesson ? lesson.nodeNames : undefined;
  }, [isStudio, hasStudioLesson, studioNames, lesson, isInLesson]);
  const nameOfNode = useMemo(() => nodeNamer(editor.doc.nodes, nodeNames, locale, editor.doc.edges), [editor.doc.nodes, editor.doc.edges, nodeNames, locale]);
  // A drop's notice names its node as the canvas does, with the studio lesson's names (this component provides them, so a hook here cannot read them from context).
  const scenarioEdits = useScenarioEdits(studio, editor.doc, nameOfNode, editor.selection.nodes, say);

  const resetToStarter = () => {
    if (!lesson || !session.starter || session.isCanvasPendingNow()) return;
    editor.replace(session.starter);
    say(t('backAtStarter'));
  };
  const deleteSelection = () => {
    const kept = editor.deleteSelection(editor.selection, locked);
    if (kept.length > 0) say(t('lockedNotDeleted', { names: kept.map(nameOfNode).join(listSeparator(locale)), count: kept.length }));
  };
  const layout = () => editor.layout(canvasApi.current?.sizes() ?? new Map());
  const domain = useDomain();
  /** New nodes and clashing pasted copies are named in the student's language, past the names the canvas shows. */
  const naming = useCallback((): NodeNaming => ({ base: domain.kind, shown: editor.doc.nodes.map((node) => nameOfNode(node.id)) }), [domain, editor.doc.nodes, nameOfNode]);
  const addAtCentre = useCallback(
    (kind: NodeKind) => {
      const box = canvasBox.current?.getBoundingClientRect();
      const n = editor.doc.nodes.length;
      editor.edit(addNode(kind, { x: (box ? box.width / 2 : 300) + (n % 5) * 20, y: (box ? box.height / 2 : 200) + (n % 5) * 20 }, naming()));
    },
    [editor, naming],
  );
  // The design the shown run was made from: an export carries its trace hash only while unchanged.
  const ranDoc = useRef<Graph>(undefined);
  const docRef = useRef(editor.doc);
  docRef.current = editor.doc;
  useEffect(() => {
    ranDoc.current = lab.run ? docRef.current : undefined;
  }, [lab.run]);
  const diagramWords: DiagramWords = {
    lesson: (title) => t('diagramLesson', { title }),
    traceHash: (hash) => (hash ? t('diagramTrace', { hash }) : t('diagramNotRun')),
    kind: domain.kind,
  };
  const exportImage = async (format: 'png' | 'svg') => {
    try {
      const lessonTitle = lesson && isInLesson ? localize(lesson.text.title, locale) : undefined;
      const title = files.name ?? lessonTitle ?? t('untitledDesign');
      const meta = { title, lesson: lessonTitle, date: new Date().toISOString().slice(0, 10), traceHash: ranDoc.current === editor.doc ? lab.run?.traceHash : undefined, words: diagramWords };
      // The picture names nodes as the canvas shows them, in the app's language.
      const shown = { ...editor.doc, nodes: editor.doc.nodes.map((n) => ({ ...n, label: nameOfNode(n.id) })) };
      downloadUrl(fileNameOf(title, format), await exportDiagram(format, shown, canvasApi.current?.sizes() ?? new Map(), meta));
    } catch (e) {
      files.setError(t('exportFailed', { reason: failureText(e, i18n.language) }));
    }
  };

  const openDesign = (file: Extract<OpenedFile, { kind: 'design' }>) => {
    setPendingDesign(undefined);
    afterLessonOpens(() => {
      files.adopt(file.graph, null);
      setInLesson(false);
    }, file.fileName);
  };
  const openFromOs = async (file: OpenedFile) => {
    if (file.kind === 'error') return files.setError(failureText(file, i18n.language));
    if (file.kind === 'design') return files.isDirty ? setPendingDesign(file) : openDesign(file);
    if (file.kind === 'pack') {
      const imported = await api.packsImport({ fileName: file.fileName, zipBase64: file.zipBase64 });
      if (!imported.ok) return files.setError(`${file.fileName}: ${failureText(imported.error, i18n.language)}`);
      return setPacksOpen(true);
    }
    const result = await api.submissionsRegrade({ fileName: file.fileName, text: file.text });
    if (!result.ok) return files.setError(`${file.fileName}: ${failureText(result.error, i18n.language)}`);
    setRegrade(result.value);
  };
  const cut = () => {
    editor.copy(editor.selection);
    deleteSelection();
  };
  useShell(api, {
    isDirty: files.isDirty,
    locale,
    setLocale,
    onOpenedFile: (file) => void openFromOs(file),
    commands: {
      new: files.requestNew,
      open: () => void files.showOpen(),
      save: () => void files.save(),
      saveAs: () => files.setDialog({ kind: 'saveAs' }),
      exportDesign: () => void files.download(),
      exportPng: () => void exportImage('png'),
      exportSvg: () => void exportImage('svg'),
      undo: editor.undo,
      redo: editor.redo,
      cut,
      copy: () => editor.copy(editor.selection),
      paste: () => editor.paste(naming()),
      fitView: () => canvasApi.current?.fitView(),
      shortcuts: () => setHelpOpen(true),
    },
  });
  const onlySelectedNode = () => (editor.selection.nodes.size === 1 ? [...editor.selection.nodes][0] : undefined);
  /** The fault menu from the keyboard: opens at the selected node (or connection) on the canvas. */
  const faultAtSelection = () => {
    const nodeId = onlySelectedNode();
    const edgeId = !nodeId && editor.selection.edges.size === 1 ? [...editor.selection.edges][0] : undefined;
    const id = nodeId ?? edgeId;
    if (!id) return say(t('selectForFault'));
    if (!lab.run) return say(t('runFirst'));
    const el = document.querySelector(nodeId ? `.react-flow__node[data-id="${CSS.escape(id)}"]` : `.react-flow__edge[data-id="${CSS.escape(id)}"]`);
    const box = el?.getBoundingClientRect();
    faultMenu.open({ kind: nodeId ? 'node' : 'edge', id, x: box ? box.left + box.width / 2 : 200, y: box ? box.bottom : 200 });
  };

  useShortcuts({
    delete: deleteSelection,
    cut,
    copy: () => editor.copy(editor.selection),
    paste: () => editor.paste(naming()),
    duplicate: () => editor.duplicate(editor.selection, naming()),
    undo: editor.undo,
    redo: editor.redo,
    selectAll: editor.selectAll,
    save: () => void files.save(),
    open: () => void files.showOpen(),
    layout,
    help: () => setHelpOpen((o) => !o),
    run: () => void lab.runFromStart(),
    check: () => {
      if (!showLesson || session.isGrading || session.isOpening) return;
      // The results show in the lesson column: opened if it was folded away.
      if (panels.collapsed.lesson) panels.toggle('lesson');
      void session.grade();
    },
    playPause: () => {
      if (!lab.run) return say(t('runFirstToPlay'));
      if (lab.isPlaying) lab.pause();
      else lab.play();
    },
    step: lab.stepEvent,
    nextLogged: lab.stepLogged,
    nextFault: lab.stepFault,
    toStart: () => (lab.run ? lab.reset() : false),
    connect: () => {
      const source = onlySelectedNode();
      if (source) setConnectFrom(source);
      else say(t('selectForConnect'));
    },
    fault: faultAtSelection,
    togglePalette: () => panels.toggle('palette'),
    toggleProperties: () => panels.toggleProperties(isPropertiesShown),
    toggleLesson: () => panels.toggle('lesson'),
    escape: () => {
      if (isHelpOpen) setHelpOpen(false);
      else if (files.dialog) files.setDialog(undefined);
      else editor.setSelection({ nodes: new Set(), edges: new Set() });
    },
  });

  return (
    <NodeNamesProvider value={nodeNames}>
    <DesignNamerProvider value={nameOfNode}>
    <StudioLessonsContext.Provider value={studio.draft?.lessons}>
    <div className="sl-app">
      <header className="sl-header">
        <span className="sl-brand">StateLab</span>
        {/* The studio's draft while it is open; the lesson's title comes back when it closes. */}
        {studio.draft && <StudioHeaderTitle draft={studio.draft} lessonDoc={studio.lessonDoc} lessonIndex={studio.lessonIndex} />}
        {!isStudio && lesson && isInLesson && <LessonHeaderTitle lesson={lesson} />}
        {!isStudio && lesson && !isInLesson && (
          <button type="button" className="sl-header-button sl-header-back" title={t('lab:bench.backToLessonHint')} onClick={() => void session.open(lesson.packId, lesson.lessonId)}>
            {t('lab:bench.backToLesson')} {localize(lesson.text.title, locale)}
          </button>
        )}
        <FileBar files={files} onExport={(f) => void exportImage(f)} />
        <button type="button" className="sl-header-button" onClick={() => setPacksOpen(true)}>
          {t('lessonPacks')}
        </button>
        <button type="button" className="sl-header-button" onClick={() => setClassResultsOpen(true)}>{t('classResults')}</button>
        <button type="button" className="sl-header-button" aria-pressed={isStudio} data-testid="studio-button" onClick={() => (isStudio ? closeStudio() : setStudioStart({}))}>
          {t('studio:studioButton')}
        </button>
        <LanguagePicker />
      </header>
      {files.restoreOffer && <RestoreBanner record={files.restoreOffer} onRestore={files.restore} onDiscard={files.discardRestore} />}
      {files.error && (
        <div className="sl-banner sl-banner-error" role="alert" data-testid="file-error">
          <span>{files.error}</span>
          <button type="button" onClick={() => files.setError(undefined)}>{t('dismiss')}</button>
        </div>
      )}
      <div className={`sl-workspace${showLesson || isStudio ? ' has-lesson' : ''}`}>
        <SplitBench
          hasRun={lab.run !== undefined}
          wantsRoom={trace !== undefined}
          shortfall={benchShortfallPx}
          design={
            <div className={`sl-design${panels.collapsed.palette ? ' is-palette-collapsed' : ''}${isPropertiesShown ? '' : ' is-properties-collapsed'}`}>
              <Palette kinds={palette} onAdd={addAtCentre} isCollapsed={panels.collapsed.palette} onToggle={panels.toggle} isDisabled={editor.isFrozen} />
              <main className="sl-canvas" aria-label={t('canvas')} aria-busy={editor.isFrozen || undefined} ref={canvasBox}>
                <EditorToolbar
                  canUndo={editor.canUndo}
                  canRedo={editor.canRedo}
                  onUndo={editor.undo}
                  onRedo={editor.redo}
                  undoAbout={editor.undoAbout}
                  redoAbout={editor.redoAbout}
                  onLayout={layout}
                  onHelp={() => setHelpOpen(true)}
                  connectKind={connectKind}
                  onConnectKind={setConnectKind}
                  snapToGrid={snapToGrid}
                  onSnapToGrid={setSnapToGrid}
                />
                {loadError && <div className="sl-error sl-load-error" role="alert">{loadError}</div>}
                {editor.isFrozen && (
                  <div className="sl-opening" role="status" data-testid="lesson-opening">
                    {waitingDesign ? (waitingDesign.fileName ? t('openingThenFile', { name: waitingDesign.fileName }) : t('openingThenDesign')) : openingNote}
                  </div>
                )}
                <ReactFlowProvider>
                  <LiveStateProvider store={lab.store} onTraceEdge={lab.run ? traceEdge : undefined}>
                    <EditorCanvas
                      editor={editor}
                      locked={locked}
                      connectKind={connectKind}
                      snapToGrid={snapToGrid}
                      notice={notice}
                      onNotice={setNotice}
                      onReady={(a) => (canvasApi.current = a)}
                      onContextMenu={faultMenu.open}
                      {...(isStudio && studio.isLockMode ? { onNodeClick: (id: string) => studio.toggleLocks([id]) } : {})}
                      drop={isStudio ? scenarioEdits.canvasDrop : undefined}
                    />
                  </LiveStateProvider>
                </ReactFlowProvider>
              </main>
              <div className="sl-side sl-side-properties">
                <PanelToggle panel="properties" side="right" isCollapsed={!isPropertiesShown} onToggle={() => panels.toggleProperties(isPropertiesShown)} />
                {isPropertiesShown && (
                  <InvalidFieldsContext.Provider value={invalidFields}>
                    <PropertiesPanel editor={editor} selection={editor.selection} locked={locked} lockedProps={lockedProps} {...(isStudio && studio.isLockMode ? { onToggleLockedProp: studio.toggleLockedProp } : {})} />
                  </InvalidFieldsContext.Provider>
                )}
              </div>
            </div>
          }
          bench={(isOpen, toggle, refit) => <LabBench api={api} lab={lab} graph={editor.doc} locked={lesson && isInLesson ? lesson.locked : undefined} runGate={runGate} isResultsOpen={isOpen} onToggleResults={toggle} onNeedsChange={refit} trace={trace} onTrace={openTrace} lessonMetrics={lessonMetrics} />}
        />
        {isStudio && (
          <div className="sl-side sl-side-studio">
            <StudioPanel
              studio={studio}
              scenarioEdits={scenarioEdits}
              canvas={editor.doc}
              selectedNodes={editor.selection.nodes}
              onShow={(graph) => editor.replace(graph)}
              onExport={() =>
                void studio.exportZip().then((zip) => {
                  if (zip) downloadUrl(zip.fileName, `data:application/zip;base64,${zip.zipBase64}`);
                })
              }
              onClose={closeStudio}
            />
          </div>
        )}
        {showLesson && (
          <div className={`sl-side sl-side-lesson${panels.collapsed.lesson ? ' is-collapsed' : ''}`}>
            <PanelToggle panel="lesson" side="right" isCollapsed={panels.collapsed.lesson} onToggle={panels.toggle} />
            {!panels.collapsed.lesson && <LessonSidebar api={api} session={session} graph={editor.doc} run={lab.run} onShowMe={showMe} onShowFailingRequest={showFailingRequest} onReset={resetToStarter} />}
          </div>
        )}
      </div>
      {faultMenu.element}
      {isHelpOpen && <HelpOverlay onClose={() => setHelpOpen(false)} />}
      {connectFrom && (
        <ConnectDialog
          graph={editor.doc}
          sourceId={connectFrom}
          initialKind={connectKind}
          onClose={() => setConnectFrom(undefined)}
          onConnect={(target, kind) => {
            setConnectFrom(undefined);
            editor.edit(addEdge(connectFrom, target, kind));
            say(t('connected', { from: nameOfNode(connectFrom), to: nameOfNode(target) }), true);
          }}
          onSelectEdge={(edgeId) => {
            setConnectFrom(undefined);
            editor.setSelection({ nodes: new Set(), edges: new Set([edgeId]) });
          }}
        />
      )}
      {isPacksOpen && (
        <PacksDialog
          api={api}
          onClose={() => setPacksOpen(false)}
          onOpenLesson={(packId, lessonId) => {
            setPacksOpen(false);
            void session.open(packId, lessonId);
          }}
          onEditPack={(packId) => {
            setPacksOpen(false);
            setStudioStart({ from: packId });
          }}
        />
      )}
      {studioStart && <StudioStart api={api} studio={studio} initialFrom={studioStart.from} onClose={() => setStudioStart(undefined)} />}
      {files.dialog?.kind === 'open' && (
        <OpenDialog files={files.dialog.files} recent={files.dialog.recent} error={files.dialog.error} onOpen={(n) => void files.open(n)} onPickFile={() => void files.pickFile()} onClose={() => files.setDialog(undefined)} />
      )}
      {files.dialog?.kind === 'saveAs' && <SaveAsDialog initialName={files.name ?? ''} error={files.dialog.error} onSave={(n) => void files.saveAs(n)} onClose={() => files.setDialog(undefined)} />}
      <ClassResultsDialog api={api} isOpen={isClassResultsOpen} onClose={() => setClassResultsOpen(false)} onOpenDesign={(d) => void openStudentDesign(d).then(() => setClassResultsOpen(false))} />
      {regrade && <RegradeDialog regrade={regrade} onClose={() => setRegrade(undefined)} />}
      {pendingDesign && (
        <ConfirmDialog
          label={t('openQuestion', { name: pendingDesign.fileName })}
          message={t('unsavedLost')}
          confirm={t('discardAndOpen', { name: pendingDesign.fileName })}
          onConfirm={() => openDesign(pendingDesign)}
          onClose={() => setPendingDesign(undefined)}
        />
      )}
      {files.dialog?.kind === 'confirmNew' && (
        <ConfirmDialog label={t('newQuestion')} message={t('unsavedLost')} confirm={t('discardAndNew')} onConfirm={files.newDesign} onClose={() => files.setDialog(undefined)} />
      )}
    </div>
    </StudioLessonsContext.Provider>
    </DesignNamerProvider>
    </NodeNamesProvider>
  );
}
