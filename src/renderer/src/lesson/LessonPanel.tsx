import { labelColon } from '../i18n/format';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { GradeReport } from '../../../shared/gradeReport';
import { localize, localizeList } from '../../../shared/i18n';
import type { LocalizedText } from '../../../shared/lesson';
import { useLocale } from '../i18n/LocaleContext';
import { requestChart } from '../lab/chartRequests';
import { CheckResults } from './CheckResults';
import { GlossaryDialog } from './GlossaryDialog';
import { Markdown } from './Markdown';
import { useKeyHint } from '../editor/useKeyHint';

/** What the panel needs of a lesson: its texts, never its checks' internals. */
export interface LessonText {
  id: string;
  title: LocalizedText;
  objectives: Record<string, string[]>;
  steps: LocalizedText[];
}

export interface LessonProgress {
  /** Best score reached. */
  bestScore: number;
  /** Points available. */
  maxScore: number;
  /** True once every check has passed. */
  isComplete: boolean;
}

export interface LessonPanelProps {
  packTitle: LocalizedText;
  lessons: { id: string; title: LocalizedText }[];
  lesson: LessonText;
  progress: Readonly<Record<string, LessonProgress>>;
  report: GradeReport | undefined;
  /** Set when `report` is the last check's kept from an earlier session: when it was graded (ms). */
  reportEarlierAtMs?: number;
  /** No report shows because the last check was made under a name that gives other numbers: whose ("" for none) and when. */
  reportUnderOtherName?: { student: string; gradedAtMs: number } | undefined;
  /** The design changed since `report` graded it. */
  isReportStale?: boolean;
  isGrading: boolean;
  /** The chosen lesson is still loading: Check waits for it. */
  isOpening?: boolean;
  /** The lesson chosen and still opening: the picker names it at once. */
  openingLessonId?: string | undefined;
  onCheck(): void;
  onSelectLesson(lessonId: string): void;
  onShowMe?(atMs: number): void;
  /** A failed check's "Show a failing request": Show me, then trace the first request failing after that moment. */
  onShowFailingRequest?(atMs: number): void;
  /** Puts the lesson's starter back on the canvas (undoable). */
  onReset?(): void;
  resolveImage?(src: string): string | undefined;
  /** The intro card (notes section, minutes, difficulty, prerequisites) and the student's variant, under the title. */
  intro?: ReactNode;
  /** "Predict before you run" questions, above the steps. */
  predict?: ReactNode;
  /** Shown under the results once every check passes. */
  debrief?: ReactNode;
  /** Quiz questions, shown above Check my work. */
  quiz?: ReactNode;
  /** Shown under the results (submission export). */
  footer?: ReactNode;
  /** Why the last Check my work could not run. */
  gradeError?: string;
}

/** Pack completion: the share of lessons whose every check has passed. */
export function packPercent(lessons: readonly { id: string }[], progress: Readonly<Record<string, LessonProgress>>): number {
  if (lessons.length === 0) return 0;
  return Math.round((100 * lessons.filter((l) => progress[l.id]?.isComplete).length) / lessons.length);
}

