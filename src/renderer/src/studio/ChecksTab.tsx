/**
 * The checks builder: metric checks (a metric from the catalogue, with its unit and description; a
 * window anchored to the scenario's faults, drawn on the timeline; a bound), structural checks (a
 * predicate to require and/or forbid, PredicateEditor.tsx) and quizzes; each with points, title, feedback and hint in every locale.
 */
import { formatSeconds, labelColon } from '../i18n/format';
import type { Draft } from 'immer';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMPARE_OPS, type Check, type CheckWindow, type CompareOp, type Predicate } from '../../../shared/checks';
import { boundWords } from '../../../shared/i18n/checkValue';
import { METRIC_NAMES, METRICS, type MetricDef, type MetricName } from '../../../shared/metrics';
import { faultId, type Scenario } from '../../../shared/scenario';
import { useDomain } from '../i18n/useDomain';
import { LocalizedField } from './LocalizedField';
import { PredictionsEditor } from './PredictionsEditor';
import { WindowFields } from './WindowFields';
import { checkName } from './checkName';
import { useFaultNamer } from './faultName';
import { InlineMarkdown } from '../lesson/Markdown';
import { PredicateEditor } from './PredicateEditor';
import { newPredicate } from './predicates';
import { StudioTimeline } from './StudioTimeline';
import { readWindow, windowSpan } from './timeline';
import type { Studio } from './useStudio';
import { useStudioNamer } from './useStudioNamer';

type CheckDoc = Record<string, unknown> & { id: string; type: Check['type'] };
const CHECK_KINDS: readonly Check['type'][] = ['metric', 'structure', 'quiz'];

function MetricFields({ check, faultIds, faultName, scenario, set }: { check: CheckDoc; faultIds: string[]; faultName(id: string): string; scenario: Scenario; set(recipe: (c: Record<string, unknown>) => void): void }) {
  const { t, i18n } = useTranslation('studio');
  const d = useDomain();
  const metric = check.metric as MetricName;
  const budgetRole = (METRICS[metric] as MetricDef | undefined)?.budget;
  const window = check.window as CheckWindow | undefined;
  const reading = readWindow(window, scenario);
  return (
    <>
      <label className="sl-studio-field">
        {t('metric')}
        <select data-testid="metric-picker" value={metric} onChange={(e) => set((c) => void (c.metric = e.target.value))}>
          {METRIC_NAMES.map((m) => (
            <option key={m} value={m}>{d.metric(m)} ({m})</option>
          ))}
        </select>
      </label>
      <p className="sl-muted" data-testid="metric-about">
        {d.metricDescription(metric)} · {t('unit')}{labelColon(i18n.language)}{d.unit(METRICS[metric].unit)}
      </p>
      {/* Its part in a budget (grade.ts holdToBudget): a cost check worth points takes away what capacity buys over it. */}
      {budgetRole !== undefined && budgetRole !== 'none' && (
        <p className="sl-muted" data-testid="metric-budget">
          {t(budgetRole === 'price' ? 'budgetPrice' : 'budgetBought')}
        </p>
      )}
      <WindowFields window={window} faultIds={faultIds} faultName={faultName} onChange={(next) => set((c) => void (c.window = next))} />
      {/* What the window measures, as grading resolves it; an empty one says why (after a fault that never ends). */}
      {reading?.ok === true && (
        <p className="sl-muted" data-testid="window-reading">{t('windowReads', { from: formatSeconds(reading.fromMs, i18n.language), to: formatSeconds(reading.toMs, i18n.language) })}</p>
      )}
      {reading?.ok === false && (
        <p className="sl-error" role="note" data-testid="window-reading">{t(`windowEmpty.${reading.reason}`, { fault: reading.fault === undefined ? '' : faultName(reading.fault) })}</p>
      )}
      <div className="sl-studio-row">
        <label className="sl-studio-inline">
          {t('mustBe')}{' '}
          <select data-testid="check-op" value={check.op as CompareOp} onChange={(e) => set((c) => void (c.op = e.target.value))}>
            {COMPARE_OPS.map((op) => (
              <option key={op} value={op}>{op}</option>
            ))}
          </select>
        </label>
        <label className="sl-studio-inline">
          {t('bound')} <input data-testid="check-bound" type="number" step="any" value={String(check.value ?? 0)} onChange={(e) => set((c) => void (c.value = Number(e.target.value)))} /> {d.unit(METRICS[metric].unit)}
        </label>
      </div>
      {/* The bound as the student will read it (a fraction typed as 0.01 reads "less than 1%"), with the lesson panel's formatter. */}
      {typeof check.value === 'number' && COMPARE_OPS.includes(check.op as CompareOp) && (
        <p className="sl-muted" data-testid="check-bound-words">
          {t('boundReads', { bound: boundWords(check.op as CompareOp, check.value, METRICS[metric].unit, i18n.language) })}
        </p>
      )}
      <label className="sl-studio-inline">
        <input type="checkbox" data-testid="check-require-served" checked={check.requireServed === true} onChange={(e) => set((c) => void (e.target.checked ? (c.requireServed = true) : delete c.requireServed))} /> {t('requireServed')}
      </label>
    </>
  );
}

