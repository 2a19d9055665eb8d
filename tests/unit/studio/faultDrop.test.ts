import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { chipTargets, decodeDrag, defaultDropMs, dropOnSpot, dropOnTimeline, encodeDrag, FAULT_PALETTE, targetsFor, type DropSpot } from '../../../src/renderer/src/studio/faultDrop';
import { FAULT_ACTIONS, faultTargetIssues } from '../../../src/shared/faults';
import { GraphSchema, NODE_KINDS } from '../../../src/shared/graph';
import { ScenarioSchema, type Fault } from '../../../src/shared/scenario';

// Lesson 2's reference: a client, a balancer, three instances, a session store, a database and a cache.
const graph = GraphSchema.parse(JSON.parse(readFileSync('lessons/stateless-vs-stateful/graphs/02-remote-state.reference.json', 'utf8')));
const nodeSpot = (id: string): DropSpot => ({ kind: 'node', id, nodeKind: graph.nodes.find((n) => n.id === id)!.kind });
const edgeId = graph.edges[0]!.id;

describe('the fault palette', () => {
  it('has one chip per action of the fault table, in its order, saying what it may be dropped on', () => {
    expect(FAULT_PALETTE.map((c) => c.action)).toEqual([...FAULT_ACTIONS]);
    expect(chipTargets('crash')).toEqual({ kind: 'any-node' });
    expect(chipTargets('cache-flush')).toEqual({ kind: 'kinds', nodeKinds: ['cache'] });
    expect(chipTargets('rolling-deploy')).toEqual({ kind: 'kinds', nodeKinds: ['load-balancer', 'service'] });
    expect(chipTargets('link-loss')).toEqual({ kind: 'node-or-link' });
    // A heal ends every partition whoever it names.
    expect(chipTargets('heal')).toEqual({ kind: 'ignored' });
  });

  it('lets a fault land exactly where the pack validator accepts its target, for every action and node kind', () => {
    for (const action of FAULT_ACTIONS) {
      for (const kind of NODE_KINDS) {
        const node = { id: `x-${kind}`, kind };
        const dropped = dropOnSpot([], { kind: 'new', action }, { kind: 'node', id: node.id, nodeKind: kind }, 1000);
        const isRefusedByValidator = faultTargetIssues({ action, target: node.id }, { nodes: [node], edges: [] }).some((i) => i.kind === 'wrong-kind');
        expect(dropped.ok, `${action} on a ${kind}`).toBe(!isRefusedByValidator);
      }
      const onLink = dropOnSpot([], { kind: 'new', action }, { kind: 'edge', id: 'e1' }, 1000);
      const linkIssues = faultTargetIssues({ action, target: 'e1' }, { nodes: [], edges: [{ id: 'e1' }] });
      expect(onLink.ok, `${action} on a link`).toBe(linkIssues.length === 0);
    }
  });

  it('highlights the nodes (and for link loss the links) a dragged fault may target', () => {
    expect(targetsFor('cache-flush', graph)).toEqual(['cache']);
    expect(targetsFor('scale-out', graph)).toEqual(['api-1', 'api-2', 'api-3']);
    expect(targetsFor('crash', graph)).toHaveLength(graph.nodes.length);
    expect(targetsFor('link-loss', graph)).toHaveLength(graph.nodes.length + graph.edges.length);
  });
});

