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
import { EventBudgetError, simulate } from '../../../src/main/sim/index';
import { GraphSchema } from '../../../src/shared/graph';
import type { Scenario } from '../../../src/shared/scenario';
import { deepFreeze, graphArb, scenarioArb, SIM_INPUT_ERROR } from '../../support/graphArb';

const RUNS = Number(process.env.SIM_FUZZ_RUNS ?? 120);
const MAX_EVENTS = 40_000;


type Outcome = { hash: string; summary: Record<string, number> } | { budget: number } | { invalid: string };

export function outcomeOf(graph: unknown, scenario: Scenario): Outcome {
  try {
    const run = simulate(graph as never, scenario, { maxEvents: MAX_EVENTS });
    for (const [metric, value] of Object.entries(run.summary)) {
      if (!Number.isFinite(value)) throw new Error(`summary.${metric} is ${value}`);
    }
    return { hash: run.traceHash, summary: run.summary };
  } catch (e) {
    if (e instanceof EventBudgetError) return { budget: e.maxEvents };
    if (e instanceof Error && e.constructor === Error && SIM_INPUT_ERROR.test(e.message)) return { invalid: e.message };
    throw e;
  }
}

describe('simulate on any graph the schema accepts', () => {
  it(`gives a result, a budget error or a named validation error, deterministically (${RUNS} cases)`, () => {
    const seen = { result: 0, budget: 0, invalid: 0, refused: 0 };
    fc.assert(
      fc.property(
        graphArb().chain((g) => fc.tuple(fc.constant(g), scenarioArb(g))),
        ([raw, scenario]) => {
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
          expect(second).toEqual(first);
          if ('hash' in first) seen.result++;
          else if ('budget' in first) seen.budget++;
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
