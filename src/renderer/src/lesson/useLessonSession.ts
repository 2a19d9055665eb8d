import { useCallback, useEffect, useRef, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { GradeReport } from '../../../shared/gradeReport';
import type { Graph } from '../../../shared/graph';
import type { LessonView, PackProgress } from '../../../shared/ipc';
import { BUILTIN_PACK_ID as BUILTIN_PACK } from '../../../shared/lesson';

const LAST_LESSON_KEY = 'statelab.lastLesson';

/**
 * The lesson the student is in: opening lessons (the last one at start), grading, quiz answers and
 * progress. Work on each lesson is kept while the app runs, so moving between lessons loses nothing.
 */
export function useLessonSession(api: StateLabApi, currentGraph: Graph, onAdopt: (graph: Graph) => void) {
  const [lesson, setLesson] = useState<LessonView>();
  const [loadError, setLoadError] = useState<string>();
  const [progress, setProgress] = useState<PackProgress>({});
  const [reports, setReports] = useState<Record<string, GradeReport>>({});
  const [answers, setAnswers] = useState<Record<string, Record<string, string>>>({});
  const [isGrading, setGrading] = useState(false);
  const [gradeError, setGradeError] = useState<string>();
  const work = useRef(new Map<string, Graph>());
  const graphRef = useRef(currentGraph);
  graphRef.current = currentGraph;
  const lessonRef = useRef<LessonView | undefined>(undefined);

  const open = useCallback(
    async (packId: string, lessonId: string) => {
      const previous = lessonRef.current;
      if (previous) work.current.set(`${previous.packId}/${previous.lessonId}`, graphRef.current);
      const opened = await api.lessonsOpen({ packId, lessonId });
      if (!opened.ok) {
        setLoadError(opened.error.message);
        return false;
      }
      setLoadError(undefined);
      lessonRef.current = opened.value;
      setLesson(opened.value);
      onAdopt(work.current.get(`${packId}/${lessonId}`) ?? opened.value.starter);
      globalThis.localStorage?.setItem(LAST_LESSON_KEY, JSON.stringify({ packId, lessonId }));
      const saved = await api.progressGet({ packId });
      if (saved.ok) setProgress(saved.value);
      return true;
    },
    [api, onAdopt],
  );

  /** Opens the last lesson the student was in, else the built-in pack's first; true when one opened. */
  const openInitial = useCallback(async () => {
    const catalogue = await api.packsCatalogue({});
    if (!catalogue.ok) {
      setLoadError(catalogue.error.message);
      return false;
    }
    // An imported pack that no longer loads is listed with its error; it cannot be opened.
    const packs = catalogue.value.filter((p) => !p.error);
    try {
      const last = JSON.parse(globalThis.localStorage?.getItem(LAST_LESSON_KEY) ?? 'null') as { packId?: string; lessonId?: string } | null;
      const pack = packs.find((p) => p.id === last?.packId);
      if (pack && pack.lessons.some((l) => l.id === last?.lessonId) && (await open(pack.id, last!.lessonId!))) return true;
    } catch {
      // A damaged memory of the last lesson is no reason not to start.
    }
    const pack = packs.find((p) => p.id === BUILTIN_PACK) ?? packs[0];
    const first = pack?.lessons[0];
    if (!pack || !first) {
      setLoadError('No lesson pack is installed.');
      return false;
    }
    return open(pack.id, first.id);
  }, [api, open]);

  const grade = useCallback(async () => {
    const current = lessonRef.current;
    if (!current) return;
    setGrading(true);
    setGradeError(undefined);
    const key = `${current.packId}/${current.lessonId}`;
    const result = await api.lessonsGrade({
      packId: current.packId,
      lessonId: current.lessonId,
      graph: graphRef.current,
      answers: answers[key] ?? {},
    });
    setGrading(false);
    if (!result.ok) return setGradeError(result.error.message);
    setReports((r) => ({ ...r, [key]: result.value.report }));
    setProgress(result.value.progress);
  }, [api, answers]);

  const key = lesson ? `${lesson.packId}/${lesson.lessonId}` : '';
  const setAnswer = useCallback(
    (checkId: string, choiceId: string) => setAnswers((a) => ({ ...a, [key]: { ...(a[key] ?? {}), [checkId]: choiceId } })),
    [key],
  );

  useEffect(() => {
    lessonRef.current = lesson;
  }, [lesson]);

  return {
    lesson,
    loadError,
    progress,
    report: reports[key],
    answers: answers[key] ?? {},
    setAnswer,
    isGrading,
    gradeError,
    open,
    openInitial,
    grade,
  };
}
