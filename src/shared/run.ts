/**
 * What a finished run looks like to everything outside the simulator (renderer, grading, IPC).
 * The simulator's own RunResult is structurally assignable to this; it is plain JSON.
 */
export interface RunEventView {
  /** Simulated time of the event. */
  atMs: number;
  /** Machine-readable kind, e.g. "failure-detected". */
  kind: string;
  /** The node it concerns, if any. */
  node?: string;
  /** One sentence for the event log. */
  message: string;
}

export interface RunView {
  /** Proves the run: the same graph, scenario, seed and app version give the same hash. */
  traceHash: string;
  seed: number;
  durationMs: number;
  /** Whole-run value of each catalogue metric, by metric name. */
  summary: Record<string, number>;
  /** The event log, in time order. */
  events: RunEventView[];
}
