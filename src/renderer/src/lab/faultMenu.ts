/**
 * What a right-click offers: the faults and operations (DESIGN.md §3) that make sense for the
 * clicked node or edge. Each becomes a scenario fault at the playback cursor.
 */
import type { Graph } from '../../../shared/graph';
import type { Fault } from '../../../shared/scenario';

export type InjectableFault = Omit<Fault, 'atMs' | 'id'>;
export interface FaultMenuItem {
  label: string;
  fault: InjectableFault;
}

const TIMED_MS = 10_000;

export function faultMenuItems(graph: Graph, target: { kind: 'node' | 'edge'; id: string }, selectedNodes: ReadonlySet<string>): FaultMenuItem[] {
  if (target.kind === 'edge') {
    const edge = graph.edges.find((e) => e.id === target.id);
    if (!edge) return [];
    return [
      { label: 'Lose 50% of messages (10 s)', fault: { action: 'link-loss', target: edge.id, params: { rate: 0.5, durationMs: TIMED_MS } } },
      { label: `Partition ${edge.source} from ${edge.target}`, fault: { action: 'partition', target: edge.source, params: { groups: [[edge.source], [edge.target]] } } },
      { label: 'Heal partitions', fault: { action: 'heal', target: edge.source } },
    ];
  }
  const node = graph.nodes.find((n) => n.id === target.id);
  if (!node) return [];
  const id = node.id;
  const items: FaultMenuItem[] = [
    { label: 'Crash', fault: { action: 'crash', target: id } },
    { label: 'Restart', fault: { action: 'restart', target: id } },
    { label: 'Slow down ×5 (10 s)', fault: { action: 'slow', target: id, params: { factor: 5, durationMs: TIMED_MS } } },
    { label: 'Pause (5 s)', fault: { action: 'pause', target: id, params: { durationMs: 5000 } } },
    { label: 'Partition: isolate this node', fault: { action: 'partition', target: id } },
  ];
  const group = [...selectedNodes].filter((n) => graph.nodes.some((g) => g.id === n));
  if (group.length >= 2 && group.includes(id)) {
    const rest = graph.nodes.map((n) => n.id).filter((n) => !group.includes(n));
    items.push({ label: `Partition: selected ${group.length} nodes vs the rest`, fault: { action: 'partition', target: id, params: { groups: [group, rest] } } });
  }
  items.push({ label: 'Heal partitions', fault: { action: 'heal', target: id } });
  if (node.kind === 'service') {
    items.push(
      { label: 'Scale out (+1 instance)', fault: { action: 'scale-out', target: id, params: { count: 1 } } },
      { label: 'Scale in (drain and stop)', fault: { action: 'scale-in', target: id, params: { drain: true } } },
      { label: 'Rolling deploy of its group', fault: { action: 'rolling-deploy', target: id, params: { batchSize: 1, drain: true } } },
    );
  }
  if (node.kind === 'cache') items.push({ label: 'Flush the cache', fault: { action: 'cache-flush', target: id } });
  if (node.kind === 'client') {
    items.push(
      { label: 'Traffic spike ×3 (10 s)', fault: { action: 'traffic-spike', target: id, params: { factor: 3, durationMs: TIMED_MS } } },
      { label: 'Hot key: half the requests (10 s)', fault: { action: 'hot-key', target: id, params: { fraction: 0.5, key: 0, durationMs: TIMED_MS } } },
    );
  }
  return items;
}

/** How an injected fault reads in the list. */
export const describeFault = (f: Fault): string => `${(f.atMs / 1000).toFixed(1)} s · ${f.action} ${f.target}`;
