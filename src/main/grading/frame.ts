/**
 * The lesson's frame: what a design may change and what belongs to the exercise. The editor keeps
 * students inside it, but a submission is a JSON file anyone can edit, and a few edits would game
 * the checks: a second client wired straight to the database dilutes the error rate with healthy
 * traffic, a user request rate turned down to zero passes every error check. Grading therefore
 * puts the design back inside the frame before simulating, and says what it changed:
 *
 * (a) Locked nodes get the starter's kind and props back; a deleted one comes back (without edges).
 *     A locked prop (lesson.lockedProps) of a node the design still has gets the starter's value back.
 * (b) Nodes of a kind the lesson's palette does not offer are removed with their edges, unless the
 *     starter has that node (same id and kind).
 * (c) Traffic: when the starter has clients, they are the lesson's users and the only traffic
 *     sources; any other client is removed with its edges. A starter without clients (an empty
 *     canvas whose palette offers `client`) lets the student's clients stand.
 * (d) The starter's clients keep the starter's kind and props (request rate, users, workload,
 *     timeouts) even when the lesson does not list them in `locked`: the traffic is part of the
 *     exercise. A deleted one comes back. Its design props (CLIENT_DESIGN_PROPS: how it reconnects)
 *     stay the student's unless the lesson locks it.
 *
 * (e) A connection the editor refuses between two kinds (a balancer sending to a database, a
 *     database sending requests, replication between two kinds: shared/connections.ts) is removed.
 *
 * `users` names the clients whose view "the users' metrics" (errors, latency, throughput) read
 * when grading: see usersView.
 */
import type { Graph, GraphEdge, GraphNode } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { checkConnection } from '../../shared/connections';
import { CLIENT_DESIGN_PROPS } from '../../shared/nodeProps';
import type { RunResult } from '../../shared/metrics';
import { englishGrade, gradeMessage, type GradeMessage } from '../../shared/i18n/gradeTexts';

export interface Framed {
  /** The graph that is graded. */
  graph: Graph;
  /** One sentence per change grading made, naming the node (English). */
  notes: string[];
  /** The same notes as keys of GRADE_TEXTS, for the student's language. */
  noteKeys: GradeMessage[];
  /** The lesson's own clients (the starter's); undefined when every client of the design counts. */
  users?: ReadonlySet<string>;
}

/** Notes past this many are summed up in one line: a design with 500 extra nodes still gets a short report. */
export const FRAME_NOTES_MAX = 20;
/** Node ids named in one removal note. */
const IDS_NAMED_MAX = 5;

/** Deterministic comparison of plain JSON values (props come from parsed JSON). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

/** `"a", "b" and "c"`, `"a", …, "e" and 3 more`: the "and" is worded in the reader's language. */
const quoted = (ids: readonly string[]): string | GradeMessage => {
  const named = ids.slice(0, IDS_NAMED_MAX).map((id) => `"${id}"`);
  const rest = ids.length - named.length;
  if (rest > 0) return gradeMessage('list.more', { head: named.join(', '), rest });
  return named.length === 1 ? named[0]! : gradeMessage('list.two', { head: named.slice(0, -1).join(', '), last: named.at(-1)! });
};

/** Props whose values differ, by name, sorted. */
const changedProps = (current: GraphNode['props'], original: GraphNode['props']): string[] =>
  [...new Set([...Object.keys(current), ...Object.keys(original)])].filter((k) => !same(current[k], original[k])).sort();

/** (a) and (d): nodes the student may not change go back to the starter's kind and props. */
function restoreFixed(nodes: GraphNode[], starter: Graph, locked: ReadonlySet<string>, notes: GradeMessage[]): GraphNode[] {
  const fixed = starter.nodes.filter((n) => locked.has(n.id) || n.kind === 'client');
  let out = nodes;
  for (const original of fixed) {
    const isLocked = locked.has(original.id);
    const current = out.find((n) => n.id === original.id);
    if (!current) {
      out = [...out, original];
      notes.push(gradeMessage(isLocked ? 'frame.lockedMissing' : 'frame.clientMissing', { node: original.id }));
      continue;
    }
    // An unlocked client keeps the student's design props (how it reconnects): those are the exercise's answer, not its traffic.
    const isDesign = (k: string) => (CLIENT_DESIGN_PROPS as readonly string[]).includes(k);
    const props =
      !isLocked && current.kind === original.kind
        ? { ...Object.fromEntries(Object.entries(original.props).filter(([k]) => !isDesign(k))), ...Object.fromEntries(Object.entries(current.props).filter(([k]) => isDesign(k))) }
        : original.props;
    if (current.kind === original.kind && changedProps(current.props, props).length === 0) continue;
    out = out.map((n) => (n.id === original.id ? { ...n, kind: original.kind, props } : n));
    if (isLocked) notes.push(gradeMessage('frame.lockedChanged', { node: original.id }));
    else if (current.kind !== original.kind) notes.push(gradeMessage('frame.clientKind', { node: original.id, kind: current.kind }));
    else notes.push(gradeMessage('frame.clientProps', { node: original.id, props: changedProps(current.props, props).join(', ') }));
  }
  return out;
}

