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
