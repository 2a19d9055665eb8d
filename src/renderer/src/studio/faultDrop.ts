/**
 * Faults dragged onto the canvas and the timeline (the studio's scenario editor), as pure functions
 * of the fault table: which nodes (or links) a fault may land on, and the scenario's faults after a
 * drop. The components only read pointer positions and call these, so they are tested without a page.
 */
import { FAULT_ACTIONS, FAULTS, type FaultAction } from '../../../shared/faults';
import { NODE_KINDS, type Graph, type NodeKind } from '../../../shared/graph';
import { faultId, type Fault } from '../../../shared/scenario';

/** The drag payload type, so the canvas and the timeline accept only fault drags (the palette's node drags stay the canvas's). */
export const FAULT_MIME = 'application/x-statelab-fault';

/** What is dragged: a palette chip (a new fault of that action) or the marker of scheduled fault `index`. */
export type FaultDrag = { kind: 'new'; action: FaultAction } | { kind: 'move'; index: number; action: FaultAction };

export const encodeDrag = (drag: FaultDrag): string => JSON.stringify(drag);

/** The payload of a drop, which may come from anywhere (another window): undefined unless it is one of ours. */
export function decodeDrag(text: string): FaultDrag | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const { kind, action, index } = value as Record<string, unknown>;
  if (typeof action !== 'string' || !(FAULT_ACTIONS as readonly string[]).includes(action)) return undefined;
  if (kind === 'new') return { kind, action: action as FaultAction };
  if (kind === 'move' && Number.isInteger(index) && (index as number) >= 0) return { kind, index: index as number, action: action as FaultAction };
  return undefined;
}

/** Where on the canvas something was dropped: a node (with its kind) or a link. */
export type DropSpot = { kind: 'node'; id: string; nodeKind: NodeKind } | { kind: 'edge'; id: string };

/** How a palette chip says what it may be dropped on, read from the table's target spec. */
export type ChipTargets = { kind: 'any-node' } | { kind: 'kinds'; nodeKinds: readonly NodeKind[] } | { kind: 'node-or-link' } | { kind: 'ignored' };

export function chipTargets(action: FaultAction): ChipTargets {
  const spec = FAULTS[action].target;
  if (spec.isIgnored) return { kind: 'ignored' };
  if (spec.isEdgeAllowed) return spec.nodeKinds === 'any' ? { kind: 'node-or-link' } : { kind: 'kinds', nodeKinds: spec.nodeKinds };
  return spec.nodeKinds === 'any' ? { kind: 'any-node' } : { kind: 'kinds', nodeKinds: spec.nodeKinds };
}

/** The palette: one chip per action of the fault table, in the table's order. */
export const FAULT_PALETTE: readonly { action: FaultAction; targets: ChipTargets }[] = FAULT_ACTIONS.map((action) => ({ action, targets: chipTargets(action) }));

/** The node kinds `action` does something to. */
export const targetKinds = (action: FaultAction): readonly NodeKind[] => {
  const kinds = FAULTS[action].target.nodeKinds;
  return kinds === 'any' ? NODE_KINDS : kinds;
};

/** True when `action` may name this spot as its target. */
export function canTarget(action: FaultAction, spot: DropSpot): boolean {
  const spec = FAULTS[action].target;
  if (spot.kind === 'edge') return spec.isEdgeAllowed;
  return spec.nodeKinds === 'any' || spec.nodeKinds.includes(spot.nodeKind);
}

/** The nodes (and, for an action that takes one, links) `action` may target on `graph`, in the design's order. */
export function targetsFor(action: FaultAction, graph: Pick<Graph, 'nodes' | 'edges'>): string[] {
  const nodes = graph.nodes.filter((n) => canTarget(action, { kind: 'node', id: n.id, nodeKind: n.kind })).map((n) => n.id);
  return FAULTS[action].target.isEdgeAllowed ? [...nodes, ...graph.edges.map((e) => e.id)] : nodes;
}

/** A name for a new fault of `action` no scheduled fault has: "crash", then "crash-2", … */
export function newFaultId(faults: readonly Fault[], action: FaultAction): string {
  const used = new Set(faults.map((f, i) => faultId(f, i)));
  let id: string = action;
  for (let n = 2; used.has(id); n++) id = `${action}-${n}`;
  return id;
}

/** Where a drop onto the canvas lands when no time is picked on the timeline: a third into the run, on a whole second. */
export const defaultDropMs = (durationMs: number): number => Math.min(durationMs, Math.round(durationMs / 3 / 1000) * 1000);

export type DropResult =
  | { ok: true; faults: Fault[]; index: number }
  | { ok: false; reason: 'wrong-kind'; action: FaultAction; allowed: readonly NodeKind[]; nodeKind: NodeKind }
  | { ok: false; reason: 'not-a-link'; action: FaultAction; allowed: readonly NodeKind[] }
  | { ok: false; reason: 'no-fault' };

/**
 * A chip (a new fault at `atMs`) or a marker (the same fault, retargeted; its time stays) dropped on
 * a canvas node or link: the scenario's faults after the drop, or why the table refuses it.
 */
export function dropOnSpot(faults: readonly Fault[], drag: FaultDrag, spot: DropSpot, atMs: number): DropResult {
  if (!canTarget(drag.action, spot)) {
    const allowed = targetKinds(drag.action);
    return spot.kind === 'edge' ? { ok: false, reason: 'not-a-link', action: drag.action, allowed } : { ok: false, reason: 'wrong-kind', action: drag.action, allowed, nodeKind: spot.nodeKind };
  }
  if (drag.kind === 'new') return { ok: true, faults: [...faults, { id: newFaultId(faults, drag.action), atMs, action: drag.action, target: spot.id }], index: faults.length };
  const fault = faults[drag.index];
  if (!fault || fault.action !== drag.action) return { ok: false, reason: 'no-fault' };
  return { ok: true, faults: faults.map((f, i) => (i === drag.index ? { ...f, target: spot.id } : f)), index: drag.index };
}

/**
 * A chip dropped on the timeline at `atMs` (or a marker moved there): a new fault targets the first
 * selected canvas node it may target, else the design's first such node; `isTargetGuessed` says the
 * author should confirm it in the fault's target picker.
 */
export function dropOnTimeline(
  faults: readonly Fault[],
  drag: FaultDrag,
  atMs: number,
  graph: Pick<Graph, 'nodes' | 'edges'>,
  selected: Iterable<string> = [],
): { faults: Fault[]; index: number; isTargetGuessed: boolean } | undefined {
  if (drag.kind === 'move') {
    if (!faults[drag.index]) return undefined;
    return { faults: faults.map((f, i) => (i === drag.index ? { ...f, atMs } : f)), index: drag.index, isTargetGuessed: false };
  }
  const valid = targetsFor(drag.action, graph);
  const picked = [...selected].find((id) => valid.includes(id));
  const target = picked ?? valid[0] ?? '';
  return { faults: [...faults, { id: newFaultId(faults, drag.action), atMs, action: drag.action, target }], index: faults.length, isTargetGuessed: picked === undefined };
}