/** (a) for single props: a locked prop goes back to the starter's value (or away, if the starter has none). */
function restoreLockedProps(nodes: GraphNode[], starter: Graph, lockedProps: Lesson['lockedProps'], notes: GradeMessage[]): GraphNode[] {
  let isChanged = false;
  const out = nodes.map((node) => {
    const keys = lockedProps[node.id];
    const original = starter.nodes.find((n) => n.id === node.id);
    if (!keys || !original || original.kind !== node.kind) return node;
    const changed = keys.filter((k) => !same(node.props[k], original.props[k])).sort();
    if (changed.length === 0) return node;
    const props = { ...node.props };
    for (const k of changed) {
      if (k in original.props) props[k] = original.props[k];
      else delete props[k];
    }
    notes.push(gradeMessage('frame.lockedProps', { node: node.id, props: changed.map((k) => `"${k}"`).join(', '), count: changed.length }));
    isChanged = true;
    return { ...node, props };
  });
  return isChanged ? out : nodes;
}

/** (b) and (c): which of the student's nodes the lesson does not allow, and why (grouped for the notes). */
function disallowed(nodes: readonly GraphNode[], starter: Graph, lesson: Lesson): Map<string, { reason: GradeMessage; ids: string[] }> {
  const starterKind = new Map(starter.nodes.map((n) => [n.id, n.kind]));
  const starterClients = starter.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const palette = lesson.palette === undefined ? undefined : new Set<string>(lesson.palette);
  const reasons = new Map<string, { reason: GradeMessage; ids: string[] }>();
  const add = (reason: GradeMessage, id: string) => {
    const group = reasons.get(JSON.stringify(reason));
    if (group) group.ids.push(id);
    else reasons.set(JSON.stringify(reason), { reason, ids: [id] });
  };
  for (const node of nodes) {
    if (starterKind.get(node.id) === node.kind) continue;
    if (node.kind === 'client' && starterClients.length > 0) {
      add(starterClients.length === 1 ? gradeMessage('frame.reason.secondClient') : gradeMessage('frame.reason.otherClients', { clients: quoted(starterClients) }), node.id);
    } else if (palette !== undefined && !palette.has(node.kind)) add(gradeMessage('frame.reason.kind', { kind: node.kind }), node.id);
  }
  return reasons;
}

/** Puts the design back inside the lesson's frame (rules at the top of this file). Pure. */
export function holdFrame(graph: Graph, starter: Graph, lesson: Lesson): Framed {
  const notes: GradeMessage[] = [];
  const fixed = restoreFixed(graph.nodes, starter, new Set(lesson.locked), notes);
  const kept = Object.keys(lesson.lockedProps ?? {}).length > 0 ? restoreLockedProps(fixed, starter, lesson.lockedProps, notes) : fixed;
  const reasons = disallowed(kept, starter, lesson);
  const removed = new Set([...reasons.values()].flatMap((r) => r.ids));
  let edges: GraphEdge[] = graph.edges;
  if (removed.size > 0) {
    edges = graph.edges.filter((e) => !removed.has(e.source) && !removed.has(e.target));
    for (const { reason, ids } of reasons.values()) notes.push(gradeMessage('frame.removed', { reason, ids: quoted(ids), count: ids.length }));
  }
  const nodes = removed.size > 0 ? kept.filter((n) => !removed.has(n.id)) : kept;
  // (e): judged by the two ends' kinds alone, as the editor judges a new connection.
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const refused = edges.filter((e) => {
    const from = byId.get(e.source);
    const to = byId.get(e.target);
    return from !== undefined && to !== undefined && !checkConnection({ nodes: [from, to], edges: [] }, e.source, e.target, e.kind).ok;
  });
  if (refused.length > 0) {
    edges = edges.filter((e) => !refused.includes(e));
    notes.push(gradeMessage('frame.edgesRemoved', { ids: quoted(refused.map((e) => e.id)), count: refused.length }));
  }
  const starterClients = starter.nodes.filter((n) => n.kind === 'client').map((n) => n.id);
  const noteKeys = notes.length > FRAME_NOTES_MAX ? [...notes.slice(0, FRAME_NOTES_MAX - 1), gradeMessage('frame.more', { count: notes.length - FRAME_NOTES_MAX + 1 })] : notes;
  const framed: Framed = {
    graph: nodes === graph.nodes && edges === graph.edges ? graph : { ...graph, nodes, edges },
    notes: noteKeys.map(englishGrade),
    noteKeys,
  };
  if (starterClients.length > 0) framed.users = new Set(starterClients);
  return framed;
}

/**
 * The run as the lesson's users saw it: clients other than `users` are left out of the run's node
 * list, so metrics read over "the clients" (error rate, latency, throughput, requests per user
 * request) count only the lesson's own users, even if another traffic source slipped through.
 * Counters and the trace are untouched; a node is matched by its graph id (clones: `<id>~<n>`).
 */
export function usersView(run: RunResult, users: ReadonlySet<string> | undefined): RunResult {
  if (users === undefined) return run;
  const isUser = (id: string) => users.has(id.split('~')[0]!);
  const nodes = run.nodes.filter((n) => n.kind !== 'client' || isUser(n.id));
  return nodes.length === run.nodes.length ? run : { ...run, nodes };
}
