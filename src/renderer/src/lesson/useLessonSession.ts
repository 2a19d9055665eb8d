import { failureText } from '../i18n/useErrorText';
import { useTranslation } from 'react-i18next';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { GradedRun, GradeReport } from '../../../shared/gradeReport';
import type { Graph } from '../../../shared/graph';
import type { LessonView, PackProgress, ResponseOf } from '../../../shared/ipc';
import { BUILTIN_PACK_ID as BUILTIN_PACK } from '../../../shared/lesson';
import { deriveVariant, lessonNumbers, variantGraph, variantScenario } from '../../../shared/variants';

const LAST_LESSON_KEY = 'statelab.lastLesson';
/** The student's name: it picks their variant of a lesson and goes into exported submissions. */
export const STUDENT_KEY = 'statelab.student';
/** A lesson's work reaches the data folder this long after the last edit, like the autosave. */
export const LESSON_WORK_DELAY_MS = 800;

interface LessonWork {
  packId: string;
  lessonId: string;
  graph: Graph;
}
/** Whose a check was and when it was made. */
interface GradedAs {
  student: string;
  gradedAtMs: number;
}

/** A lesson's last check: its report, the run it came from, and whose and when it was. */
interface LessonGrade extends GradedAs {
  report: GradeReport;
  graded: GradedRun;
  /** Whether it came back from disk (an earlier session's check) rather than from a grade in this session. */
  isEarlier: boolean;
  /** The canvas it graded, as the student drew it, when this session graded it: an edit since makes the results old. */
  design?: Graph;
}

const keyOf = (w: { packId: string; lessonId: string }) => `${w.packId}/${w.lessonId}`;

/**
 * A design of the lesson with the numbers a name gives it written in; for no name the lesson's as
 * written (a name cleared took back its rate, which had stayed on the canvas under no name).
 */
function withNumbersOf(lesson: LessonView, graph: Graph, student: string): Graph {
  const numbers = lessonNumbers(lesson, student);
  return numbers ? variantGraph(graph, lesson.variants, numbers) : graph;
}

/**
 * The lesson the student is in: opening lessons (the last one at start), grading, quiz answers and
 * progress. Work on each lesson is kept on disk (lessons:saveWork, a moment after each edit, and at
 * once when the student moves to another lesson or leaves the page) and comes back when the lesson
 * opens, after a restart too. `isActive` is false while the canvas holds a design of the student's
 * own: that is never saved as lesson work. `notify` shows warnings the student must see.
 */
