/**
 * The simulator's public API: simulate a graph under a scenario and get a plain-JSON RunResult;
 * read any metric of it over any window with readMetric. Runs unchanged in a worker, the browser
 * host and the CLI; the host passes onProgress/isCancelled, checked every few thousand events.
 */
import type { Graph } from '../../shared/graph';
import { faultTargetIssues } from '../../shared/faults';
import { errorMessage } from '../../shared/i18n/errorTexts';
import { DocumentError, formatPath, zodIssues } from '../../shared/json';
import { METRIC_NAMES, type RunResult } from '../../shared/metrics';
import { ScenarioSchema, faultId, type Fault, type ParsedScenario, type Scenario } from '../../shared/scenario';
import { buildSim, validateGraphForSim } from './build';
import type { Sim, TraceRecord } from './engine';
import { Faults } from './faults';
import { readAllMetrics, readMetric } from '../../shared/metrics/read';
import { ClientNode } from './nodes/client';
import { LoadBalancerNode } from './nodes/loadBalancer';
import { NoiseDriver } from './noise';

export { readMetric, readAllMetrics, validateGraphForSim };
export type { RunResult, Sim, TraceRecord };
export { EventBudgetError, EVENTS_MAX_DEFAULT, InvariantError } from './engine';

export interface SimOptions {
  /** Called with the fraction of simulated time done, every few thousand events. */
  onProgress?: (fraction: number) => void;
  /** Polled as often as onProgress; returning true stops the run early (isCancelled in the result). */
  isCancelled?: () => boolean;
  /** Events the run may process before it throws EventBudgetError (default EVENTS_MAX_DEFAULT). */
  maxEvents?: number;
  /** Tests only: called for every processed event. Slow. */
  trace?: (e: TraceRecord) => void;
}

/** A simulation built and started at t = 0, paused before its first event: drive it with step/runUntil/run. */
export interface Prepared {
  sim: Sim;
  /** The scenario's faults with their ids, in scenario order (a fault event's index points here). */
  faults: readonly (Fault & { id: string })[];
  /** The scenario as parsed (defaults filled in). */
  scenario: ParsedScenario;
}

/** Validates and builds `scenario` on `graph` without running it. Throws like simulate on bad input. */
export function prepareSimulation(graph: Graph, scenario: Scenario): Prepared {
  // Bad input is a DocumentError naming each problem's path: the scenario is at fault, not the app.
  const parsed = ScenarioSchema.safeParse(scenario);
  if (!parsed.success) throw new DocumentError(errorMessage('sim.scenarioInvalid'), zodIssues(parsed.error));
  const sc = parsed.data;
  const faults = sc.faults.map((f, i) => ({ ...f, id: faultId(f, i) }));
  for (const [i, f] of faults.entries()) {
    const missing = faultTargetIssues(f, graph).find((issue) => issue.kind === 'missing');
    if (missing) throw new DocumentError(errorMessage('sim.scenarioInvalid'), [{ path: formatPath(['faults', i, ...missing.path]), message: missing.message }]);
  }

  const { sim, clone } = buildSim(graph, sc);
  new Faults(sim, faults, clone);
  const noise = sc.noise === undefined ? null : new NoiseDriver(sim, sc.noise);
  for (const n of sim.nodes) n.start();
  noise?.start();
  return { sim, faults, scenario: sc };
}

/** Runs `scenario` on `graph`. Throws a DocumentError naming the node and prop (or scenario path) on bad input. */
export function simulate(graph: Graph, scenario: Scenario, options: SimOptions = {}): RunResult {
  const { sim, faults, scenario: sc } = prepareSimulation(graph, scenario);
  sim.run(options);

  const run: RunResult = {
    resultVersion: 1,
    seed: sc.seed,
    durationMs: sc.durationMs,
    traceHash: sim.traceHash(),
    eventsProcessed: sim.processed,
    isCancelled: sim.isCancelled,
    endedAtMs: sim.nowUs / 1000,
    summary: Object.fromEntries(METRIC_NAMES.map((m) => [m, 0])) as RunResult['summary'],
    events: sim.events,
    nodes: sim.nodes.map((n) => ({ id: n.id, kind: n.kind, isLbTarget: n.isLbTarget, ...(n instanceof LoadBalancerNode ? { lbTargetEdges: n.targets.map((t) => t.edge.id) } : {}) })),
    faults: faults.map((f) => ({ id: f.id, atMs: f.atMs, action: f.action, target: f.target })),
    buckets: sim.rec.result(),
    network: { sent: sim.sent, delivered: sim.delivered, dropped: sim.dropped, inFlight: sim.inFlight },
    requestsInFlight: sim.nodes.reduce((s, n) => s + (n instanceof ClientNode ? n.open : 0), 0),
  };
  // A metric that measured nothing (NaN) is left out: the result is plain JSON, which has no NaN.
  run.summary = Object.fromEntries(Object.entries(readAllMetrics(run)).filter(([, v]) => !Number.isNaN(v))) as RunResult['summary'];
  return run;
}
