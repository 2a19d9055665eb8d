/**
 * The instructor layer as a student sees it (issue 13): the intro card (the notes section the
 * lesson teaches, its length, difficulty and prerequisites), the student's variant, the
 * "predict before you run" questions with what the run measured next to each answer, and the
 * debrief once every check passes. Instructor notes never reach the renderer.
 */
import { useEffect, useState } from 'react';
import type { GradeReport } from '../../../shared/gradeReport';
import { localize } from '../../../shared/i18n';
import type { LessonView } from '../../../shared/ipc';
import { METRICS, type RunResult } from '../../../shared/metrics';
import { readMetric } from '../../../shared/metrics/read';
import { faultTimings, resolveWindow } from '../../../shared/runWindow';
import { ScenarioSchema, type Scenario } from '../../../shared/scenario';
import type { StudentVariant } from '../../../shared/variants';
import { formatParameter } from '../../../shared/i18n/variantText';
import { formatValue, labelColon, listSeparator } from '../i18n/format';
import { useLocale } from '../i18n/LocaleContext';
import { useDomain } from '../i18n/useDomain';
import { InlineMarkdown, Markdown } from './Markdown';

export function IntroCard({ about, onSelectLesson }: { about: LessonView['about']; onSelectLesson(id: string): void }) {
  const { locale, t } = useLocale();
  const section = about.notesSection;
  if (!section && about.estimatedMinutes === undefined && !about.difficulty && about.prerequisites.length === 0) return null;
  return (
    <section className="sl-intro-card" data-testid="intro-card" aria-label={t('introCard')}>
      {section && (
        <>
          <div className="sl-intro-from">{t('fromNotes', { number: section.number })}</div>
          <div className="sl-intro-title">{localize(section.title, locale)}</div>
          <Markdown text={localize(section.summary, locale)} />
        </>
      )}
      <div className="sl-intro-meta">
        {about.estimatedMinutes !== undefined && <span>{t('minutes', { count: about.estimatedMinutes })}</span>}
        {about.difficulty && <span className={`sl-badge is-${about.difficulty}`}>{t(`difficulty.${about.difficulty}`)}</span>}
        {about.prerequisites.length > 0 && (
          <span>
            {t('doFirst')}
            {labelColon(locale)}
            {about.prerequisites.map((p, i) => (
              <span key={p.id}>
                {i > 0 && listSeparator(locale)}
                <button type="button" className="sl-link" onClick={() => onSelectLesson(p.id)}>
                  {localize(p.title, locale)}
                </button>
              </span>
            ))}
          </span>
        )}
      </div>
    </section>
  );
}

/** The student's name and the numbers it gives them; the name is taken on Enter or when the field is left. */
export function VariantCard({ lesson, student, variant, onStudent }: { lesson: LessonView; student: string; variant: StudentVariant | undefined; onStudent(name: string, request?: { onKeep?(): void }): boolean }) {
  const { locale, t } = useLocale();
  const [draft, setDraft] = useState(student);
  useEffect(() => setDraft(student), [student]);
  if (!lesson.variants) return null;
  const commit = () => {
    // Kept numbers (the student said no when asked) put the name in force back in the field.
    if (draft !== student) onStudent(draft, { onKeep: () => setDraft(student) });
  };
  return (
    <section className="sl-variant-card" data-testid="variant-card" aria-label={t('yourVariant')}>
      <h3>{t('yourVariant')}</h3>
      <input
        type="text"
        value={draft}
        maxLength={200}
        placeholder={t('studentName')}
        aria-label={t('studentName')}
        data-testid="variant-student"
        onChange={(e) => setDraft(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          // Its default would press the button a dialog the commit opens has focused ("Keep my numbers").
          e.preventDefault();
          commit();
        }}
      />
      {variant ? (
        <ul className="sl-variant-values">
          {lesson.variants.parameters.map((p) => (
            <li key={p.id} data-parameter={p.id}>
              {localize(p.label, locale)}{labelColon(locale)}<strong data-testid={`variant-${p.id}`}>{formatParameter(p, variant.values[p.id] ?? p.min, locale)}</strong>
            </li>
          ))}
        </ul>
      ) : (
        <p className="sl-variant-hint">{t('variantNeedsName')}</p>
      )}
    </section>
  );
}