describe('a drop on the canvas', () => {
  const faults: Fault[] = [{ id: 'crash', atMs: 4000, action: 'crash', target: 'api-1' }];

  it('adds the fault on the node at the picked time, with a name no other fault has, and the scenario validates', () => {
    const result = dropOnSpot(faults, { kind: 'new', action: 'crash' }, nodeSpot('api-2'), 12_000);
    expect(result).toEqual({ ok: true, index: 1, faults: [faults[0], { id: 'crash-2', atMs: 12_000, action: 'crash', target: 'api-2' }] });
    if (!result.ok) return;
    const scenario = ScenarioSchema.parse({ seed: 1, durationMs: 30_000, faults: result.faults });
    expect(scenario.faults.flatMap((f) => faultTargetIssues(f, graph))).toEqual([]);
  });

  it('refuses a node of a kind the fault does nothing to, naming the kinds it takes, and changes nothing', () => {
    const before = structuredClone(faults);
    const result = dropOnSpot(faults, { kind: 'new', action: 'cache-flush' }, nodeSpot('api-2'), 12_000);
    expect(result).toEqual({ ok: false, reason: 'wrong-kind', action: 'cache-flush', allowed: ['cache'], nodeKind: 'service' });
    expect(faults).toEqual(before);
    expect(dropOnSpot(faults, { kind: 'new', action: 'crash' }, { kind: 'edge', id: edgeId }, 0)).toMatchObject({ ok: false, reason: 'not-a-link' });
  });

  it('puts link loss on a link', () => {
    const result = dropOnSpot([], { kind: 'new', action: 'link-loss' }, { kind: 'edge', id: edgeId }, 2000);
    expect(result.ok && result.faults[0]).toEqual({ id: 'link-loss', atMs: 2000, action: 'link-loss', target: edgeId });
  });

  it('retargets a marker dropped on a node, keeping its time, and refuses a wrong kind', () => {
    const result = dropOnSpot(faults, { kind: 'move', index: 0, action: 'crash' }, nodeSpot('db'), 99_000);
    expect(result.ok && result.faults).toEqual([{ id: 'crash', atMs: 4000, action: 'crash', target: 'db' }]);
    const slowOnCache = dropOnSpot([{ atMs: 1000, action: 'scale-out', target: 'api-1' }], { kind: 'move', index: 0, action: 'scale-out' }, nodeSpot('cache'), 0);
    expect(slowOnCache).toMatchObject({ ok: false, reason: 'wrong-kind', allowed: ['service'] });
    // A marker whose fault changed meanwhile is not retargeted.
    expect(dropOnSpot(faults, { kind: 'move', index: 0, action: 'slow' }, nodeSpot('db'), 0)).toEqual({ ok: false, reason: 'no-fault' });
  });
});

describe('a drop on the timeline', () => {
  it('adds the fault at that time on the selected node it may target, else the first it may target (to be confirmed)', () => {
    const onSelected = dropOnTimeline([], { kind: 'new', action: 'slow' }, 7_300, graph, ['db']);
    expect(onSelected).toEqual({ index: 0, isTargetGuessed: false, faults: [{ id: 'slow', atMs: 7_300, action: 'slow', target: 'db' }] });
    // The selection is a client, which a cache flush does nothing to: the design's cache it is, to be confirmed.
    const guessed = dropOnTimeline([], { kind: 'new', action: 'cache-flush' }, 1_000, graph, ['users']);
    expect(guessed).toMatchObject({ isTargetGuessed: true, faults: [{ action: 'cache-flush', target: 'cache', atMs: 1_000 }] });
  });

  it('moves a marker dropped on it', () => {
    const faults: Fault[] = [{ atMs: 1000, action: 'pause', target: 'api-1' }];
    expect(dropOnTimeline(faults, { kind: 'move', index: 0, action: 'pause' }, 5000, graph)?.faults).toEqual([{ atMs: 5000, action: 'pause', target: 'api-1' }]);
    expect(dropOnTimeline(faults, { kind: 'move', index: 3, action: 'pause' }, 5000, graph)).toBeUndefined();
  });

  it('lands a canvas drop a third into the run when no time is picked', () => {
    expect(defaultDropMs(30_000)).toBe(10_000);
    expect(defaultDropMs(1_000)).toBe(0);
  });
});

describe('the drag payload', () => {
  it('round-trips and refuses anything that is not one of ours', () => {
    expect(decodeDrag(encodeDrag({ kind: 'new', action: 'partition' }))).toEqual({ kind: 'new', action: 'partition' });
    expect(decodeDrag(encodeDrag({ kind: 'move', index: 2, action: 'crash' }))).toEqual({ kind: 'move', index: 2, action: 'crash' });
    for (const junk of ['', 'crash', '{"kind":"new","action":"meteor"}', '{"kind":"move","index":-1,"action":"crash"}', '{"kind":"delete","action":"crash"}', 'null']) expect(decodeDrag(junk)).toBeUndefined();
  });
});