function StructureFields({ check, set, nameOf }: { check: CheckDoc; set(recipe: (c: Record<string, unknown>) => void): void; nameOf(id: string): string }) {
  const { t } = useTranslation('studio');
  const sides = ['require', 'forbid'] as const;
  return (
    <div className="sl-studio-tab" data-testid="structure-fields">
      {sides.map((side) => {
        const value = check[side] as Predicate | undefined;
        return (
          <div key={side} className="sl-studio-list-row">
            <label className="sl-studio-inline">
              <input type="checkbox" data-testid={`structure-${side}-on`} checked={value !== undefined} onChange={(e) => set((c) => void (e.target.checked ? (c[side] = newPredicate('node')) : delete c[side]))} /> {t(`pred.${side}`)}
            </label>
            {value !== undefined && <PredicateEditor testId={`structure-${side}`} nameOf={nameOf} value={value} onChange={(next) => set((c) => void (c[side] = next))} />}
          </div>
        );
      })}
      {check.require === undefined && check.forbid === undefined && <p className="sl-error" role="alert">{t('pred.needsSide')}</p>}
    </div>
  );
}

type Text = { en: string; [locale: string]: string | undefined };

function QuizFields({ check, set }: { check: CheckDoc; set(recipe: (c: Record<string, unknown>) => void): void }) {
  const { t } = useTranslation('studio');
  const choices = (check.choices as { id: string; text: Text }[] | undefined) ?? [];
  return (
    <>
      <LocalizedField label={t('question')} value={check.question as Text} testId="quiz-question" onChange={(v) => set((c) => void (c.question = v))} />
      {choices.map((choice, i) => (
        <div key={i} className="sl-studio-list-row">
          <LocalizedField label={t('choice', { n: i + 1 })} value={choice.text} testId={`quiz-choice-${i}`} onChange={(v) => set((c) => void ((c.choices as { text: Text }[])[i]!.text = v))} />
          <label className="sl-studio-inline">
            <input type="radio" name={`answer-${check.id}`} checked={check.answer === choice.id} onChange={() => set((c) => void (c.answer = choice.id))} /> {t('rightAnswer')}
          </label>
        </div>
      ))}
      <button type="button" onClick={() => set((c) => void (c.choices = [...choices, { id: `c${choices.length + 1}`, text: { en: '' } }]))}>{t('addChoice')}</button>
    </>
  );
}

const NEW_CHECKS: Record<Check['type'], (id: string) => CheckDoc> = {
  metric: (id) => ({ id, type: 'metric', metric: 'errorRate', op: '<', value: 0.01, points: 1 }),
  structure: (id) => ({ id, type: 'structure', require: { count: { node: { kind: 'cache' }, op: '>=', value: 1 } }, points: 1 }),
  quiz: (id) => ({ id, type: 'quiz', question: { en: '' }, choices: [{ id: 'a', text: { en: '' } }, { id: 'b', text: { en: '' } }], answer: 'a', points: 1 }),
};

