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
 *
 * Starved (measured on the run, starvedFaultTargets): a fault target that load balancers choose
 * among its siblings must have been sent at least a quarter as many requests as the busiest of them,
 * from the start of the run until the first fault on it. A weight of 0.01 for the instance that
 * will crash keeps it connected, so the structural rule above lets it through, yet the balancer sent
 * it 1% of what it sent each other instance and lesson 1's "errors after the crash" checks passed
 * on the starter (7 of 7). The share is read from the run's per-node `forwardedTo` counters rather
 * than worked out from the weights because a weight is only one way to starve a node: a policy that
 * never picks it, a capacity so small that a least-connections balancer or a health check keeps it
 * out, a second balancer in front of it that is itself starved. The run is what the fault meets, so
 * it covers them all, and it is what the student's charts show. The siblings are every target of the
 * balancers that send to the node (scale-out clones included); a balancer that is itself a
 * balancer's target passes its own ratio on (a decoy balancer with a weight of 0.01 in front of
 * "api-2" starves it as surely as the weight would). Against the busiest sibling, not an even share:
 * spare siblings that get nothing or next to nothing would lower an even share until the starved
 * node passed it, while the busiest one is what the rest of the users' traffic goes to. A quarter,
 * because an honest uneven split (weights 1:3, a ring that gives one owner fewer keys) stays above it
 * while "almost nothing" stays far below; it is a floor on meeting the fault, not on balance (lesson
 * 1's "Load is spread evenly" judges that). A node that also gets requests from anything the users
 * reach other than a balancer (the users themselves, a service) is not judged this way: those
 * requests are no balancer's choice. Nothing forwarded before the fault (a fault at 0 ms) reads as
 * not starved: there is nothing to compare, and the run-based checks say what happened.
 */
import { isTargetSelector, TARGET_SELECTORS } from '../../shared/faults';
import type { Graph, GraphNode, NodeKind } from '../../shared/graph';
import type { Lesson } from '../../shared/lesson';
import type { RunResult } from '../../shared/metrics';
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

/** A fault target its balancers sent less than this fraction of what they sent their busiest target is starved. */
export const STARVED_SHARE_OF_BUSIEST = 0.25;

/** A scale-out clone ("api-1~2") goes by its original's id. */
const baseId = (id: string): string => id.split('~')[0]!;

/** What a balancer's target carried beside its busiest sibling: `ratio` 0.01 is 1% of what `busiest` (a run node id) was sent. */
export interface CarriedShare {
  ratio: number;
  busiest: string;
}

/**
 * What `target` was sent in the run before `beforeMs`, against the busiest target of the balancers
 * that send to it (rules at the top of this file); undefined when nothing judges it (no balancer
 * the users reach sends to it, something else does too, or nothing was forwarded). `reached`: the
 * nodes the users' requests reach (reachedFromUsers).
 */
export function carriedShare(graph: Graph, run: Pick<RunResult, 'buckets' | 'nodes'>, target: string, beforeMs: number, reached: ReadonlySet<string>): CarriedShare | undefined {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const requestEdges = graph.edges.filter((e) => e.kind === 'request' && reached.has(e.source));
  const lastBucket = Math.min(run.buckets.count, Math.ceil(beforeMs / run.buckets.bucketMs)) - 1;
  const forwarded = (id: string): number => {
    const counts = run.buckets.counters[id]?.forwardedTo;
    let sum = 0;
    if (counts !== undefined) for (let b = 0; b <= lastBucket; b++) sum += counts[b] ?? 0;
    return sum;
  };
  const shareOf = (id: string, seen: ReadonlySet<string>): CarriedShare | undefined => {
    const senders = requestEdges.filter((e) => e.target === id).map((e) => byId.get(e.source)!);
    if (senders.length === 0 || senders.some((s) => s.kind !== 'load-balancer')) return undefined;
    const balancers = new Set(senders.map((s) => s.id));
    const siblings = new Set(requestEdges.filter((e) => balancers.has(e.source)).map((e) => e.target));
    let busiest = id;
    for (const n of run.nodes) if (siblings.has(baseId(n.id)) && forwarded(n.id) > forwarded(busiest)) busiest = n.id;
    if (forwarded(busiest) === 0) return undefined;
    const own: CarriedShare = { ratio: forwarded(id) / forwarded(busiest), busiest };
    // A balancer that is itself a balancer's target hands on only what it was sent: the best-fed one counts.
    const upstream = [...balancers].filter((b) => !seen.has(b)).map((b) => shareOf(b, new Set([...seen, b])));
    if (upstream.length === 0 || upstream.some((u) => u === undefined)) return own;
    const fed = (upstream as CarriedShare[]).reduce((best, u) => (u.ratio > best.ratio ? u : best));
    return fed.ratio >= 1 ? own : { ratio: own.ratio * fed.ratio, busiest: own.ratio < 1 ? own.busiest : fed.busiest };
  };
  return shareOf(target, new Set([target]));
}

/**
 * Scheduled node faults whose target the users' traffic reaches (unreachedFaultTargets let it
 * through) but whose balancers sent it less than STARVED_SHARE_OF_BUSIEST of what they sent their
 * busiest target before the first fault on it, in the finished run.
 */
export function starvedFaultTargets(graph: Graph, scenario: Lesson['scenario'], run: Pick<RunResult, 'buckets' | 'nodes'>, reached: ReadonlySet<string>): ({ fault: ScheduledFault; node: string } & CarriedShare)[] {
  const faults = scenario.faults ?? [];
  return faults.flatMap((fault) => {
    const node = graph.nodes.find((n) => n.id === fault.target);
    if (node === undefined || node.kind === 'client' || !reached.has(node.id)) return [];
    const firstAtMs = Math.min(...faults.filter((f) => f.target === node.id).map((f) => f.atMs));
    const share = carriedShare(graph, run, node.id, firstAtMs, reached);
    return share !== undefined && share.ratio < STARVED_SHARE_OF_BUSIEST ? [{ fault, node: node.id, ...share }] : [];
  });
}
