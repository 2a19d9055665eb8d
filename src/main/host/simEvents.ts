/**
 * `sim:events`: the simulator's own next events after a moment of a run, for the lab bench's
 * "Step one event". A run is a pure function of (graph, scenario, seed), so the events are found
 * by re-running it with the `trace` hook and stopping (isCancelled) as soon as `count` events
 * past `fromMs` are known. Runs in the simulation worker (workers/simJob.ts), never on the main thread.
 */
import type { Graph } from '../../shared/graph';
import type { SimEvent, SimEventsResult } from '../../shared/ipc';
import { faultId, type Scenario } from '../../shared/scenario';
import { simulate, type TraceRecord } from '../sim';

/** What a node's timers are for, by node kind (the trace names the node, not the timer). */
const TIMER_PURPOSE: Record<string, string> = {
  client: 'arrival or retry',
  'load-balancer': 'health check',
  service: 'work done',
  database: 'work or replication',
  coordinator: 'lease check',
};

/**
 * The first `count` events strictly after `fromMs`, in (time, sequence) order. Zero-delay
 * deliveries are traced inside the event that caused them, so events of one instant are sorted.
 */
export function collectSimEvents(graph: Graph, scenario: Scenario, fromMs: number, count: number, maxEvents?: number): SimEventsResult {
  const fromUs = Math.floor(fromMs * 1000);
  const describe = describer(graph, scenario);
  const found: TraceRecord[] = [];
  // Once `count` events are known, the rest of their instant may still come (lower sequence
  // numbers processed later): the collection is complete at the first event of a later instant.
  let lastUs = Number.POSITIVE_INFINITY;
  let isDone = false;
  const run = simulate(graph, scenario, {
    ...(maxEvents !== undefined ? { maxEvents } : {}),
    isCancelled: () => isDone,
    trace: (e) => {
      if (isDone || e.timeUs <= fromUs) return;
      if (e.timeUs > lastUs) {
        isDone = true;
        return;
      }
      found.push(e);
      if (found.length === count) lastUs = e.timeUs;
    },
  });
  found.sort((a, b) => a.timeUs - b.timeUs || a.seq - b.seq);
  const events: SimEvent[] = found.slice(0, count).map((e) => ({
    atUs: e.timeUs,
    atMs: e.timeUs / 1000,
    seq: e.seq,
    type: e.type as SimEvent['type'],
    node: e.node ?? null,
    description: describe(e),
  }));
  return { events, isEnd: !run.isCancelled && events.length < count };
}

/** Short, human descriptions of trace records ("request delivered to api-2"). */
function describer(graph: Graph, scenario: Scenario): (e: TraceRecord) => string {
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind as string]));
  const faults = (scenario.faults ?? []).map((f, i) => ({ ...f, id: faultId(f, i) }));
  // Fault events of one instant come in the order they were scheduled: starts, then ends.
  const faultSeen = new Map<number, number>();
  const faultsAt = (us: number) => [
    ...faults.filter((f) => Math.round(f.atMs * 1000) === us).map((f) => `${f.action} ${f.target}`),
    ...faults.filter((f) => f.params?.durationMs !== undefined && Math.round((f.atMs + f.params.durationMs) * 1000) === us).map((f) => `end of ${f.action} ${f.target}`),
  ];
  return (e) => {
    const at = e.node ?? '?';
    const kind = kindOf.get(at.split('~')[0]!) ?? '';
    switch (e.type) {
      case 'deliver-request':
        if (e.isHandled) return `request delivered to ${at}`;
        return e.wasNodeUp ? `request to ${at} not handled (paused or stale)` : `request to ${at} lost: ${at} is down`;
      case 'deliver-response':
        if (e.isHandled) return `response delivered to ${at}`;
        return e.wasNodeUp ? `late response at ${at} ignored` : `response to ${at} lost: ${at} is down`;
      case 'timer':
        return e.isHandled ? `timer at ${at}${TIMER_PURPOSE[kind] ? ` (${TIMER_PURPOSE[kind]})` : ''}` : `stale timer at ${at} ignored`;
      case 'timeout':
        return e.isHandled ? `timeout at ${at}` : `timeout check at ${at} skipped`;
      case 'fault': {
        // Records are sorted later, but fault events never nest, so they arrive in order here.
        const i = faultSeen.get(e.timeUs) ?? 0;
        faultSeen.set(e.timeUs, i + 1);
        const name = faultsAt(e.timeUs)[i];
        return name ? `fault: ${name}` : 'fault: next step of a deploy or drain';
      }
      default:
        return `${e.type as string} at ${at}`;
    }
  };
}
