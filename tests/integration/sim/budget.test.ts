/** The event budget: lessons stay far below it; a flooding design stops with a message, deterministically. */
import { describe, expect, it } from 'vitest';
import { folderSource } from '../../../src/main/packs/source';
import { loadPack } from '../../../src/main/packs/validate';
import { EVENTS_MAX_DEFAULT, EventBudgetError, simulate } from '../../../src/main/sim/index';
import type { Graph } from '../../../src/shared/graph';
import { GOLDEN } from './goldenScenarios';

const PACK_DIR = new URL('../../../lessons/stateless-vs-stateful', import.meta.url).pathname;

/** Every client at the schema's maximum rate. */
const flooded = (graph: Graph): Graph => ({ ...graph, nodes: graph.nodes.map((n) => (n.kind === 'client' ? { ...n, props: { ...n.props, rps: 1_000_000 } } : n)) });

/** The clients' links lose `lossRate` of what crosses them (requests on the way in, answers on the way back). */
const lossyUsers = (graph: Graph, lossRate: number): Graph => {
  const clients = new Set(graph.nodes.filter((n) => n.kind === 'client').map((n) => n.id));
  return { ...graph, edges: graph.edges.map((e) => (clients.has(e.source) && e.kind === 'request' ? { ...e, props: { ...e.props, lossRate } } : e)) };
};

describe('event budget', () => {
  it('leaves every built-in lesson run (starter and reference) at least 20x below the default budget', async () => {
    const pack = await loadPack(folderSource(PACK_DIR));
    let most = 0;
    for (const { lesson, starter, reference } of pack.lessons) {
      for (const graph of [starter, reference]) if (graph) most = Math.max(most, simulate(graph, lesson.scenario).eventsProcessed);
    }
    expect(most).toBeGreaterThan(10_000);
    expect(most * 20).toBeLessThan(EVENTS_MAX_DEFAULT);
  }, 120_000);

  it("a lossy users' link does not multiply a lesson's work: each reference with its users' links losing 50% or 90% costs per request at most (1 + retries) x (its cost on perfect links + a timeout and a backoff timer)", async () => {
    const pack = await loadPack(folderSource(PACK_DIR));
    const over: string[] = [];
    for (const { lesson, reference } of pack.lessons) {
      if (!reference) continue;
      const perfect = simulate(reference, lesson.scenario);
      const perRequest = perfect.eventsProcessed / perfect.summary.requests;
      const retries = Math.max(...reference.nodes.map((n) => (n.kind === 'client' ? Number(n.props.retries ?? 0) : 0)));
      for (const lossRate of [0.5, 0.9]) {
        // Before each node kept one timeout timer, lesson 3's design at 50% cost 336 events a request (11 on perfect links).
        const run = simulate(lossyUsers(reference, lossRate), lesson.scenario);
        const cost = run.eventsProcessed / run.summary.requests;
        if (cost > (1 + retries) * (perRequest + 2)) over.push(`${lesson.id} at ${lossRate}: ${cost.toFixed(1)} events a request, ${perRequest.toFixed(1)} on perfect links`);
      }
    }
    expect(over).toEqual([]);
  }, 120_000);

  it('stops a client at 1,000,000 rps with the budget message, in seconds, not after the whole run', () => {
    const { graph, scenario } = GOLDEN['stateless-tier-crash']!;
    const started = performance.now();
    let caught: unknown;
    try {
      simulate(flooded(graph), { ...scenario, durationMs: 60_000 });
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EventBudgetError);
    expect((caught as Error).message).toBe("This design generates more than 5,000,000 events; reduce the request rate or the run's duration.");
    expect(performance.now() - started).toBeLessThan(60_000); // about 3 s on an idle machine; the run itself would take minutes
  }, 120_000);

  it('counts events, not time: a run under its budget keeps its trace hash, one over fails the same way every time', () => {
    const { graph, scenario } = GOLDEN['stateless-tier-crash']!;
    const free = simulate(graph, scenario);
    expect(simulate(graph, scenario, { maxEvents: free.eventsProcessed + 1 }).traceHash).toBe(free.traceHash);
    const budget = Math.floor(free.eventsProcessed / 2);
    for (let i = 0; i < 2; i++) expect(() => simulate(graph, scenario, { maxEvents: budget })).toThrow(`more than ${budget.toLocaleString('en-US')} events`);
  });
});