export function LessonPanel(props: LessonPanelProps) {
  const { locale, t } = useLocale();
  const keyed = useKeyHint();
  // The button's tooltip and aria-keyshortcuts, from the key table.
  const checkKeyed = keyed(t('checkMyWorkHint'), 'check');
  const { lessons, lesson, progress } = props;
  const index = lessons.findIndex((l) => l.id === lesson.id);
  // The lesson chosen is named at once, while the panel below still shows the one being left.
  const picked = props.openingLessonId !== undefined && lessons.some((l) => l.id === props.openingLessonId) ? props.openingLessonId : lesson.id;
  const pickedIndex = lessons.findIndex((l) => l.id === picked);
  const percent = packPercent(lessons, progress);
  const previous = index > 0 ? lessons[index - 1] : undefined;
  const next = index >= 0 && index < lessons.length - 1 ? lessons[index + 1] : undefined;
  const objectives = localizeList(lesson.objectives, locale);
  // A step blank in every language (added and never written) is no step for the student.
  const steps = lesson.steps.map((step) => localize(step, locale)).filter((step) => step.trim() !== '');
  // undefined: closed; '': open at the top; an id: open at that term.
  const [glossaryAt, setGlossaryAt] = useState<string | undefined>(undefined);
  // Another lesson opens at its top (title, intro), wherever the last one was scrolled to: the way
  // on below a debrief, or a lesson link inside a step, is far down the panel.
  const panel = useRef<HTMLElement>(null);
  useEffect(() => {
    panel.current?.scrollTo({ top: 0 });
  }, [lesson.id]);

  return (
    <aside className="sl-lesson" aria-label={t('lesson')} ref={panel}>
      <div className="sl-lesson-top">
        <span className="sl-pack-title">{localize(props.packTitle, locale)}</span>
        <button type="button" className="sl-link sl-glossary-open" onClick={() => setGlossaryAt('')}>
          {t('glossary.title')}
        </button>
      </div>
      <div className="sl-pack-progress" title={`${t('packProgress')}${labelColon(locale)}${percent}%`}>
        <progress max={100} value={percent} aria-label={t('packProgress')} />
        <span data-testid="pack-percent">
          {percent}% {t('complete')}
        </span>
      </div>
      <nav className="sl-lesson-nav">
        <button type="button" disabled={!previous} onClick={() => previous && props.onSelectLesson(previous.id)}>
          ← {t('previous')}
        </button>
        <select
          aria-label={t('lesson')}
          value={picked}
          onChange={(e) => props.onSelectLesson(e.target.value)}
          className="sl-lesson-select"
          // Between Previous and Next it is too narrow for most titles: the tooltip reads the whole one.
          title={pickedIndex >= 0 ? `${pickedIndex + 1}. ${localize(lessons[pickedIndex]!.title, locale)}` : undefined}
        >
          {lessons.map((l, i) => (
            <option key={l.id} value={l.id}>
              {progress[l.id]?.isComplete ? '✓ ' : ''}
              {i + 1}. {localize(l.title, locale)}
            </option>
          ))}
        </select>
        <button type="button" disabled={!next} onClick={() => next && props.onSelectLesson(next.id)}>
          {t('next')} →
        </button>
      </nav>
      <h2 className="sl-lesson-heading" data-testid="lesson-title">
        {t('lesson')} {index + 1}{labelColon(locale)}{localize(lesson.title, locale)}
      </h2>
      {props.intro}
      {/* No heading over nothing: a lesson without objectives (or steps) shows none. */}
      {objectives.length > 0 && (
        <section data-testid="lesson-objectives">
          <h3>{t('objectives')}</h3>
          <ul className="sl-objectives">
            {objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </section>
      )}
      {props.predict}
      {steps.length > 0 && (
        <section data-testid="lesson-steps">
          <h3>{t('steps')}</h3>
          <ol className="sl-steps">
            {steps.map((step, i) => (
              <li key={i}>
                <Markdown text={step} resolveImage={props.resolveImage} onLessonLink={props.onSelectLesson} onGlossaryLink={setGlossaryAt} onMetricLink={requestChart} />
              </li>
            ))}
          </ol>
        </section>
      )}
      {props.quiz}
      <div className="sl-check-row">
        <button type="button" className="sl-primary sl-check-button" onClick={props.onCheck} disabled={props.isGrading || props.isOpening === true} {...checkKeyed}>
          {props.isGrading ? t('checking') : t('checkMyWork')}
        </button>
        {props.onReset && (
          <button type="button" className="sl-reset-button" onClick={props.onReset} title={t('resetToStarterHint')}>
            {t('resetToStarter')}
          </button>
        )}
      </div>
      {props.gradeError && (
        <p className="sl-error" role="alert">
          {props.gradeError}
        </p>
      )}
      {!props.report && props.reportUnderOtherName && (
        <p className="sl-results-earlier" role="note" data-testid="results-other-name">
          {props.reportUnderOtherName.student.trim()
            ? t('otherNameResults', { name: props.reportUnderOtherName.student.trim(), time: new Date(props.reportUnderOtherName.gradedAtMs).toLocaleString(locale) })
            : t('noNameResults', { time: new Date(props.reportUnderOtherName.gradedAtMs).toLocaleString(locale) })}
        </p>
      )}
      {props.report && <CheckResults report={props.report} earlierAtMs={props.reportEarlierAtMs} isStale={props.isReportStale} onShowMe={props.onShowMe} onShowFailingRequest={props.onShowFailingRequest} />}
      {props.debrief}
      {/* Every check passed: the way on is here, where the student reads the debrief, not only in the nav scrolled out of view above. */}
      {next && props.report && props.report.checks.length > 0 && props.report.checks.every((c) => c.passed) && (
        <button type="button" className="sl-next-lesson" data-testid="next-lesson-after-pass" onClick={() => props.onSelectLesson(next.id)}>
          {t('nextLessonNamed', { number: index + 2, title: localize(next.title, locale) })}
        </button>
      )}
      {props.footer}
      {glossaryAt !== undefined && <GlossaryDialog termId={glossaryAt || undefined} onClose={() => setGlossaryAt(undefined)} />}
    </aside>
  );
}