export function ChecksTab({ studio, initialCheck = 0 }: { studio: Studio; initialCheck?: number | undefined }) {
  const { t, i18n } = useTranslation('studio');
  const [selected, setSelected] = useState(initialCheck);
  const nameOf = useStudioNamer(studio.lesson);
  const faultName = useFaultNamer((studio.lessonDoc?.scenario as Scenario | undefined)?.faults, nameOf);
  const lesson = studio.lessonDoc;
  if (!lesson) return null;
  const checks = (lesson.checks ?? []) as CheckDoc[];
  const scenario = lesson.scenario as Scenario;
  const faults = scenario.faults ?? [];
  const faultIds = faults.map((f, i) => faultId(f, i));
  const index = Math.min(selected, checks.length - 1);
  const check = checks[index];
  const set = (recipe: (c: Record<string, unknown>) => void) => studio.editLesson((l) => recipe((l.checks as Draft<CheckDoc>[])[index] as Record<string, unknown>));
  const add = (type: Check['type']) => {
    const used = new Set(checks.map((c) => c.id));
    let id: string = `${type}-check`;
    for (let n = 2; used.has(id); n++) id = `${type}-check-${n}`;
    studio.editLesson((l) => void (l.checks ??= []).push(NEW_CHECKS[type](id) as Draft<Check>));
    setSelected(checks.length);
  };
  return (
    <div className="sl-studio-tab" data-testid="studio-checks">
      <div className="sl-studio-row">
        {checks.map((c, i) => (
          <button key={i} type="button" className={i === index ? 'is-active' : undefined} aria-pressed={i === index} data-check={c.id} title={c.id} onClick={() => setSelected(i)}>
            {/* A quiz named by its question reads as the student reads it (`ws-2` as code, not with its backticks). */}
            <InlineMarkdown text={checkName(c as Parameters<typeof checkName>[0], i18n.language)} />
          </button>
        ))}
      </div>
      <div className="sl-studio-row">
        {CHECK_KINDS.map((type) => (
          <button key={type} type="button" onClick={() => add(type)}>{t(`add.${type}`)}</button>
        ))}
      </div>
      {check && (
        <div className="sl-studio-check" data-testid="check-form">
          {check.type === 'metric' && <StudioTimeline faults={faults} nameOf={nameOf} durationMs={scenario.durationMs} band={windowSpan(check.window as CheckWindow | undefined, faults, scenario.durationMs)} />}
          <div className="sl-studio-row">
            <label className="sl-studio-inline">
              {t('checkId')} <input data-testid="check-id" value={check.id} onChange={(e) => set((c) => void (c.id = e.target.value))} />
            </label>
            <label className="sl-studio-inline">
              {t('points')} <input type="number" min={0} value={String(check.points ?? 1)} onChange={(e) => set((c) => void (c.points = Math.max(0, Math.round(Number(e.target.value)))))} />
            </label>
            <button type="button" className="sl-link" onClick={() => studio.editLesson((l) => void l.checks!.splice(index, 1))}>{t('remove')}</button>
          </div>
          {check.type === 'metric' && <MetricFields check={check} faultIds={faultIds} faultName={faultName} scenario={scenario} set={set} />}
          {check.type === 'structure' && <StructureFields check={check} set={set} nameOf={nameOf} />}
          {check.type === 'quiz' && <QuizFields check={check} set={set} />}
          <LocalizedField label={t('checkTitle')} value={check.title as Text | undefined} testId="check-title" onChange={(v) => set((c) => void (c.title = v))} />
          <LocalizedField label={t('feedback')} value={check.feedback as Text | undefined} isMultiline testId="check-feedback" onChange={(v) => set((c) => void (c.feedback = v))} />
          <p className="sl-muted">{t('feedbackHelp')}</p>
          <LocalizedField label={t('hint')} value={check.hint as Text | undefined} isMultiline testId="check-hint" onChange={(v) => set((c) => void (c.hint = v))} />
        </div>
      )}
      <PredictionsEditor studio={studio} faultIds={faultIds} faultName={faultName} checkIds={checks.map((c) => c.id)} />
    </div>
  );
}
