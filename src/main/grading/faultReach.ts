/**
 * A lesson's scheduled fault must meet the design it grades. A design that keeps the fault's
 * target on the canvas but routes the users around it (a spare "api-2" with no connections while
 * "api-2b" does the work, a balancer's weight 0 for the instance that will crash) never meets the
 * fault: every "errors after the crash" check passes for free. Such a fault is "unreached": grading
 * fails the run-based checks with the reason, as it does for a deleted target (grade.ts).
 *
 * A selector target ("@busiest-service") is unreached when the users reach no node of its kind: it
 * would pick a spare one, or none (users wired straight to a database scored 11 of 11 in lesson 13).
 *
 * Not unreached: a fault on a client (the lesson's users themselves), and a backing component (a kind that never
 * forwards to a service instance: database, cache, session store, coordinator) when the users reach
 * no node of that kind at all: doing without it is a design choice (signed tokens instead of a
 * session store survive the store's outage), not a way round the fault.
 */
import { isTargetSelector, TARGET_SELECTORS } from '../../shared/faults';
import type { Graph, GraphNode, NodeKind } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import { NODE_KIND_SPECS } from '../../shared/nodeKinds';

type ScheduledFault = NonNullable<Lesson['scenario']['faults']>[number];

/** A weighted balancer sends nothing to a target whose weight is 0 (a missing id weighs 1). */
function carriesTraffic(source: GraphNode | undefined, target: string): boolean {
  if (source?.kind !== 'load-balancer' || source.props.policy !== 'weighted') return true;
  const weights = source.props.weights;
  if (typeof weights !== 'object' || weights === null || !Object.hasOwn(weights, target)) return true;
  return (weights as Record<string, unknown>)[target] !== 0;
}

/** Node ids the users' requests (and the replication they cause) can reach, the users included. */
export function reachedFromUsers(graph: Graph, users: ReadonlySet<string> | undefined): Set<string> {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind === 'request' && !carriesTraffic(byId.get(edge.source), edge.target)) continue;
    const targets = next.get(edge.source);
    if (targets === undefined) next.set(edge.source, [edge.target]);
    else targets.push(edge.target);
  }
  const starts = graph.nodes.filter((n) => n.kind === 'client' && (users === undefined || users.has(n.id))).map((n) => n.id);
  const seen = new Set<string>(starts);
  const queue = [...starts];
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const target of next.get(id) ?? []) {
      if (seen.has(target)) continue;
      seen.add(target);
      queue.push(target);
    }
  }
  return seen;
}

/** A kind a design may do without: it answers (or forwards to a store) and never forwards to a service instance. */
const isBacking = (kind: GraphNode['kind']): boolean => kind !== 'client' && !(NODE_KIND_SPECS[kind].sendsRequestsTo as readonly NodeKind[]).includes('service');

/**
 * Scheduled faults whose target (a node, or an edge's sending end) exists in `graph` but carries
 * none of the users' traffic (rules at the top of this file). `users`: the lesson's clients
 * (frame.ts); every client of the design when undefined.
 */
export function unreachedFaultTargets(graph: Graph, scenario: Lesson['scenario'], users: ReadonlySet<string> | undefined): { fault: ScheduledFault; node: string; kind?: NodeKind }[] {
  const reached = reachedFromUsers(graph, users);
  const reachedKinds = new Set(graph.nodes.filter((n) => reached.has(n.id)).map((n) => n.kind));
  return (scenario.faults ?? []).flatMap((fault) => {
    // A selector picks among every node of its kind, the spare ones too: the users must reach one of that kind.
    if (isTargetSelector(fault.target)) return reachedKinds.has(TARGET_SELECTORS[fault.target].kind) ? [] : [{ fault, node: fault.target, kind: TARGET_SELECTORS[fault.target].kind }];
    const node = graph.nodes.find((n) => n.id === fault.target);
    if (node !== undefined) {
      if (node.kind === 'client' || reached.has(node.id)) return [];
      if (isBacking(node.kind) && !reachedKinds.has(node.kind)) return [];
      return [{ fault, node: node.id }];
    }
    const edge = graph.edges.find((e) => e.id === fault.target);
    if (edge !== undefined && !reached.has(edge.source)) return [{ fault, node: edge.source }];
    return [];
  });
}