/** What the run measured for a prediction, or undefined when it cannot be read. */
function measuredFor(prediction: LessonView['predictions'][number], run: RunResult, scenario: Scenario): number | undefined {
  const parsed = ScenarioSchema.safeParse(scenario);
  if (!parsed.success) return undefined;
  const window = resolveWindow(prediction.measure.window, faultTimings(parsed.data), run.durationMs);
  if (!window.ok) return undefined;
  const value = readMetric(run, prediction.measure.metric, window.value);
  return Number.isNaN(value) ? undefined : value;
}

/** "Predict before you run": answered before Run is enabled; after a run, each answer sits next to what the run measured. */
export function PredictionQuestions({
  predictions,
  answers,
  onAnswer,
  run,
  scenario,
}: {
  predictions: LessonView['predictions'];
  answers: Readonly<Record<string, string>>;
  onAnswer(id: string, choiceId: string): void;
  run: RunResult | undefined;
  scenario: Scenario | undefined;
}) {
  const { locale, t } = useLocale();
  const d = useDomain();
  if (predictions.length === 0) return null;
  return (
    <section className="sl-predictions" data-testid="predictions" aria-label={t('predictTitle')}>
      <h3>{t('predictTitle')}</h3>
      <p className="sl-predict-hint">{t('predictHint')}</p>
      {predictions.map((p) => {
        const picked = p.choices.find((c) => c.id === answers[p.id]);
        const measured = run && scenario && picked ? measuredFor(p, run, scenario) : undefined;
        const hasRange = picked && (picked.min !== undefined || picked.max !== undefined);
        const isBorneOut = measured !== undefined && hasRange ? (picked.min === undefined || measured >= picked.min) && (picked.max === undefined || measured < picked.max) : undefined;
        return (
          <fieldset key={p.id} className="sl-quiz sl-prediction" data-prediction={p.id} aria-label={localize(p.question, locale).replaceAll("`", "")}>
            <div className="sl-quiz-question">
              <Markdown text={localize(p.question, locale)} />
            </div>
            {p.choices.map((choice) => (
              <label key={choice.id} className="sl-quiz-choice">
                <input type="radio" name={`prediction-${p.id}`} value={choice.id} checked={answers[p.id] === choice.id} onChange={() => onAnswer(p.id, choice.id)} />
                <InlineMarkdown text={localize(choice.text, locale)} />
              </label>
            ))}
            {picked && measured !== undefined && (
              <p className={`sl-prediction-result ${isBorneOut === false ? 'is-off' : ''}`} data-testid={`prediction-result-${p.id}`}>
                {t('youPredicted')}{labelColon(locale)}<strong><InlineMarkdown text={localize(picked.text, locale)} /></strong>
                <br />
                {/* Named: "The run measured: 59" left the student guessing 59 of what. */}
                {t('runMeasuredMetric', { metric: d.metric(p.measure.metric) })}{labelColon(locale)}<strong data-testid={`prediction-measured-${p.id}`}>{formatValue(measured, METRICS[p.measure.metric].unit, locale)}</strong>
                {isBorneOut !== undefined && <> · {isBorneOut ? t('borneOut') : t('notBorneOut')}</>}
              </p>
            )}
          </fieldset>
        );
      })}
    </section>
  );
}

/** Shown once every check has passed. */
export function Debrief({ text, report }: { text: LessonView['about']['debrief']; report: GradeReport | undefined }) {
  const { locale, t } = useLocale();
  if (!text || !report || report.checks.length === 0 || !report.checks.every((c) => c.passed)) return null;
  return (
    <section className="sl-debrief" data-testid="debrief" aria-label={t('debriefTitle')}>
      <h3>{t('debriefTitle')}</h3>
      <Markdown text={localize(text, locale)} />
    </section>
  );
}
