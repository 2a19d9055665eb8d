/**
 * A lesson text that names a metric in italics (*Dropped connections*) can put its chart on the
 * bench: the lesson panel and the lab bench are far apart in the tree, so the request travels
 * through this one-way channel instead of through every component between them.
 */
import { useEffect } from 'react';
import { METRICS, type MetricName } from '../../../shared/metrics';
import { PICKABLE_METRICS } from './series';

type Listener = (metric: MetricName) => void;
const listeners = new Set<Listener>();

/** Asks the lab bench to show `metric`'s chart (added if it is not there yet). */
export function requestChart(metric: MetricName): void {
  for (const listener of listeners) listener(metric);
}

/** The lab bench's side: `onRequest` runs for each chart a lesson text asks for. */
export function useChartRequests(onRequest: Listener): void {
  useEffect(() => {
    listeners.add(onRequest);
    return () => void listeners.delete(onRequest);
  }, [onRequest]);
}

const normal = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

/**
 * The chartable metric an italic phrase names, in the app's language or in English (a lesson's
 * Chinese text may keep the English chart name), or undefined.
 */
export function metricNamed(phrase: string, localName: (metric: MetricName) => string): MetricName | undefined {
  const wanted = normal(phrase);
  return PICKABLE_METRICS.find((m) => normal(localName(m)) === wanted || normal(METRICS[m].label) === wanted);
}
