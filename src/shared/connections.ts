/**
 * Which connections make sense in a design, as a pure rule the editor asks before adding an edge
 * (and tests pin down). Each refusal carries one short sentence the student reads where they
 * dropped the connection, so it must say what is wrong and what to do instead.
 */
import { NODE_KINDS, type EdgeKind, type Graph, type NodeKind } from './graph';

export type ConnectionVerdict = { ok: true } | { ok: false; reason: string };

/** Who may send requests to whom: the request path of DESIGN.md §3. */
const REQUEST_TARGETS: Record<NodeKind, readonly NodeKind[]> = {
  client: ['load-balancer', 'service', 'cache', 'session-store', 'database'],
  'load-balancer': ['service', 'load-balancer', 'coordinator'],
  service: ['service', 'load-balancer', 'cache', 'session-store', 'database', 'coordinator'],
  cache: ['database'],
  'session-store': [],
  database: [],
  coordinator: [],
};

/** Kinds whose state can be copied to a follower of the same kind. */
const REPLICATING_KINDS: readonly NodeKind[] = ['database', 'session-store', 'service'];

const NAMES: Record<NodeKind, string> = {
  client: 'client',
  'load-balancer': 'load balancer',
  service: 'service',
  cache: 'cache',
  'session-store': 'session store',
  database: 'database',
  coordinator: 'coordinator',
};

const article = (kind: NodeKind) => (/^[aeiou]/.test(NAMES[kind]) ? `An ${NAMES[kind]}` : `A ${NAMES[kind]}`);

function requestRule(from: NodeKind, to: NodeKind): ConnectionVerdict {
  if (REQUEST_TARGETS[from].includes(to)) return { ok: true };
  if (to === 'client') return { ok: false, reason: 'Clients only send requests; nothing sends requests to a client.' };
  if (REQUEST_TARGETS[from].length === 0) {
    const hint = REPLICATING_KINDS.includes(from) && from === to ? ' To copy its data to a follower, use a replication connection.' : '';
    return { ok: false, reason: `${article(from)} only answers requests; it cannot send them.${hint}` };
  }
  if (from === 'cache') return { ok: false, reason: 'A cache only forwards misses to a database.' };
  return { ok: false, reason: `${article(from)} does not send requests to a ${NAMES[to]}.` };
}

function replicationRule(from: NodeKind, to: NodeKind): ConnectionVerdict {
  if (from !== to) {
    return { ok: false, reason: `Replication links two nodes of the same kind; this is ${NAMES[from]} → ${NAMES[to]}.` };
  }
  if (!REPLICATING_KINDS.includes(from)) return { ok: false, reason: `${article(from)} has no state to replicate.` };
  return { ok: true };
}

/** Decides whether `source → target` of `kind` may be added to `graph`. */
export function checkConnection(graph: Pick<Graph, 'nodes' | 'edges'>, source: string, target: string, kind: EdgeKind): ConnectionVerdict {
  if (source === target) return { ok: false, reason: 'A node cannot connect to itself.' };
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return { ok: false, reason: 'Connect two nodes of the design.' };
  if (graph.edges.some((e) => e.source === source && e.target === target && e.kind === kind)) {
    return { ok: false, reason: `${from.label || source} is already connected to ${to.label || target}.` };
  }
  if (kind === 'replication' && graph.edges.some((e) => e.kind === 'replication' && e.source === target && e.target === source)) {
    return { ok: false, reason: 'These two already replicate the other way; a follower cannot also lead its leader.' };
  }
  return kind === 'request' ? requestRule(from.kind, to.kind) : replicationRule(from.kind, to.kind);
}

/** Every kind pair's verdict, for documentation and exhaustive tests. */
export const connectionTable = (kind: EdgeKind) =>
  NODE_KINDS.flatMap((from) => NODE_KINDS.map((to) => ({ from, to, verdict: kind === 'request' ? requestRule(from, to) : replicationRule(from, to) })));
