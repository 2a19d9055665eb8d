import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { MetricName } from '../../../shared/metrics';
import { METRICS } from '../../../shared/metrics';
import { useLocale } from '../i18n/LocaleContext';
import type { LabRun } from './labRun';
import { labText, type LabTextKey } from './labText';
import { chartSet, PICKABLE_METRICS, revealedIndex, type ChartUnit } from './series';
import { formatChartValue, UPlotChart } from './UPlotChart';

const UNIT_TEXT: Record<ChartUnit, LabTextKey> = { 'per-second': 'unitPerSecond', fraction: 'unitFraction', ms: 'unitMs', count: 'unitCount', ratio: 'unitRatio' };

/**
 * The charts under the canvas, revealed up to the playback cursor, with fault markers: the default
 * set plus the metrics the student picked from the catalogue. The caption values are those at the
 * cursor; hovering a plot reads the value at the hovered time.
 */
/** Adds a chart of any catalogue metric; the caption values of every chart are those at the cursor. */
export function ChartPicker({ picked, onPick }: { picked: readonly MetricName[]; onPick(picked: MetricName[]): void }) {
  const { locale } = useLocale();
  return (
    <div className="sl-charts-tools">
      <span className="sl-muted">{labText(locale, 'atCursor')}</span>
      <select
        aria-label={labText(locale, 'addChart')}
        value=""
        onChange={(e) => {
          const metric = e.currentTarget.value as MetricName;
          if (metric && !picked.includes(metric)) onPick([...picked, metric]);
        }}
      >
        <option value="">{labText(locale, 'addChartPlaceholder')}</option>
        {PICKABLE_METRICS.filter((m) => !picked.includes(m)).map((m) => (
          <option key={m} value={m} title={METRICS[m].description}>
            {METRICS[m].label}
          </option>
        ))}
      </select>
    </div>
  );
}

export function Charts({ run, cursorMs, picked, onPick }: { run: LabRun; cursorMs: number; picked: readonly MetricName[]; onPick(picked: MetricName[]): void }) {
  const { locale } = useLocale();
  const set = useMemo(() => chartSet(run, picked), [run, picked]);
  const faultsMs = useMemo(() => run.faults.map((f) => f.atMs), [run]);
  const revealed = revealedIndex(set, cursorMs);
  const { t, i18n } = useTranslation('lab');
  const unitText = (unit: ChartUnit) => labText(locale, UNIT_TEXT[unit], { bucket: set.bucketMs / 1000 });
  return (
    <section className="sl-charts-area" aria-label={t('charts')}>
      <div className="sl-charts">
        {set.charts.map((spec) => (
          <figure className="sl-chart" key={spec.id} data-chart={spec.id}>
            <figcaption>
              <span className="sl-chart-title">{t(`chartTitles.${spec.id}`, { defaultValue: spec.title })}</span>
              <span className="sl-chart-unit">({unitText(spec.unit)})</span>
              {spec.series.map((s, i) => (
                <span className="sl-chart-value" key={s.label} data-series={i}>
                  {spec.series.length > 1 ? `${s.key ? t(s.key) : s.label} ` : ''}
                  <span data-testid={i === 0 ? `chart-${spec.id}` : undefined}>{formatChartValue(s.values[revealed], spec.unit, i18n.language)}</span>
                </span>
              ))}
              {spec.metric && (
                <button type="button" className="sl-chart-remove" aria-label={`${labText(locale, 'removeChart')} ${spec.title}`} title={labText(locale, 'removeChart')} onClick={() => onPick(picked.filter((m) => m !== spec.metric))}>
                  ×
                </button>
              )}
            </figcaption>
            <UPlotChart spec={spec} tS={set.tS} revealed={revealed} cursorMs={cursorMs} endMs={run.endedAtMs} faultsMs={faultsMs} />
          </figure>
        ))}
      </div>
    </section>
  );
}
