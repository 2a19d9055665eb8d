/**
 * What a right-click offers: the faults and operations of the fault table (shared/faults.ts) whose
 * target fits the clicked node or edge, each with its table preset. Each becomes a scenario fault
 * at the playback cursor. Only the partition variants that need the selection or the edge's two
 * ends are built here.
 */
import { FAULT_ACTIONS, FAULTS, type FaultAction, type FaultSpec } from '../../../shared/faults';
import type { Graph } from '../../../shared/graph';
import { faultId, type Fault } from '../../../shared/scenario';
import { formatSeconds } from '../i18n/format';

export type InjectableFault = Omit<Fault, 'atMs' | 'id'>;
export interface FaultMenuItem {
  label: string;
  /** The action's description, shown as the item's tooltip. */
  description: string;
  fault: InjectableFault;
  /** The item's text in the lab namespace when it is not its action's table preset (the partition variants). */
  text?: { key: 'partitionEdge'; values: { from: string; to: string } } | { key: 'partitionGroup'; values: { count: number } };
}

const preset = (action: FaultAction, target: string, spec: FaultSpec = FAULTS[action]): FaultMenuItem => ({
  label: spec.menu!.label,
  description: spec.description,
  fault: { action, target, ...(spec.menu?.params ? { params: spec.menu.params } : {}) },
});

export function faultMenuItems(graph: Graph, target: { kind: 'node' | 'edge'; id: string }, selectedNodes: ReadonlySet<string>): FaultMenuItem[] {
  const items: FaultMenuItem[] = [];
  if (target.kind === 'edge') {
    const edge = graph.edges.find((e) => e.id === target.id);
    if (!edge) return [];
    for (const action of FAULT_ACTIONS) {
      const spec: FaultSpec = FAULTS[action];
      if (spec.menu === undefined) continue;
      if (action === 'partition') {
        items.push({ label: `Partition ${edge.source} from ${edge.target}`, text: { key: 'partitionEdge', values: { from: edge.source, to: edge.target } }, description: spec.description, fault: { action, target: edge.source, params: { groups: [[edge.source], [edge.target]] } } });
      } else if (spec.target.isEdgeAllowed) items.push(preset(action, spec.target.isIgnored ? edge.source : edge.id));
    }
    return items;
  }
  const node = graph.nodes.find((n) => n.id === target.id);
  if (!node) return [];
  for (const action of FAULT_ACTIONS) {
    const spec: FaultSpec = FAULTS[action];
    if (spec.menu === undefined || (spec.target.nodeKinds !== 'any' && !spec.target.nodeKinds.includes(node.kind))) continue;
    items.push(preset(action, node.id));
    const group = [...selectedNodes].filter((n) => graph.nodes.some((g) => g.id === n));
    if (action === 'partition' && group.length >= 2 && group.includes(node.id)) {
      const rest = graph.nodes.map((n) => n.id).filter((n) => !group.includes(n));
      items.push({ label: `Partition: selected ${group.length} nodes vs the rest`, text: { key: 'partitionGroup', values: { count: group.length } }, description: spec.description, fault: { action, target: node.id, params: { groups: [group, rest] } } });
    }
  }
  return items;
}

/** How a fault reads with ids, as scenario files and the CLI name it ("4.0 s · crash api-1"): the list's tooltip, for instructors. */
export const describeFault = (f: Fault): string => `${(f.atMs / 1000).toFixed(1)} s · ${f.action} ${f.target}`;

/** The words a fault is described in: its action's label and a target selector's words (the domain namespace, useDomain). */
export interface FaultWords {
  fault(action: string): string;
  target(target: string): string;
}

/**
 * How an injected fault reads to the student, in every language: the time, the action by its label
 * and the target node by its name on the canvas (`nameOf`), as the timeline and Undo's tooltip name
 * it ("4.0 s · Crash API 1", "4.0秒 · 崩溃 API 实例 1"); a role target ("@busiest-service") in words.
 */
export const describeFaultIn = (f: Fault, locale: string, words: FaultWords, nameOf: (id: string) => string = (id) => id): string =>
  `${formatSeconds(f.atMs, locale)} · ${words.fault(f.action)} ${words.target(nameOf(f.target))}`;

/**
 * The lesson's own faults as the lab lists them: in the order they happen (a scenario may list
 * them in any order), each with the id windows and the event log know it by (`faultId`, from its
 * place in the scenario: an unnamed fault is "<action>-<index>" there too).
 */
export const lessonFaultsInTimeOrder = (faults: readonly Fault[]): { id: string; fault: Fault }[] =>
  faults.map((fault, index) => ({ id: faultId(fault, index), fault })).sort((a, b) => a.fault.atMs - b.fault.atMs);
