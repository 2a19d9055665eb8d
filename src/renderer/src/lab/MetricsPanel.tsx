import type { RunResult } from '../../../shared/metrics';
import { formatMetric } from './format';

const HEADLINE = [
  { metric: 'throughput', label: 'Throughput', unit: 'rps' },
  { metric: 'errorRate', label: 'Error rate', unit: 'fraction' },
  { metric: 'latencyP99', label: 'p99 latency', unit: 'ms' },
  { metric: 'sessionsLost', label: 'Session losses', unit: 'count' },
] as const;

/** The three numbers a student reads first after a run. */
export function MetricsPanel({ run }: { run: RunResult | undefined }) {
  return (
    <section className="sl-metrics" aria-label="Run results">
      {HEADLINE.map(({ metric, label, unit }) => (
        <div className="sl-metric" key={metric} data-metric={metric}>
          <div className="sl-metric-label">{label}</div>
          <div className="sl-metric-value" data-testid={`metric-${metric}`}>
            {formatMetric(run?.summary[metric], unit)}
          </div>
        </div>
      ))}
      {run && (
        <div className="sl-metric sl-trace" title="The same design, scenario and seed always give this hash">
          <div className="sl-metric-label">Trace</div>
          <div className="sl-metric-value sl-mono" data-testid="trace-hash">{run.traceHash.slice(0, 12)}</div>
        </div>
      )}
    </section>
  );
}
