/**
 * What grading needs from the simulator, as an interface, so grading stays pure and testable with
 * hand-made runs; src/main/grading/simEngine.ts binds it to the real simulator.
 */
import type { Graph } from '../../shared/graph';
import type { MetricName, MetricWindow, RunResult } from '../../shared/metrics';
import type { Scenario } from '../../shared/scenario';

export interface SimEngine {
  /** Runs the scenario on the graph; deterministic for the same inputs. */
  simulate(graph: Graph, scenario: Scenario): RunResult;
  /** A metric over a window of a finished run, at one node or over the metric's default scope. */
  readMetric(run: RunResult, metric: MetricName, window: MetricWindow, nodeId?: string): number;
}
