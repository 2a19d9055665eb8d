/**
 * Schema-driven fuzzing of the simulator: any graph the graph schema accepts, with props drawn
 * from each kind's zod schema (edges of the ranges included), under any scenario the fault table
 * describes, must simulate to a result, an EventBudgetError, or a validation error that names
 * the problem; never an InvariantError, a TypeError/RangeError or any other throw, never a
 * non-finite summary number, and the same inputs twice give the same trace hash.
 * SIM_FUZZ_RUNS raises the case count (default kept fast for `npm test`).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { StepSession } from '../../../src/main/host/simEvents';
import { EventBudgetError, readMetric, simulate, type RunResult } from '../../../src/main/sim/index';
import { traceRequests } from '../../../src/main/sim/trace/run';
import { DocumentError } from '../../../src/shared/json';
import { METRIC_NAMES } from '../../../src/shared/metrics';
import { TraceSelectorSchema, type TraceSelector } from '../../../src/shared/requestTrace';
import { arbFromZod } from '../../support/zodArb';
import { GraphSchema } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { deepFreeze, graphArb, scenarioArb, isSimInputError } from '../../support/graphArb';

const RUNS = Number(process.env.SIM_FUZZ_RUNS ?? 80);
const MAX_EVENTS = Number(process.env.SIM_FUZZ_EVENTS ?? 40_000);
const MAX_DURATION_MS = Number(process.env.SIM_FUZZ_MAX_MS ?? 8000);

type Outcome = { hash: string; summary: Record<string, number>; run: RunResult } | { budget: number } | { invalid: string };

/** Where a finished run is read again: metric windows (some empty, reversed or past the end) and a moment to step from. */
const probeArb = fc.record({
  windows: fc.array(fc.record({ fromMs: fc.oneof(fc.integer({ min: -10, max: MAX_DURATION_MS + 10 }), fc.constantFrom(0, 0.5, 1e-9)), toMs: fc.option(fc.integer({ min: -10, max: MAX_DURATION_MS + 10 }), { nil: undefined }) }), { maxLength: 3 }),
  nodeIndex: fc.option(fc.nat(), { nil: undefined }),
  stepFromMs: fc.oneof(fc.constant(0), fc.double({ min: 0, max: MAX_DURATION_MS, noNaN: true })),
  // A request trace (sim:trace): any selector its schema takes; fault numbers and edge ids are often ones the run lacks.
  trace: fc.option(arbFromZod(TraceSelectorSchema, { maxArray: 3 }), { nil: undefined }),
});

function outcomeOf(graph: unknown, scenario: Scenario): Outcome {
  try {
    const run = simulate(graph as never, scenario, { maxEvents: MAX_EVENTS });
    for (const [metric, value] of Object.entries(run.summary)) {
      if (!Number.isFinite(value)) throw new Error(`summary.${metric} is ${value}`);
    }
    return { hash: run.traceHash, summary: run.summary, run };
  } catch (e) {
    if (e instanceof EventBudgetError) return { budget: e.maxEvents };
    if (isSimInputError(e)) return { invalid: e.message };
    throw e;
  }
}

const withoutRun = (o: Outcome) => ('run' in o ? { hash: o.hash, summary: o.summary } : o);

describe('simulate on any graph the schema accepts', () => {
  it(`gives a result, a budget error or a named validation error, deterministically (${RUNS} cases)`, () => {
    const seen = { result: 0, budget: 0, invalid: 0, refused: 0 };
    fc.assert(
      fc.property(
        graphArb().chain((g) => fc.tuple(fc.constant(g), scenarioArb(g, { maxDurationMs: MAX_DURATION_MS }), probeArb)),
        ([raw, scenario, probe]) => {
          const parsed = GraphSchema.safeParse(raw);
          if (!parsed.success) {
            seen.refused++;
            // A refused graph is refused with a path to what is wrong.
            for (const issue of parsed.error.issues) expect(issue.path.length).toBeGreaterThan(0);
            return;
          }
          const graph = deepFreeze(parsed.data);
          deepFreeze(scenario);
          const first = outcomeOf(graph, scenario as Scenario);
          const second = outcomeOf(graph, scenario as Scenario);
          expect(withoutRun(second)).toEqual(withoutRun(first));
          if ('hash' in first) {
            seen.result++;
            // Any metric over any window reads a number or "not measured" (NaN), never ±Infinity or a throw.
            const nodeIds = first.run.nodes.map((n) => n.id);
            const nodeId = probe.nodeIndex === undefined || nodeIds.length === 0 ? undefined : nodeIds[probe.nodeIndex % nodeIds.length];
            for (const window of [{}, ...probe.windows]) {
              for (const metric of METRIC_NAMES) {
                const value = readMetric(first.run, metric, window, nodeId);
                expect(Number.isNaN(value) || Number.isFinite(value), `${metric} over ${JSON.stringify(window)} at ${nodeId}: ${value}`).toBe(true);
              }
            }
            // Stepping the same run from any moment: the lab bench's "Step one event".
            const step = new StepSession(graph, scenario as Scenario, MAX_EVENTS).events(probe.stepFromMs, 20);
            const times = step.events.map((e) => e.atUs);
            expect(times).toEqual([...times].sort((a, b) => a - b));
            for (const t of times) expect(t).toBeGreaterThan(probe.stepFromMs * 1000 - 1);
            if (probe.trace !== undefined) {
              try {
                traceRequests(graph, scenario as Scenario, probe.trace as TraceSelector, { maxEvents: MAX_EVENTS * 2 });
              } catch (e) {
                // A selector naming what the run does not have is the request's fault: a DocumentError naming the field.
                if (!(e instanceof DocumentError && /^(faultIndex|edge): /.test(e.message))) throw e;
              }
            }
          } else if ('budget' in first) seen.budget++;
          else {
            seen.invalid++;
            if (process.env.FUZZ_STATS) console.log(first.invalid.split('\n')[1] ?? first.invalid);
          }
        },
      ),
      { numRuns: RUNS, seed: Number(process.env.SIM_FUZZ_SEED ?? 20_261_127), ...(process.env.SIM_FUZZ_PATH ? { path: process.env.SIM_FUZZ_PATH } : {}) },
    );
    if (process.env.FUZZ_STATS) console.log(seen);
    // The arbitraries must reach the simulator, not just its input checks.
    expect(seen.result).toBeGreaterThan(RUNS / 5);
  }, 30_000 + RUNS * 500);
});
