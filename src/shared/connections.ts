/**
 * Which connections make sense in a design (each kind's sendsRequestsTo and canReplicate in
 * nodeKinds.ts), as a pure rule the editor asks before adding an edge
 * (and tests pin down). Each refusal carries one short sentence the student reads where they
 * dropped the connection, so it must say what is wrong and what to do instead.
 */
import { NODE_KINDS, type EdgeKind, type Graph, type NodeKind } from './graph';
import { kindNoun, NODE_KIND_SPECS } from './nodeKinds';

/** Why a connection is refused, by id: the renderer words it in the student's language from these (English: `reason`). */
export const CONNECTION_REFUSALS = ['self', 'notInDesign', 'duplicate', 'reverseReplication', 'toClient', 'answersOnly', 'cacheOnlyToDatabase', 'notSentTo', 'replicationSameKind', 'nothingToReplicate'] as const;
export type ConnectionRefusal = (typeof CONNECTION_REFUSALS)[number];
/** A refusal: its English sentence, its id, and what the sentence names (`useReplication`: the hint to use a replication connection). */
export type ConnectionVerdict =
  | { ok: true }
  | { ok: false; reason: string; refusal: ConnectionRefusal; from?: NodeKind; to?: NodeKind; source?: string; target?: string; useReplication?: boolean };

const sendsTo = (from: NodeKind): readonly NodeKind[] => NODE_KIND_SPECS[from].sendsRequestsTo;
const canReplicate = (kind: NodeKind): boolean => NODE_KIND_SPECS[kind].canReplicate;

const article = (kind: NodeKind) => (/^[aeiou]/.test(kindNoun(kind)) ? `An ${kindNoun(kind)}` : `A ${kindNoun(kind)}`);

function requestRule(from: NodeKind, to: NodeKind): ConnectionVerdict {
  if (sendsTo(from).includes(to)) return { ok: true };
  if (to === 'client') return { ok: false, reason: 'Clients only send requests; nothing sends requests to a client.', refusal: 'toClient', from, to };
  if (sendsTo(from).length === 0) {
    const hint = canReplicate(from) && from === to ? ' To copy its data to a follower, use a replication connection.' : '';
    return { ok: false, reason: `${article(from)} only answers requests; it cannot send them.${hint}`, refusal: 'answersOnly', from, to, useReplication: hint !== '' };
  }
  if (from === 'cache') return { ok: false, reason: 'A cache only forwards misses to a database.', refusal: 'cacheOnlyToDatabase', from, to };
  return { ok: false, reason: `${article(from)} does not send requests to a ${kindNoun(to)}.`, refusal: 'notSentTo', from, to };
}

function replicationRule(from: NodeKind, to: NodeKind): ConnectionVerdict {
  if (from !== to) {
    return { ok: false, reason: `Replication links two nodes of the same kind; this is ${kindNoun(from)} → ${kindNoun(to)}.`, refusal: 'replicationSameKind', from, to };
  }
  if (!canReplicate(from)) return { ok: false, reason: `${article(from)} has no state to replicate.`, refusal: 'nothingToReplicate', from, to };
  return { ok: true };
}

/** Decides whether `source → target` of `kind` may be added to `graph`. */
export function checkConnection(graph: Pick<Graph, 'nodes' | 'edges'>, source: string, target: string, kind: EdgeKind): ConnectionVerdict {
  if (source === target) return { ok: false, reason: 'A node cannot connect to itself.', refusal: 'self' };
  const from = graph.nodes.find((n) => n.id === source);
  const to = graph.nodes.find((n) => n.id === target);
  if (!from || !to) return { ok: false, reason: 'Connect two nodes of the design.', refusal: 'notInDesign' };
  if (graph.edges.some((e) => e.source === source && e.target === target && e.kind === kind)) {
    return { ok: false, reason: `${from.label || source} is already connected to ${to.label || target}.`, refusal: 'duplicate', source: from.label || source, target: to.label || target };
  }
  if (kind === 'replication' && graph.edges.some((e) => e.kind === 'replication' && e.source === target && e.target === source)) {
    return { ok: false, reason: 'These two already replicate the other way; a follower cannot also lead its leader.', refusal: 'reverseReplication' };
  }
  return kind === 'request' ? requestRule(from.kind, to.kind) : replicationRule(from.kind, to.kind);
}

/** Every kind pair's verdict, for documentation and exhaustive tests. */
export const connectionTable = (kind: EdgeKind) =>
  NODE_KINDS.flatMap((from) => NODE_KINDS.map((to) => ({ from, to, verdict: kind === 'request' ? requestRule(from, to) : replicationRule(from, to) })));
