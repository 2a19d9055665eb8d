/**
 * Tracing requests (issue 17): re-runs the design under the same scenario and seed with the
 * request tracer on. Requests named by id are traced in one run; a chooser (first failed request
 * after a fault, slowest in a window) first runs once keeping only a summary of every request,
 * picks one, and runs again tracing it. A user's journey traces that user's requests.
 */
import type { Graph } from '../../../shared/graph';
import { errorMessage } from '../../../shared/i18n/errorTexts';
import { DocumentError } from '../../../shared/json';
import type { Scenario } from '../../../shared/scenario';
import { prepareSimulation, type SimOptions } from '../index';
import { RequestRecorder, type RequestSummary, type TracePredicate } from './recorder';
import { TRACED_REQUESTS_MAX, type JourneyStep, type RequestId, type SessionLoss, type TraceAnswer, type TraceSelector, type UserJourney } from '../../../shared/requestTrace';

/** Requests of one user traced in full for a journey, at most. */
export const JOURNEY_REQUESTS_MAX = 200;

type RunOptions = Pick<SimOptions, 'maxEvents' | 'isCancelled' | 'onProgress'>;

function runWith(graph: Graph, scenario: Scenario, shouldTrace: TracePredicate, isSummarising: boolean, maxTraced: number, options: RunOptions) {
  const { sim, faults } = prepareSimulation(graph, scenario);
  const recorder = new RequestRecorder(sim, shouldTrace, isSummarising, maxTraced);
  sim.tracer = recorder;
  sim.run(options);
  return { sim, recorder, faults };
}

/** The request a chooser picks from a summary of every request (undefined: none fits). */
export function choose(selector: Exclude<TraceSelector, { kind: 'ids' | 'user' | 'edge' }>, summaries: readonly RequestSummary[], faultStartMs: (index: number) => number | undefined): RequestSummary | undefined {
  if (selector.kind === 'firstFailedAfter') {
    const fromMs = selector.faultIndex !== undefined ? faultStartMs(selector.faultIndex) : (selector.atMs ?? 0);
    // The selector names what the run lacks: the request's fault, so a DocumentError (the host answers invalid-document).
    if (fromMs === undefined) throw new DocumentError(errorMessage('trace.noFault', { number: selector.faultIndex! + 1 }));
    const fromUs = fromMs * 1000;
    let best: RequestSummary | undefined;
    for (const s of summaries) if (s.status > 0 && s.endUs >= fromUs && (best === undefined || s.endUs < best.endUs)) best = s;
    return best;
  }
  let best: RequestSummary | undefined;
  for (const s of summaries) {
    if (s.status < 0 || s.startUs < selector.fromMs * 1000 || s.startUs >= selector.toMs * 1000) continue;
    if (best === undefined || s.endUs - s.startUs > best.endUs - best.startUs) best = s;
  }
  return best;
}

/** The edge chooser's first pass: the first request that sent a message over graph edge `edgeId` at or after `atMs`. */
function crossingOf(graph: Graph, scenario: Scenario, edgeId: string, atMs: number, options: RunOptions) {
  const { sim } = prepareSimulation(graph, scenario);
  const edge = sim.edges.findIndex((e) => e.id === edgeId);
  if (edge < 0) throw new DocumentError(errorMessage('trace.noEdge', { edge: edgeId }));
  const recorder = new RequestRecorder(sim, () => false, true, 0);
  recorder.watchEdge(edge, atMs * 1000);
  sim.tracer = recorder;
  sim.run(options);
  return { picked: recorder.crossing, traceHash: sim.traceHash(), requestsIssued: recorder.summaries.length };
}

const idKey = (client: string, n: number) => `${client}#${n}`;

/** Traces the requests `selector` names in a re-run of (graph, scenario). Throws like simulate on bad input. */
export function traceRequests(graph: Graph, scenario: Scenario, selector: TraceSelector, options: RunOptions = {}): TraceAnswer {
  let ids: RequestId[];
  if (selector.kind === 'user') {
    const { sim, recorder } = runWith(graph, scenario, (_c, _n, user) => user === selector.user, false, JOURNEY_REQUESTS_MAX, options);
    const journey = journeyOf(selector.user, recorder);
    const atMs = selector.atMs ?? 0;
    const first = recorder.traced.find((l) => l.trace.startMs >= atMs) ?? recorder.traced[recorder.traced.length - 1];
    return { traces: first === undefined ? [] : [first.trace], ...(journey !== undefined ? { journey } : {}), traceHash: sim.traceHash(), requestsIssued: issuedBy(recorder) };
  }
  if (selector.kind === 'ids') ids = selector.ids;
  else if (selector.kind === 'edge') {
    const first = crossingOf(graph, scenario, selector.edge, selector.atMs, options);
    if (first.picked === undefined) return { traces: [], traceHash: first.traceHash, requestsIssued: first.requestsIssued };
    ids = [{ client: first.picked.client, n: first.picked.n }];
  } else {
    const first = runWith(graph, scenario, () => false, true, 0, options);
    const picked = choose(selector, first.recorder.summaries, (i) => first.faults[i]?.atMs);
    if (picked === undefined) return { traces: [], traceHash: first.sim.traceHash(), requestsIssued: first.recorder.summaries.length };
    ids = [{ client: picked.client, n: picked.n }];
  }
  const wanted = new Set(ids.map((id) => idKey(id.client, id.n)));
  const { sim, recorder } = runWith(graph, scenario, (client, n) => wanted.has(idKey(client, n)), false, TRACED_REQUESTS_MAX, options);
  const byKey = new Map(recorder.traced.map((l) => [idKey(l.trace.id.client, l.trace.id.n), l.trace]));
  const traces = ids.flatMap((id) => byKey.get(idKey(id.client, id.n)) ?? []);
  return { traces, traceHash: sim.traceHash(), requestsIssued: issuedBy(recorder) };
}

const issuedBy = (recorder: RequestRecorder): number => recorder.issuedTotal();

/** A user's journey from the traces of all their requests. */
function journeyOf(user: number, recorder: RequestRecorder): UserJourney | undefined {
  const traced = recorder.traced;
  if (traced.length === 0) return undefined;
  const steps: JourneyStep[] = traced.map((l) => {
    const t = l.trace;
    return {
      id: t.id,
      startMs: t.startMs,
      ...(t.endMs !== undefined ? { endMs: t.endMs } : {}),
      ...(t.outcome !== undefined ? { outcome: t.outcome } : {}),
      ...(t.servedBy !== undefined ? { servedBy: t.servedBy } : {}),
      session: l.session,
      isLogin: l.isLogin,
    };
  });
  const losses: SessionLoss[] = [];
  const seen = new Set<string>();
  for (const l of traced) {
    for (const h of l.trace.hops) {
      const loss = h.sessionLoss;
      if (loss === undefined) continue;
      const k = `${loss.reason}|${loss.holder ?? ''}|${loss.atMs}`;
      if (seen.has(k)) continue;
      seen.add(k);
      losses.push(loss);
    }
  }
  return { user, client: traced[0]!.trace.id.client, steps, losses };
}