export function useLessonSession(api: StateLabApi, currentGraph: Graph, isActive: boolean, onAdopt: (graph: Graph) => void, notify: (message: string) => void) {
  const { t, i18n } = useTranslation('app');
  const [lesson, setLesson] = useState<LessonView>();
  const [loadError, setLoadError] = useState<string>();
  const [progress, setProgress] = useState<PackProgress>({});
  /** Per lesson, its last check: the report, the run it came from and whose and when it was. */
  const [grades, setGrades] = useState<Record<string, LessonGrade>>({});
  /** The grades as last set, for open and setStudent to tell whether this session already holds one. */
  const gradesRef = useRef(grades);
  const putGrade = useCallback((key: string, grade: LessonGrade | undefined) => {
    const { [key]: _was, ...rest } = gradesRef.current;
    gradesRef.current = grade ? { ...rest, [key]: grade } : rest;
    setGrades(gradesRef.current);
  }, []);
  /** Per lesson, the last check the host kept under a name that gives other numbers (not sent; only that it exists). */
  const [otherName, setOtherName] = useState<Record<string, GradedAs>>({});
  const [answers, setAnswers] = useState<Record<string, Record<string, string>>>({});
  /** The answers as last set, for setAnswer to build on between renders. */
  const answersRef = useRef(answers);
  const [isGrading, setGrading] = useState(false);
  /**
   * Lessons being opened now. The picker shows the chosen lesson at once, while the panel and the
   * canvas still show the last one until it has loaded: Check waits (its button is disabled), so it
   * never grades the lesson being left under the name of the one chosen.
   */
  const [openingCount, setOpeningCount] = useState(0);
  const openingRef = useRef(0);
  /** The lesson last chosen while it opens (the picker and the canvas's note name it); gone when it is here, fails or another is chosen and arrives. */
  const [openingLesson, setOpeningLesson] = useState<{ packId: string; lessonId: string }>();
  const openingSerial = useRef(0);
  /**
   * Lessons whose work is on its way to the canvas (from the pick until it replaces the canvas, a
   * moment before the opening ends; at start, from the first render): the editor takes no edit
   * meanwhile (`isCanvasPendingNow`), since an edit made then went when the lesson's work came.
   */
  const [canvasPendingCount, setCanvasPendingCount] = useState(0);
  const canvasPendingRef = useRef(0);
  /** What waits to replace the canvas until no lesson's work is on its way (a design the student opened meanwhile), in order. */
  const waitingForCanvas = useRef<(() => void)[]>([]);
  /** Holds the canvas until the function it returns is called (the first call counts). */
  const holdCanvas = useCallback(() => {
    canvasPendingRef.current++;
    setCanvasPendingCount(canvasPendingRef.current);
    let isHeld = true;
    return () => {
      if (!isHeld) return;
      isHeld = false;
      canvasPendingRef.current--;
      setCanvasPendingCount(canvasPendingRef.current);
      if (canvasPendingRef.current > 0) return;
      // The lesson's work is on the canvas now: what the student opened meanwhile goes on top of it.
      const due = waitingForCanvas.current;
      waitingForCanvas.current = [];
      for (const apply of due) apply();
    };
  }, []);
  /**
   * Runs `apply` (which replaces the canvas) now, or, while a lesson's work is on its way, once it
   * has arrived, so the lesson's work does not replace it a moment later; true when it ran now.
   */
  const whenCanvasFree = useCallback((apply: () => void) => {
    if (canvasPendingRef.current === 0) {
      apply();
      return true;
    }
    waitingForCanvas.current.push(apply);
    return false;
  }, []);
  const [gradeError, setGradeError] = useState<string>();
  const [student, setStudentState] = useState(() => globalThis.localStorage?.getItem(STUDENT_KEY) ?? '');
  const studentRef = useRef(student);
  studentRef.current = student;
  const work = useRef(new Map<string, Graph>());
  const graphRef = useRef(currentGraph);
  graphRef.current = currentGraph;
  const lessonRef = useRef<LessonView | undefined>(undefined);
  const isActiveRef = useRef(isActive);
  isActiveRef.current = isActive;
  /** Per lesson, the graph last sent to the host (or loaded from it): nothing to save while it is on the canvas. */
  const persisted = useRef(new Map<string, Graph>());
  /** The edit waiting for its save. */
  const pending = useRef<LessonWork | undefined>(undefined);
  /** One warning per streak of failed saves. */
  const isSaveFailing = useRef(false);

  const flush = useCallback(() => {
    const item = pending.current;
    pending.current = undefined;
    if (!item || persisted.current.get(keyOf(item)) === item.graph) return;
    // Memory first: it is what reopening the lesson in this session shows, even if the disk fails.
    work.current.set(keyOf(item), item.graph);
    persisted.current.set(keyOf(item), item.graph);
    void api.lessonsSaveWork(item).then((saved) => {
      const warning = saved.ok ? saved.value.warning && failureText(saved.value.warning, i18n.language) : t('lessonWorkNotSaved', { reason: failureText(saved.error, i18n.language) });
      // Not on disk: the next edit tries again, and the student hears of it once per streak.
      if (warning && persisted.current.get(keyOf(item)) === item.graph) persisted.current.delete(keyOf(item));
      if (warning && !isSaveFailing.current) notify(warning);
      isSaveFailing.current = warning !== undefined;
    });
  }, [api, notify]);

  useEffect(() => {
    const key = lesson && isActive ? keyOf(lesson) : null;
    // A newer graph of the same lesson supersedes the waiting one; another lesson's goes out now.
    if (pending.current && keyOf(pending.current) !== key) flush();
    pending.current = undefined;
    if (!lesson || !key || persisted.current.get(key) === currentGraph) return;
    pending.current = { packId: lesson.packId, lessonId: lesson.lessonId, graph: currentGraph };
    const timer = window.setTimeout(flush, LESSON_WORK_DELAY_MS);
    return () => window.clearTimeout(timer);
  }, [lesson, isActive, currentGraph, flush]);

  useEffect(() => {
    // Closing or reloading the page must not lose the last edit's 0.8 s.
    window.addEventListener('pagehide', flush);
    return () => window.removeEventListener('pagehide', flush);
  }, [flush]);

  /** Asks the host for the lesson's kept work, for the name the student goes by now. */
  const loadWork = useCallback((packId: string, lessonId: string) => api.lessonsLoadWork({ packId, lessonId, ...(studentRef.current ? { student: studentRef.current } : {}) }), [api]);
  /** The last check's results kept on disk (unless this session graded since), or the note that they were another name's. */
  const adoptLastGrade = useCallback((key: string, stored: ResponseOf<'lessons:loadWork'>) => {
    const { lastGrade, lastGradeUnderOtherName } = stored;
    if (lastGrade && !(key in gradesRef.current)) {
      putGrade(key, { report: lastGrade.report, graded: lastGrade.graded, student: lastGrade.student ?? studentRef.current, gradedAtMs: lastGrade.gradedAtMs, isEarlier: true });
    }
    setOtherName(({ [key]: _was, ...rest }) => (lastGradeUnderOtherName ? { ...rest, [key]: lastGradeUnderOtherName } : rest));
  }, [putGrade]);

  const openNow = useCallback(
    async (packId: string, lessonId: string, releaseCanvas: () => void) => {
      const previous = lessonRef.current;
      if (previous && isActiveRef.current) work.current.set(keyOf(previous), graphRef.current);
      flush();
      const [opened, stored] = await Promise.all([api.lessonsOpen({ packId, lessonId }), loadWork(packId, lessonId)]);
      if (!opened.ok) {
        setLoadError(failureText(opened.error, i18n.language));
        return false;
      }
      setLoadError(undefined);
      if (stored.ok && stored.value.warning) notify(failureText(stored.value.warning, i18n.language));
      else if (!stored.ok) notify(t('lessonWorkNotRead', { reason: failureText(stored.error, i18n.language) }));
      const key = keyOf({ packId, lessonId });
      // The answers kept on disk come back, unless this session already holds newer ones.
      if (stored.ok && !(key in answersRef.current)) {
        answersRef.current = { ...answersRef.current, [key]: stored.value.answers };
        setAnswers(answersRef.current);
      }
      // The last check's results come back too (kept by the host at each grade), unless this session
      // graded since; the host keeps back those of a name that gives other numbers.
      if (stored.ok) adoptLastGrade(key, stored.value);
      const graph = work.current.get(key) ?? (stored.ok ? stored.value.graph : null) ?? opened.value.starter;
      // What the host already holds (or the starter, which needs no saving) is not sent back.
      if (!work.current.has(key)) persisted.current.set(key, graph);
      lessonRef.current = opened.value;
      setLesson(opened.value);
      // The student's own values (a locked client's rate, say) are written into the design they work on.
      onAdopt(withNumbersOf(opened.value, graph, studentRef.current));
      releaseCanvas();
      globalThis.localStorage?.setItem(LAST_LESSON_KEY, JSON.stringify({ packId, lessonId }));
      const saved = await api.progressGet({ packId });
      if (saved.ok) setProgress(saved.value);
      return true;
    },
    [api, onAdopt, flush, notify, loadWork, adoptLastGrade],
  );

  /** Opens a lesson; while it loads, Check is held back (`isOpening`). */
  const open = useCallback(
    async (packId: string, lessonId: string) => {
      openingRef.current++;
      setOpeningCount(openingRef.current);
      const serial = ++openingSerial.current;
      setOpeningLesson({ packId, lessonId });
      const releaseCanvas = holdCanvas();
      try {
        return await openNow(packId, lessonId, releaseCanvas);
      } finally {
        releaseCanvas();
        openingRef.current--;
        setOpeningCount(openingRef.current);
        // A later pick still on its way stays named; otherwise the picker shows the lesson shown (this one, or on failure the one left).
        if (serial === openingSerial.current) setOpeningLesson(undefined);
      }
    },
    [openNow, holdCanvas],
  );

  /** Opens the last lesson the student was in, else the built-in pack's first; true when one opened. */
  const openInitialNow = useCallback(async (releaseCanvas: () => void) => {
    const catalogue = await api.packsCatalogue({});
    if (!catalogue.ok) {
      setLoadError(failureText(catalogue.error, i18n.language));
      return false;
    }
    // An imported pack that no longer loads is listed with its error; it cannot be opened.
    const packs = catalogue.value.filter((p) => !p.error);
    // From here the lesson being opened holds the canvas itself: open takes it (synchronously)
    // before this lets it go, so a design waiting for the canvas waits for the lesson.
    const openHolding = (packId: string, lessonId: string) => {
      const opening = open(packId, lessonId);
      releaseCanvas();
      return opening;
    };
    try {
      const last = JSON.parse(globalThis.localStorage?.getItem(LAST_LESSON_KEY) ?? 'null') as { packId?: string; lessonId?: string } | null;
      const pack = packs.find((p) => p.id === last?.packId);
      if (pack && pack.lessons.some((l) => l.id === last?.lessonId) && (await openHolding(pack.id, last!.lessonId!))) return true;
    } catch {
      // A damaged memory of the last lesson is no reason not to start.
    }
    const pack = packs.find((p) => p.id === BUILTIN_PACK) ?? packs[0];
    const first = pack?.lessons[0];
    if (!pack || !first) {
      setLoadError(t('noPack'));
      return false;
    }
    return openHolding(pack.id, first.id);
  }, [api, open]);
  /** The same, holding the canvas from the start: until the first lesson is on it nothing is edited. */
  const openInitial = useCallback(async () => {
    const releaseCanvas = holdCanvas();
    try {
      return await openInitialNow(releaseCanvas);
    } finally {
      releaseCanvas();
    }
  }, [openInitialNow, holdCanvas]);
  /** Whether a lesson's work is on its way to the canvas at this moment (the editor asks at each edit, between renders too). */
  const isCanvasPendingNow = useCallback(() => canvasPendingRef.current > 0, []);

  const grade = useCallback(async () => {
    const current = lessonRef.current;
    if (!current || openingRef.current > 0) return;
    setGrading(true);
    setGradeError(undefined);
    const key = `${current.packId}/${current.lessonId}`;
    const gradedAs = studentRef.current;
    const design = graphRef.current;
    const result = await api.lessonsGrade({
      packId: current.packId,
      lessonId: current.lessonId,
      graph: design,
      answers: answers[key] ?? {},
      ...(studentRef.current.trim() ? { student: studentRef.current } : {}),
    });
    setGrading(false);
    if (!result.ok) return setGradeError(failureText(result.error, i18n.language));
    putGrade(key, { report: result.value.report, graded: result.value.graded, student: gradedAs, gradedAtMs: Date.now(), isEarlier: false, design });
    setOtherName(({ [key]: _stale, ...rest }) => rest);
    setProgress(result.value.progress);
    if (result.value.warning) notify(failureText(result.value.warning, i18n.language));
  }, [api, answers, notify, putGrade]);

  /** Forgets a lesson's grade: another design (a student's submission) has replaced the one it graded. */
  const clearReport = useCallback((packId: string, lessonId: string) => putGrade(keyOf({ packId, lessonId }), undefined), [putGrade]);

  const key = lesson ? `${lesson.packId}/${lesson.lessonId}` : '';
  /** An answer is kept on disk at once (lessons:saveAnswers), so a reload or a restart keeps it. */
  const setAnswer = useCallback(
    (checkId: string, choiceId: string) => {
      const current = lessonRef.current;
      if (!current) return;
      const lessonKey = keyOf(current);
      const next = { ...(answersRef.current[lessonKey] ?? {}), [checkId]: choiceId };
      answersRef.current = { ...answersRef.current, [lessonKey]: next };
      setAnswers(answersRef.current);
      void api.lessonsSaveAnswers({ packId: current.packId, lessonId: current.lessonId, answers: next }).then((saved) => {
        const warning = saved.ok ? saved.value.warning && failureText(saved.value.warning, i18n.language) : t('lessonWorkNotSaved', { reason: failureText(saved.error, i18n.language) });
        if (warning && !isSaveFailing.current) notify(warning);
        isSaveFailing.current = warning !== undefined;
      });
    },
    [api, notify],
  );

  useEffect(() => {
    lessonRef.current = lesson;
  }, [lesson]);

  /** The student's variant of the open lesson (undefined without variants or a name), and the lesson as they get it. */
  const variant = useMemo(() => (lesson ? deriveVariant(lesson.lessonId, lesson.variants, student) : undefined), [lesson, student]);
  const scenario = useMemo(() => (lesson ? variantScenario(lesson.scenario, lesson.variants, variant) : undefined), [lesson, variant]);
  const starter = useMemo(() => (lesson ? variantGraph(lesson.starter, lesson.variants, variant) : undefined), [lesson, variant]);

  /** A new name: remembered, and the design on the canvas takes that student's values. */
  const setStudent = useCallback(
    (name: string) => {
      globalThis.localStorage?.setItem(STUDENT_KEY, name);
      setStudentState(name);
      studentRef.current = name;
      const current = lessonRef.current;
      if (!current?.variants || !isActiveRef.current) return;
      // A last grade of another name's numbers no longer shows (see `report` below); one the host
      // kept back may be this name's: ask again.
      if (!(keyOf(current) in gradesRef.current)) {
        void loadWork(current.packId, current.lessonId).then((stored) => {
          if (stored.ok && lessonRef.current === current && studentRef.current === name) adoptLastGrade(keyOf(current), stored.value);
        });
      }
      const next = withNumbersOf(current, graphRef.current, name);
      if (JSON.stringify(next) !== JSON.stringify(graphRef.current)) onAdopt(next);
    },
    [onAdopt, loadWork, adoptLastGrade],
  );

  // A lesson with variants: a report shows only to a name with the numbers it was graded with.
  const numbersOf = (name: string) => JSON.stringify(lesson ? (deriveVariant(lesson.lessonId, lesson.variants, name) ?? null) : null);
  const last = grades[key];
  const isOthersReport = last !== undefined && numbersOf(last.student) !== numbersOf(student);
  /** The last check of the open lesson, when it is the student's (their name gives the numbers it was graded with). */
  const shown = isOthersReport ? undefined : last;
  const keptBack = otherName[key];
  /** The last check, when it was made under a name that gives other numbers than the student's: whose and when. */
  const reportUnderOtherName: GradedAs | undefined = isOthersReport ? { student: last.student, gradedAtMs: last.gradedAtMs } : !last && keptBack && numbersOf(keptBack.student) !== numbersOf(student) ? keptBack : undefined;

  const keyAnswers = answers[key];
  const unansweredPredictions = useMemo(() => (lesson?.predictions ?? []).filter((p) => !keyAnswers?.[p.id]).length, [lesson, keyAnswers]);

  return {
    lesson,
    /** The lesson's scenario and starter with the student's variant applied. */
    scenario,
    starter,
    variant,
    student,
    setStudent,
    /** Predictions still without an answer: Run waits for them. */
    unansweredPredictions,
    loadError,
    progress,
    report: shown?.report,
    /** When `report` was graded, if it is an earlier session's check (kept on disk); undefined for one graded now. */
    reportEarlierAtMs: shown?.isEarlier ? shown.gradedAtMs : undefined,
    /** The run behind `report`, undefined for a report without one. */
    graded: shown?.graded,
    reportUnderOtherName,
    /** The canvas `report` graded, when this session graded it (an earlier session's report has its own note). */
    gradedDesign: shown?.design,
    answers: answers[key] ?? {},
    setAnswer,
    isGrading,
    /** A lesson is loading: Check waits for it. */
    isOpening: openingCount > 0,
    /** The lesson being opened (the last one chosen), until it is here or fails to open. */
    openingLesson,
    /** A lesson's work is on its way to the canvas: the canvas, palette and properties take no edit. */
    isCanvasPending: canvasPendingCount > 0,
    isCanvasPendingNow,
    whenCanvasFree,
    gradeError,
    open,
    openInitial,
    grade,
    clearReport,
  };
}
