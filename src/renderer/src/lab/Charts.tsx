import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { MetricName } from '../../../shared/metrics';
import { useDomain } from '../i18n/useDomain';
import { useNameOfId } from '../i18n/nodeNames';
import type { LabRun } from './labRun';
import { chartSet, PICKABLE_METRICS, revealedIndex, type ChartUnit } from './series';
import { formatChartValue, UPlotChart } from './UPlotChart';

const UNIT_TEXT: Record<ChartUnit, string> = { 'per-second': 'unitPerSecond', fraction: 'unitFraction', ms: 'unitMs', count: 'unitCount', ratio: 'unitRatio' };

/**
 * The charts under the canvas, revealed up to the playback cursor, with fault markers: the default
 * set plus the metrics the student picked from the catalogue. The caption values are those at the
 * cursor; hovering a plot reads the value at the hovered time.
 */
/** Adds a chart of any catalogue metric (the results head says the charts' caption values are those at the cursor). */
export function ChartPicker({ picked, onPick }: { picked: readonly MetricName[]; onPick(picked: MetricName[]): void }) {
  const { t } = useTranslation('lab');
  const d = useDomain();
  return (
    <div className="sl-charts-tools">
      <select
        aria-label={t('bench.addChart')}
        value=""
        onChange={(e) => {
          const metric = e.currentTarget.value as MetricName;
          if (metric && !picked.includes(metric)) onPick([...picked, metric]);
        }}
      >
        <option value="">{t('bench.addChartPlaceholder')}</option>
        {PICKABLE_METRICS.filter((m) => !picked.includes(m)).map((m) => (
          <option key={m} value={m} title={d.metricDescription(m)}>
            {d.metric(m)}
          </option>
        ))}
      </select>
    </div>
  );
}

/**
 * `onPickFailure`: a click on the error chart names the start of the bucket clicked (never one
 * the playback has not revealed yet), to trace the first request failing at or after it.
 */
export function Charts({ run, cursorMs, picked, onPick, onPickFailure }: { run: LabRun; cursorMs: number; picked: readonly MetricName[]; onPick(picked: MetricName[]): void; onPickFailure?(atMs: number): void }) {
  const d = useDomain();
  const nameOf = useNameOfId();
  const { t, i18n } = useTranslation('lab');
  // Each line named as the student reads it: a node by its name on the canvas, others by their words.
  const set = useMemo(() => {
    const english = chartSet(run, picked);
    const charts = english.charts.map((spec) => ({ ...spec, series: spec.series.map((s) => ({ ...s, label: s.key ? t(s.key) : s.node ? nameOf(s.node) : s.label })) }));
    return { ...english, charts };
  }, [run, picked, nameOf, t]);
  const faultsMs = useMemo(() => run.faults.map((f) => f.atMs), [run]);
  const revealed = revealedIndex(set, cursorMs);
  const pickFailure = (ms: number) => {
    const bucketStart = Math.floor(ms / set.bucketMs) * set.bucketMs;
    if (onPickFailure && bucketStart <= cursorMs) onPickFailure(bucketStart);
  };
  const unitText = (unit: ChartUnit) => t(`bench.${UNIT_TEXT[unit]}`, { bucket: set.bucketMs / 1000 });
  return (
    <section className="sl-charts-area" aria-label={t('charts')}>
      <div className="sl-charts">
        {set.charts.map((spec) => (
          <figure className="sl-chart" key={spec.id} data-chart={spec.id} title={spec.id === 'errorRate' && onPickFailure ? t('requestTrace.chartPickHint') : undefined}>
            <figcaption>
              <span className="sl-chart-title">{spec.metric ? d.metric(spec.metric) : t(`chartTitles.${spec.id}`, { defaultValue: spec.title })}</span>
              <span className="sl-chart-unit">({unitText(spec.unit)})</span>
              {spec.series.map((s, i) => (
                <span className="sl-chart-value" key={s.node ?? s.key ?? s.label} data-series={i} data-node={s.node}>
                  {spec.series.length > 1 ? `${s.label} ` : ''}
                  <span data-testid={i === 0 ? `chart-${spec.id}` : undefined}>{formatChartValue(s.values[revealed], spec.unit, i18n.language)}</span>
                </span>
              ))}
              {spec.metric && (
                <button type="button" className="sl-chart-remove" aria-label={`${t('bench.removeChart')} ${spec.metric ? d.metric(spec.metric) : spec.title}`} title={t('bench.removeChart')} onClick={() => onPick(picked.filter((m) => m !== spec.metric))}>
                  ×
                </button>
              )}
            </figcaption>
            <UPlotChart spec={spec} tS={set.tS} revealed={revealed} cursorMs={cursorMs} endMs={run.endedAtMs} faultsMs={faultsMs} onPickMs={spec.id === 'errorRate' && onPickFailure ? pickFailure : undefined} />
          </figure>
        ))}
      </div>
    </section>
  );
}
