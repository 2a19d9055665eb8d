/** Number formatting for the metric readouts: short, fixed units, never "NaN". */
export function formatMetric(value: number | undefined, unit: 'rps' | 'fraction' | 'ms' | 'count'): string {
  if (value === undefined || !Number.isFinite(value)) return '—';
  switch (unit) {
    case 'rps':
      return `${value >= 100 ? Math.round(value).toLocaleString('en-US') : value.toFixed(1)} req/s`;
    case 'fraction':
      return `${(value * 100).toFixed(value < 0.01 && value > 0 ? 2 : 1)} %`;
    case 'ms':
      return `${value >= 100 ? Math.round(value) : value.toFixed(1)} ms`;
    case 'count':
      return Math.round(value).toLocaleString('en-US');
  }
}
