/**
 * One descriptor per node kind (DESIGN.md §3), declared once: its label, its palette entry (icon,
 * colour, one-line description), its props schema (nodeProps.ts) and the connections it may make.
 * The palette, the canvas nodes, the properties panel, new nodes' names, the connection rule
 * (connections.ts) and the simulator's props validation all read it.
 *
 * `label` is the kind's one English word, kept only here (a later move to i18next makes it a
 * message key); sentences use it lower-cased ("A load balancer does not send requests to a cache.").
 */
import type { NodeKind } from './graph';
import { NODE_PROPS_SCHEMAS, type NodePropsByKind } from './nodeProps';

export interface NodeKindSpec {
  /** The kind's name: palette, canvas card, properties title, and the name a new node gets. */
  label: string;
  /** One line for the palette's and the canvas card's tooltip. */
  description: string;
  /** Palette and canvas icon: an SVG path in a 24 × 24 box, stroked in `color`. */
  icon: string;
  /** The kind's colour on the canvas, palette and minimap. */
  color: string;
  /** The schema (with defaults, ranges and describe texts) of its props. */
  props: (typeof NODE_PROPS_SCHEMAS)[NodeKind];
  /** Kinds it may send requests to: the request path of DESIGN.md §3. */
  sendsRequestsTo: readonly NodeKind[];
  /** True when its state can be copied to a follower of the same kind (a replication edge). */
  canReplicate: boolean;
  /** True when a new node is numbered even when it is the first ("Service 1"): designs have several. */
  isNumbered: boolean;
}

export const NODE_KIND_SPECS = {
  client: {
    label: 'Client',
    description: 'A population of users sending requests',
    icon: 'M4 18v-1a5 5 0 0 1 10 0v1M9 10a3 3 0 1 0 0-6 3 3 0 0 0 0 6M16 11a2.5 2.5 0 1 0 0-5M20 18v-1a4 4 0 0 0-3-3.9',
    color: '#2563eb',
    props: NODE_PROPS_SCHEMAS.client,
    sendsRequestsTo: ['load-balancer', 'service', 'cache', 'session-store', 'database'],
    canReplicate: false,
    isNumbered: false,
  },
  'load-balancer': {
    label: 'Load balancer',
    description: 'Spreads requests over instances by a policy',
    icon: 'M12 4v5M12 9l-7 6M12 9l7 6M12 9v6M3 17h4v3H3zM10 17h4v3h-4zM17 17h4v3h-4z',
    color: '#7c3aed',
    props: NODE_PROPS_SCHEMAS['load-balancer'],
    sendsRequestsTo: ['service', 'load-balancer', 'cache', 'coordinator'],
    canReplicate: false,
    isNumbered: false,
  },
  service: {
    label: 'Service',
    description: 'An application instance, stateless or stateful',
    icon: 'M4 5h16v5H4zM4 14h16v5H4zM7 7.5h.01M7 16.5h.01',
    color: '#0891b2',
    props: NODE_PROPS_SCHEMAS.service,
    sendsRequestsTo: ['service', 'load-balancer', 'cache', 'session-store', 'database', 'coordinator'],
    canReplicate: true,
    isNumbered: true,
  },
  cache: {
    label: 'Cache',
    description: 'Fast key-value cache in front of the database',
    icon: 'M13 3 5 13h6l-1 8 8-10h-6z',
    color: '#d97706',
    props: NODE_PROPS_SCHEMAS.cache,
    sendsRequestsTo: ['database'],
    canReplicate: false,
    isNumbered: false,
  },
  'session-store': {
    label: 'Session store',
    description: 'External store that keeps user sessions',
    icon: 'M6 10V7a6 6 0 0 1 12 0v3M5 10h14v10H5zM12 14v2',
    color: '#db2777',
    props: NODE_PROPS_SCHEMAS['session-store'],
    sendsRequestsTo: [],
    canReplicate: true,
    isNumbered: false,
  },
  database: {
    label: 'Database',
    description: 'The durable store; may replicate to followers',
    icon: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3M4 6v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
    color: '#059669',
    props: NODE_PROPS_SCHEMAS.database,
    sendsRequestsTo: [],
    canReplicate: true,
    isNumbered: false,
  },
  coordinator: {
    label: 'Coordinator',
    description: 'Leases and locks with epochs (etcd/ZooKeeper-like)',
    icon: 'M12 3l8 4v5c0 5-3.5 8-8 9-4.5-1-8-4-8-9V7zM9 12l2 2 4-4',
    color: '#475569',
    props: NODE_PROPS_SCHEMAS.coordinator,
    sendsRequestsTo: [],
    canReplicate: false,
    isNumbered: false,
  },
} as const satisfies Record<NodeKind, NodeKindSpec>;

/** The kind in a sentence: "load balancer". */
export const kindNoun = (kind: NodeKind): string => NODE_KIND_SPECS[kind].label.toLowerCase();

/** The service time the unit price is set for (the service default). */
const SERVICE_TIME_MS_BASE = 5;
/** The fastest service time priced: below it, capacity no longer grows in price (a 0 ms service is no machine). */
const SERVICE_TIME_MS_FLOOR = 0.5;

/**
 * What a node costs to run (the `cost` metric): `unitPrice` per second for an instance of `size` 1,
 * and the size its props give it (a service with 16 workers is two 8-worker instances' worth, one
 * with a 2.5 ms service time is two 5 ms ones' worth).
 * Clients are the users, not capacity: they cost nothing. Relative prices, in made-up credits.
 */
export const NODE_COST: { [K in NodeKind]: { unitPrice: number; size: (props: NodePropsByKind[K]) => number } } = {
  client: { unitPrice: 0, size: () => 0 },
  'load-balancer': { unitPrice: 0.5, size: () => 1 },
  // An instance's size is the work it can do, workers ÷ service time, against the default 8 workers
  // at 5 ms: a faster service time is a bigger machine and costs as much as the capacity it buys (a
  // service time turned to 0 is priced as 0.5 ms). Whichever knob buys capacity, it costs.
  service: { unitPrice: 1, size: (p) => (p.workers / 8) * (SERVICE_TIME_MS_BASE / Math.max(SERVICE_TIME_MS_FLOOR, p.serviceTimeMs.mean)) },
  cache: { unitPrice: 0.5, size: (p) => Math.max(0.1, p.capacity / 10_000) },
  'session-store': { unitPrice: 0.5, size: () => 1 },
  database: { unitPrice: 2, size: (p) => Math.max(0.1, p.capacityRps / 5000) },
  coordinator: { unitPrice: 0.5, size: () => 1 },
};

/** Credits per second one node of `kind` with these (defaulted) props costs while it exists. */
export function costPerSecond<K extends NodeKind>(kind: K, props: NodePropsByKind[K]): number {
  const c = NODE_COST[kind] as { unitPrice: number; size: (p: NodePropsByKind[K]) => number };
  return c.unitPrice * c.size(props);
}
