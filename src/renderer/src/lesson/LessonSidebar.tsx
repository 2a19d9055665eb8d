import { useCallback, useEffect, useMemo, useState } from 'react';
import type { StateLabApi } from '../../../shared/api';
import type { Graph } from '../../../shared/graph';
import type { RunResult } from '../../../shared/metrics';
import { isDesignChanged } from '../lab/simulationKey';
import { Debrief, IntroCard, PredictionQuestions, VariantCard } from './InstructorLayer';
import { LessonPanel } from './LessonPanel';
import { QuizQuestions } from './QuizQuestions';
import { SubmissionControls, type NameRequest } from './SubmissionControls';
import { NameChangeDialog, type NameChange } from './NameChangeDialog';
import { lessonNumbers } from '../../../shared/variants';
import type { useLessonSession } from './useLessonSession';

type Session = ReturnType<typeof useLessonSession>;

/** The lesson column: the panel, its quiz, Check my work and submission export, wired to the host. */
export function LessonSidebar({
  api,
  session,
  graph,
  run,
  onShowMe,
  onShowFailingRequest,
  onReset,
}: {
  api: StateLabApi;
  session: Session;
  graph: Graph;
  /** The lab's last run: predictions show what it measured. */
  run?: RunResult | undefined;
  onShowMe?(atMs: number): void;
  onShowFailingRequest?(atMs: number): void;
  onReset?(): void;
}) {
  const { lesson } = session;
  const [images, setImages] = useState<Record<string, string | null>>({});
  const [error, setError] = useState<string>();
  const packId = lesson?.packId;

  useEffect(() => setImages({}), [packId]);

  // Images come from the pack through the host, as data: URLs; ask once per path.
  const resolveImage = useCallback(
    (src: string) => {
      if (!packId) return undefined;
      if (!(src in images)) {
        setImages((m) => ({ ...m, [src]: null }));
        void api.packsImage({ packId, path: src }).then((r) => setImages((m) => ({ ...m, [src]: r.ok ? r.value.dataUrl : null })));
      }
      return images[src] ?? undefined;
    },
    [api, packId, images],
  );

  // An edit since the check: the results describe the design before it.
  const gradedDesign = session.gradedDesign;
  const isReportStale = useMemo(() => gradedDesign !== undefined && isDesignChanged(gradedDesign, graph), [gradedDesign, graph]);

  /** A typed name that would give the lesson other numbers than the student's work was made with: asked about first. */
  const [nameChange, setNameChange] = useState<NameChange & NameRequest>();
  /**
   * A name typed beside Export or on the variant card. One that keeps the lesson's numbers is taken
   * at once, as is one typed before any work (the canvas is still the starter); otherwise the dialog
   * says which numbers change and that the design must be checked again, and Export always asks
   * (it would send a design checked with the old numbers). True when the name was taken now.
   */
  const requestStudent = (name: string, request: NameRequest = {}): boolean => {
    if (!lesson) return false;
    const from = lessonNumbers(lesson, session.student);
    const to = lessonNumbers(lesson, name);
    const hasWork = (session.starter !== undefined && isDesignChanged(session.starter, graph)) || session.report !== undefined || Object.keys(session.answers).length > 0;
    if (!from || !to || JSON.stringify(from) === JSON.stringify(to) || (!request.isForExport && !hasWork)) {
      session.setStudent(name);
      return true;
    }
    setNameChange({ ...request, name, from, to, isForExport: request.isForExport ?? false });
    return false;
  };

  if (!lesson) return null;
  return (
    <>
    {nameChange && (
      <NameChangeDialog
        lesson={lesson}
        change={nameChange}
        onUse={() => {
          setNameChange(undefined);
          session.setStudent(nameChange.name);
          nameChange.onUse?.();
        }}
        onKeep={() => {
          setNameChange(undefined);
          nameChange.onKeep?.();
        }}
      />
    )}
    <LessonPanel
      packTitle={lesson.pack.title}
      lessons={lesson.pack.lessons}
      lesson={{ id: lesson.lessonId, ...lesson.text }}
      progress={session.progress}
      report={session.report}
      reportEarlierAtMs={session.reportEarlierAtMs}
      reportUnderOtherName={session.reportUnderOtherName}
      isReportStale={isReportStale}
      isGrading={session.isGrading}
      isOpening={session.isOpening}
      openingLessonId={session.openingLesson?.packId === lesson.packId ? session.openingLesson.lessonId : undefined}
      gradeError={session.gradeError ?? error}
      onCheck={() => void session.grade()}
      onSelectLesson={(id) => void session.open(lesson.packId, id)}
      onShowMe={onShowMe}
      onShowFailingRequest={onShowFailingRequest}
      onReset={onReset}
      resolveImage={resolveImage}
      intro={
        <>
          <IntroCard about={lesson.about} onSelectLesson={(id) => void session.open(lesson.packId, id)} />
          <VariantCard lesson={lesson} student={session.student} variant={session.variant} onStudent={requestStudent} />
        </>
      }
      predict={<PredictionQuestions predictions={lesson.predictions} answers={session.answers} onAnswer={session.setAnswer} run={run} scenario={session.scenario} />}
      debrief={<Debrief text={lesson.about.debrief} report={session.report} />}
      quiz={<QuizQuestions quizzes={lesson.quizzes} answers={session.answers} onAnswer={session.setAnswer} />}
      footer={
        <SubmissionControls
          api={api}
          packId={lesson.packId}
          lessonId={lesson.lessonId}
          graph={graph}
          answers={session.answers}
          report={session.report}
          student={session.student}
          onStudent={requestStudent}
          onError={setError}
        />
      }
    />
    </>
  );
}
