import { describe, expect, it } from 'vitest';
import { faultTimings, resolveWindow } from '../../../src/main/grading/window';
import { simulate, type TraceRecord } from '../../../src/main/sim';
import { FAULT_ACTIONS, FAULTS, faultTargetIssues, type FaultAction, type FaultSpec } from '../../../src/shared/faults';
import type { Graph, NodeKind } from '../../../src/shared/graph';
import { ScenarioSchema, type Fault } from '../../../src/shared/scenario';
import { faultMenuItems } from '../../../src/renderer/src/lab/faultMenu';
import { edge, graph, node } from '../sim/helpers';

/** One node of every kind, wired so each does something. */
const design: Graph = graph(
  [
    node('users', 'client', { users: 50, rps: 200 }),
    node('lb', 'load-balancer'),
    node('api-1', 'service', { sessions: 'session-store' }),
    node('api-2', 'service', { sessions: 'session-store' }),
    node('cache', 'cache'),
    node('store', 'session-store'),
    node('db', 'database'),
    node('db-2', 'database'),
    node('coord', 'coordinator'),
  ],
  [
    edge('users', 'lb'),
    edge('lb', 'api-1'),
    edge('lb', 'api-2'),
    edge('api-1', 'cache'),
    edge('api-2', 'cache'),
    edge('cache', 'db'),
    edge('api-1', 'store'),
    edge('api-2', 'store'),
    edge('api-1', 'coord'),
    edge('db', 'db-2', {}, 'replication'),
  ],
);

/** A target the action applies to: an edge when only edges make sense, else a node of a fitting kind. */
function targetFor(action: FaultAction): string {
  const spec: FaultSpec = FAULTS[action];
  if (action === 'promote') return 'db-2';
  const kinds = spec.target.nodeKinds;
  if (kinds === 'any') return 'api-2';
  return design.nodes.find((n) => kinds.includes(n.kind as NodeKind))!.id;
}

describe('the fault table', () => {
  it.each(FAULT_ACTIONS)('%s is known to the simulator, grading windows, the validator and the fault menu', (action) => {
    const spec: FaultSpec = FAULTS[action];
    const target = targetFor(action);
    const fault: Fault = { id: 'f', atMs: 1000, action, target, ...(spec.ends.isTimed ? { params: { durationMs: 500 } } : {}) };
    const scenario = { seed: 3, durationMs: 3000, faults: [fault] };

    // Simulator: runs it (an unhandled action would throw) and logs it.
    const run = simulate(design, scenario);
    expect(run.events.some((e) => e.kind === 'fault' && e.message === `Fault f: ${action} ${target}.`)).toBe(true);

    // Grading: its window ends after its duration when timed, else lasts to the end of the run.
    const [timing] = faultTimings(ScenarioSchema.parse(scenario));
    expect(timing).toEqual({ id: 'f', atMs: 1000, endMs: spec.ends.isTimed ? 1500 : 3000 });

    // Validator (and grading's pre-check): a fitting target passes; a missing one is named unless the action ignores it.
    expect(faultTargetIssues(fault, design)).toEqual([]);
    const missing = faultTargetIssues({ ...fault, target: 'nowhere' }, design);
    expect(missing.map((i) => i.kind)).toEqual(spec.target.isIgnored ? [] : ['missing']);

    // Fault menu: offered on a fitting node, or on an edge for edge faults.
    const onNode = faultMenuItems(design, { kind: 'node', id: target }, new Set());
    const onEdge = faultMenuItems(design, { kind: 'edge', id: 'lb--api-1' }, new Set());
    expect([...onNode, ...onEdge].some((item) => item.fault.action === action)).toBe(true);
  });

  it('offers on a node only the actions whose target kinds include it', () => {
    const actionsOn = (id: string) => faultMenuItems(design, { kind: 'node', id }, new Set()).map((i) => i.fault.action);
    expect(actionsOn('cache')).toContain('cache-flush');
    expect(actionsOn('api-1')).not.toContain('cache-flush');
    expect(actionsOn('db')).toContain('promote');
    expect(actionsOn('users')).toEqual(expect.arrayContaining(['traffic-spike', 'hot-key']));
    expect(actionsOn('db')).not.toContain('scale-out');
    expect(faultMenuItems(design, { kind: 'edge', id: 'lb--api-1' }, new Set()).map((i) => i.fault)).toContainEqual({ action: 'link-loss', target: 'lb--api-1', params: { rate: 0.5, durationMs: 10_000 } });
  });
});

describe('grading windows end a fault where the simulator ends it', () => {
  const during = (faults: Fault[], id: string) => {
    const scenario = ScenarioSchema.parse({ seed: 1, durationMs: 20_000, faults });
    return resolveWindow({ during: id }, faultTimings(scenario), scenario.durationMs);
  };

  it('a pause without a duration ends after its default 5 s, as the paused node resumes then (not at a restart)', () => {
    const faults: Fault[] = [
      { id: 'gc', atMs: 2000, action: 'pause', target: 'api-1' },
      { atMs: 4000, action: 'restart', target: 'api-1' },
    ];
    expect(during(faults, 'gc')).toEqual({ ok: true, value: { fromMs: 2000, toMs: 7000 } });
    const handled: number[] = [];
    simulate(design, { seed: 1, durationMs: 9000, faults }, { trace: (e: TraceRecord) => e.node === 'api-1' && e.isHandled && handled.push(e.timeUs / 1000) });
    expect(handled.filter((t) => t > 2000 && t < 7000)).toEqual([]);
    expect(handled.some((t) => t >= 7000)).toBe(true);
  });

  it('a crash ends a pause early', () => {
    const faults: Fault[] = [
      { id: 'gc', atMs: 2000, action: 'pause', target: 'api-1', params: { durationMs: 6000 } },
      { atMs: 3000, action: 'crash', target: 'api-1' },
    ];
    expect(during(faults, 'gc')).toEqual({ ok: true, value: { fromMs: 2000, toMs: 3000 } });
  });

  it('a restart does not end a slow-down: the simulator keeps the node slow', () => {
    const faults: Fault[] = [
      { id: 'slow', atMs: 2000, action: 'slow', target: 'api-1' },
      { atMs: 3000, action: 'crash', target: 'api-1' },
      { atMs: 4000, action: 'restart', target: 'api-1' },
    ];
    expect(during(faults, 'slow')).toEqual({ ok: true, value: { fromMs: 2000, toMs: 20_000 } });
  });

  it('a heal ends every partition, whichever node it names, even before the partition’s duration', () => {
    const faults: Fault[] = [
      { id: 'cut', atMs: 2000, action: 'partition', target: 'api-1', params: { durationMs: 10_000 } },
      { atMs: 5000, action: 'heal', target: 'db' },
    ];
    expect(during(faults, 'cut')).toEqual({ ok: true, value: { fromMs: 2000, toMs: 5000 } });
  });
});
