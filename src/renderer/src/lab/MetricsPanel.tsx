import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RunResult } from '../../../shared/metrics';
import { formatValue } from '../i18n/format';
import { useDomain } from '../i18n/useDomain';

/**
 * The served p99, not the p99 of every ended request: a request that fails at once ends fast, so a
 * design whose every request failed read "error rate 100 % · p99 0.0 ms", as if it were quick. The
 * served p99 has no value when nothing was served ("—"), which is what the lessons' served-latency
 * checks say too. The latency chart still draws p50 and p99 of every ended request.
 */
const HEADLINE = [
  { metric: 'throughput', unit: 'rps' },
  { metric: 'errorRate', unit: 'fraction' },
  { metric: 'servedLatencyP99', unit: 'ms' },
  { metric: 'sessionsLost', unit: 'count' },
] as const;

/** The numbers a student reads first after a run; `children` wrap along with them (the results head's note on the charts). */
export function MetricsPanel({ run, children }: { run: RunResult | undefined; children?: ReactNode }) {
  const { t, i18n } = useTranslation('lab');
  const d = useDomain();
  return (
    <section className="sl-metrics" aria-label={t('results')}>
      {HEADLINE.map(({ metric, unit }) => (
        <div className="sl-metric" key={metric} data-metric={metric}>
          <div className="sl-metric-label" title={d.metricDescription(metric)}>{d.metric(metric)}</div>
          <div className="sl-metric-value" data-testid={`metric-${metric}`}>
            {formatValue(run?.summary[metric], unit, i18n.language)}
          </div>
        </div>
      ))}
      {run && (
        <div className="sl-metric sl-metric-trace" title={t('traceHint')}>
          <div className="sl-metric-label">{t('trace')}</div>
          <div className="sl-metric-value sl-mono" data-testid="trace-hash">{run.traceHash.slice(0, 12)}</div>
        </div>
      )}
      {children}
    </section>
  );
}
