// The knobs a student can push to an extreme that has a price, and the designs made with them
// (knobExtremes.test.ts, capacityPrice.test.ts).
import type { LoadedLesson } from '../../src/main/packs/validate';
import type { Graph, NodeKind } from '../../src/shared/graph';
import { editableKnobs, setKnob, type ExtremeDesign } from './knobSearch';

/** A knob pushed to the extreme that has a price, and the price the course names for it. */
export interface Priced {
  kind: NodeKind;
  path: string;
  value: number | string | boolean | 'min' | 'max';
  price: string;
  /** aggressive: detection and timeouts at their quickest; generous: capacity at its most. */
  group: 'aggressive' | 'generous' | 'alone';
  /** Capacity that costs money (the cost metric): more workers, a faster instance, a bigger database or cache. */
  isCapacity?: boolean;
}

export const PRICED: Priced[] = [
  { kind: 'load-balancer', path: 'healthCheck.intervalMs', value: 'min', group: 'aggressive', price: 'probes so often that a short pause takes a healthy instance out' },
  { kind: 'load-balancer', path: 'healthCheck.unhealthyAfter', value: 'min', group: 'aggressive', price: 'one missed probe takes an instance out' },
  { kind: 'load-balancer', path: 'healthCheck.timeoutMs', value: 'min', group: 'aggressive', price: 'a probe that waits behind real work counts as a death' },
  { kind: 'load-balancer', path: 'timeoutMs', value: 'min', group: 'aggressive', price: 'a slow answer becomes an error' },
  { kind: 'load-balancer', path: 'ownerRefreshMs', value: 'min', group: 'aggressive', price: 'the router asks the coordinator all the time' },
  { kind: 'service', path: 'callTimeoutMs', value: 'min', group: 'aggressive', price: 'a slow downstream answer becomes an error' },
  { kind: 'cache', path: 'callTimeoutMs', value: 'min', group: 'aggressive', price: 'a slow database fetch becomes an error' },
  { kind: 'database', path: 'failoverAfterMs', value: 'min', group: 'aggressive', price: 'a paused leader is replaced (a needless failover)' },
  { kind: 'coordinator', path: 'leaseTtlMs', value: 'min', group: 'aggressive', price: 'a pause longer than the lease hands the partitions over' },
  { kind: 'service', path: 'tokenTtlMs', value: 'min', group: 'aggressive', price: 'every request refreshes its token with a call' },
  { kind: 'client', path: 'reconnectBaseMs', value: 'min', group: 'aggressive', price: 'every user reconnects at once: a storm' },
  { kind: 'cache', path: 'ttlMs', value: 'min', group: 'aggressive', price: 'nothing stays cached' },
  { kind: 'service', path: 'workers', value: 'max', group: 'generous', isCapacity: true, price: 'capacity costs money' },
  { kind: 'service', path: 'serviceTimeMs.mean', value: 'min', group: 'generous', isCapacity: true, price: 'a faster instance is a bigger machine: it costs more' },
  { kind: 'service', path: 'queueLimit', value: 'max', group: 'generous', price: 'a long queue is latency' },
  { kind: 'database', path: 'capacityRps', value: 'max', group: 'generous', isCapacity: true, price: 'capacity costs money' },
  { kind: 'cache', path: 'capacity', value: 'max', group: 'generous', isCapacity: true, price: 'capacity costs money' },
  { kind: 'cache', path: 'ttlMs', value: 'max', group: 'generous', price: 'entries are stale for a day' },
  { kind: 'service', path: 'tokenTtlMs', value: 'max', group: 'generous', price: 'a revoked token is accepted for a day' },
  { kind: 'load-balancer', path: 'timeoutMs', value: 'max', group: 'generous', price: 'a dead target holds requests for ten minutes' },
  { kind: 'service', path: 'callTimeoutMs', value: 'max', group: 'generous', price: 'a dead downstream holds a worker for ten minutes' },
  { kind: 'coordinator', path: 'leaseTtlMs', value: 'max', group: 'generous', price: 'a dead owner keeps its partitions for ten minutes' },
  { kind: 'database', path: 'replication', value: 'sync', group: 'alone', price: 'a write waits for its replica, and fails without it' },
  { kind: 'coordinator', path: 'fencing', value: false, group: 'alone', price: 'a stale owner\'s writes are accepted' },
  { kind: 'service', path: 'recoverFrom', value: 'none', group: 'alone', price: 'a new owner starts from nothing: what the old one held is lost' },
  { kind: 'service', path: 'sessions', value: 'none', group: 'alone', price: 'nobody is logged in: no session to lose, none to revoke' },
];

/** The reference with every priced knob of `group` at its priced value, on every node that may change it. */
export function pricedDesign(entry: LoadedLesson, base: Graph, items: readonly Priced[], name: string): ExtremeDesign {
  let graph = base;
  for (const item of items) {
    const found = editableKnobs(entry.lesson, graph).find((k) => k.knob.kind === item.kind && k.knob.path === item.path);
    if (!found) continue;
    const { knob, nodes } = found;
    const value = item.value === 'min' || item.value === 'max' ? (knob.type === 'number' ? knob[item.value] : undefined) : item.value;
    if (value === undefined) continue;
    graph = { ...graph, nodes: graph.nodes.map((n) => (nodes.includes(n.id) ? setKnob(n, knob, value) : n)) };
  }
  return { name, type: 'one', graph };
}

