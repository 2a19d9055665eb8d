/**
 * "Predict before you run" questions (lesson `predictions`, src/shared/instructor.ts): add, remove
 * and reorder them; each has its question and choices in every locale side by side, the metric
 * (and window) the run's measurement is read from afterwards, and per choice the range of that
 * measurement it predicts. Points are for answering.
 */
import type { Draft } from 'immer';
import { useTranslation } from 'react-i18next';
import type { CheckWindow } from '../../../shared/checks';
import { METRIC_NAMES, METRICS, type MetricName } from '../../../shared/metrics';
import { useDomain } from '../i18n/useDomain';
import { LocalizedField } from './LocalizedField';
import { NumberBox } from './NumberBox';
import { movePrediction, newPrediction, predictionProblems, setPredictionMetric, type PredictionDoc } from './predictionEdit';
import type { Studio } from './useStudio';
import { WindowFields } from './WindowFields';

export function PredictionsEditor({ studio, faultIds, faultName, checkIds }: { studio: Studio; faultIds: string[]; faultName(id: string): string; checkIds: string[] }) {
  const { t } = useTranslation('studio');
  const d = useDomain();
  const lesson = studio.lessonDoc;
  if (!lesson) return null;
  const predictions = (lesson.predictions ?? []) as PredictionDoc[];
  const editAll = (recipe: (list: Draft<PredictionDoc>[]) => void) => studio.editLesson((l) => recipe((l.predictions ??= []) as Draft<PredictionDoc>[]));
  const edit = (i: number, recipe: (p: Draft<PredictionDoc>) => void) =>
    editAll((list) => {
      const p = list[i];
      if (p) recipe(p);
    });
  return (
    <section className="sl-studio-tab sl-studio-predict" data-testid="studio-predictions" aria-label={t('predict.title')}>
      <h4>{t('predict.title')}</h4>
      <p className="sl-muted">{t('predict.help')}</p>
      <ul className="sl-studio-faults">
        {predictions.map((p, i) => {
          const metric = p.measure.metric as MetricName;
          const problems = predictionProblems(predictions, i, checkIds);
          return (
            <li key={i} data-testid={`prediction-${i}`} data-prediction={p.id}>
              <div className="sl-studio-row">
                <label className="sl-studio-inline">
                  {t('predict.id')} <input data-testid="prediction-id" value={p.id} onChange={(e) => edit(i, (x) => void (x.id = e.target.value))} />
                </label>
                <label className="sl-studio-inline">
                  {t('points')} <input type="number" min={0} max={100} value={p.points ?? 1} onChange={(e) => edit(i, (x) => void (x.points = Math.min(100, Math.max(0, Math.round(Number(e.target.value) || 0)))))} />
                </label>
                <button type="button" className="sl-link" disabled={i === 0} onClick={() => editAll((list) => void list.splice(0, list.length, ...movePrediction(list, i, -1)))}>{t('predict.up')}</button>
                <button type="button" className="sl-link" disabled={i === predictions.length - 1} onClick={() => editAll((list) => void list.splice(0, list.length, ...movePrediction(list, i, 1)))}>{t('predict.down')}</button>
                <button type="button" className="sl-link" onClick={() => editAll((list) => void list.splice(i, 1))}>{t('remove')}</button>
              </div>
              <LocalizedField label={t('question')} value={p.question} isMultiline testId={`prediction-question-${i}`} onChange={(v) => edit(i, (x) => void (x.question = { ...v, en: v.en ?? '' }))} />
              <label className="sl-studio-inline">
                {t('predict.measure')}{' '}
                <select data-testid="prediction-metric" value={metric} onChange={(e) => edit(i, (x) => setPredictionMetric(x, e.target.value as MetricName))}>
                  {METRIC_NAMES.map((m) => (
                    <option key={m} value={m}>{d.metric(m)} ({m})</option>
                  ))}
                </select>
                <span className="sl-muted">{d.unit(METRICS[metric].unit)}</span>
              </label>
              <WindowFields testId={`prediction-window-${i}`} window={p.measure.window as CheckWindow | undefined} faultIds={faultIds} faultName={faultName} onChange={(w) => edit(i, (x) => void (w ? (x.measure.window = w) : delete x.measure.window))} />
              {p.choices.map((c, j) => (
                <div key={c.id} className="sl-studio-list-row" data-testid={`prediction-${i}-choice-${j}`}>
                  <LocalizedField label={t('choice', { n: j + 1 })} value={c.text} testId={`prediction-${i}-choice-text-${j}`} onChange={(v) => edit(i, (x) => void (x.choices[j]!.text = { ...v, en: v.en ?? '' }))} />
                  <div className="sl-studio-row">
                    <span className="sl-muted">{t('predict.boundsHelp', { unit: d.unit(METRICS[metric].unit) })}</span>
                    <NumberBox isOptional placeholder={t('predict.noBound')} label={t('predict.min')} value={c.min} onChange={(v) => edit(i, (x) => void (v === undefined ? delete x.choices[j]!.min : (x.choices[j]!.min = v)))} />
                    <NumberBox isOptional placeholder={t('predict.noBound')} label={t('predict.max')} value={c.max} onChange={(v) => edit(i, (x) => void (v === undefined ? delete x.choices[j]!.max : (x.choices[j]!.max = v)))} />
                    {p.choices.length > 2 && <button type="button" className="sl-link" onClick={() => edit(i, (x) => void x.choices.splice(j, 1))}>{t('remove')}</button>}
                  </div>
                </div>
              ))}
              {p.choices.length < 8 && (
                <button type="button" onClick={() => edit(i, (x) => void x.choices.push({ id: nextChoiceId(p), text: { en: '' } }))}>{t('addChoice')}</button>
              )}
              {problems.map((x, j) => (
                <p key={j} className="sl-error" role="alert" data-testid="prediction-problem">{t(`predict.problems.${x.key}`, x.params ?? {})}</p>
              ))}
            </li>
          );
        })}
      </ul>
      {predictions.length < 10 && (
        <button type="button" data-testid="prediction-add" onClick={() => editAll((list) => void list.push(newPrediction([...checkIds, ...predictions.map((p) => p.id)])))}>{t('predict.add')}</button>
      )}
    </section>
  );
}

const nextChoiceId = (p: PredictionDoc) => {
  const used = new Set(p.choices.map((c) => c.id));
  let n = p.choices.length + 1;
  while (used.has(`c${n}`)) n++;
  return `c${n}`;
};

