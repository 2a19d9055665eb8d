/** The real simulator as grading's SimEngine; tests may pass a hand-made engine instead. */
import { readMetric, simulate } from '../sim';
import type { SimEngine } from './engine';

export const simEngine: SimEngine = {
  simulate: (graph, scenario) => simulate(graph, scenario),
  readMetric: (run, metric, window, nodeId) => readMetric(run, metric, window, nodeId),
};
