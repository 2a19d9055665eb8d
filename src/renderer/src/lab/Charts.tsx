import { useTranslation } from 'react-i18next';
import { useMemo } from 'react';
import type { LabRun } from './labRun';
import { chartSet, revealedIndex } from './series';
import { formatChartValue, UPlotChart } from './UPlotChart';

/** The charts under the canvas, revealed up to the playback cursor, with fault markers. */
export function Charts({ run, cursorMs }: { run: LabRun; cursorMs: number }) {
  const set = useMemo(() => chartSet(run), [run]);
  const faultsMs = useMemo(() => run.faults.map((f) => f.atMs), [run]);
  const revealed = revealedIndex(set, cursorMs);
  const { t, i18n } = useTranslation('lab');
  return (
    <section className="sl-charts" aria-label={t('charts')}>
      {set.charts.map((spec) => (
        <figure className="sl-chart" key={spec.id} data-chart={spec.id}>
          <figcaption>
            <span className="sl-chart-title">{t(`chartTitles.${spec.id}`, { defaultValue: spec.title })}</span>
            {spec.series.map((s, i) => (
              <span className="sl-chart-value" key={s.label} data-series={i}>
                {spec.series.length > 1 ? `${s.key ? t(s.key) : s.label} ` : ''}
                <span data-testid={i === 0 ? `chart-${spec.id}` : undefined}>{formatChartValue(s.values[revealed], spec.unit, i18n.language)}</span>
              </span>
            ))}
          </figcaption>
          <UPlotChart spec={spec} tS={set.tS} revealed={revealed} cursorMs={cursorMs} endMs={run.endedAtMs} faultsMs={faultsMs} />
        </figure>
      ))}
    </section>
  );
}
