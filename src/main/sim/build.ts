/**
 * Turns a validated graph and scenario into a ready-to-run Sim: nodes with parsed props, edges,
 * load-balancer targets, database replication groups, coordinator ownership, and clones on
 * demand for scale-out.
 */
import type { Graph, NodeKind } from '../../shared/graph';
import { errorMessage } from '../../shared/i18n/errorTexts';
import type { Issue } from '../../shared/i18n/issues';
import { DocumentError, formatPath } from '../../shared/json';
import { costPerSecond } from '../../shared/nodeKinds';
import { parseNodeProps, type NodePropsByKind, type PropsIssue } from '../../shared/nodeProps';
import { wiringIssues, type WiringNeed } from '../../shared/wiring';
import type { ParsedScenario } from '../../shared/scenario';
import { Sim, type SimNode } from './engine';
import { bucketMsFor } from './metrics/recorder';
import { ConnectionTable } from './connections';
import { ModelState } from './model';
import { CacheNode } from './nodes/cache';
import { ClientNode } from './nodes/client';
import { CoordinatorNode } from './nodes/coordinator';
import { DatabaseNode, DbGroup } from './nodes/database';
import { LoadBalancerNode } from './nodes/loadBalancer';
import { ServiceNode } from './nodes/service';
import { SessionStoreNode } from './nodes/sessionStore';
import { Ownership } from './ownership';

/** Points of one consistent-hash ring (targets × virtual nodes), at most: far above any lesson's, and each rebuild stays milliseconds. */
export const RING_POINTS_MAX = 200_000;

/** Partitions when no coordinator or partition-aware balancer says otherwise. */
const DEFAULT_PARTITIONS = 16;

/** A node's kind with its parsed props: switching on `kind` types `props` (no casts). */
export type TypedProps = { [K in NodeKind]: { kind: K; props: NodePropsByKind[K] } }[NodeKind];

function parseTyped<K extends NodeKind>(kind: K, raw: unknown): { typed: TypedProps; issues?: undefined } | { typed?: undefined; issues: PropsIssue[] } {
  const parsed = parseNodeProps(kind, raw);
  return parsed.ok ? { typed: { kind, props: parsed.props } as TypedProps } : { issues: parsed.issues };
}

/** Each node's parsed props (undefined where they do not parse) and every problem, each naming the node and the JSON path. */
function parseGraph(graph: Graph): { nodes: (TypedProps | undefined)[]; problems: Issue[] } {
  const problems: Issue[] = [];
  const nodes = graph.nodes.map((node, i) => {
    const { typed, issues } = parseTyped(node.kind, node.props);
    for (const issue of issues ?? []) {
      problems.push({ path: `${formatPath(['nodes', i, 'props', ...issue.path])} (node "${node.id}", ${node.kind})`, message: issue.message, ...(issue.zod ? { zod: issue.zod } : {}) });
    }
    return typed;
  });
  // A consistent-hash ring is rebuilt whenever a target comes or goes: its size bounds that cost.
  const kindOf = new Map(graph.nodes.map((n) => [n.id, n.kind]));
  graph.nodes.forEach((node, i) => {
    const lb = nodes[i];
    if (lb?.kind !== 'load-balancer' || lb.props.policy !== 'consistent-hash') return;
    const targets = graph.edges.filter((e) => e.kind === 'request' && e.source === node.id && kindOf.get(e.target) !== 'cache').length;
    const points = targets * lb.props.virtualNodes;
    if (points > RING_POINTS_MAX) {
      problems.push({
        path: `${formatPath(['nodes', i, 'props', 'virtualNodes'])} (node "${node.id}", load-balancer)`,
        message: `${targets} targets × ${lb.props.virtualNodes} virtual nodes make a ring of ${points.toLocaleString('en-US')} points; at most ${RING_POINTS_MAX.toLocaleString('en-US')} (use fewer virtual nodes)`,
      });
    }
  });
  // One lease service per design: owners renew with it and it alone assigns partitions.
  const coordinators = graph.nodes.flatMap((n, i) => (n.kind === 'coordinator' ? [{ id: n.id, i }] : []));
  if (coordinators.length > 1) {
    problems.push({
      path: formatPath(['nodes', coordinators[1]!.i]),
      message: `A design can have one coordinator; remove ${coordinators.slice(1).map((n) => `"${n.id}"`).join(', ')} (the lease service is "${coordinators[0]!.id}").`,
    });
  }
  return { nodes, problems };
}

/** Every problem with the graph's node props, each naming the node and the JSON path. */
export function validateGraphForSim(graph: Graph): string[] {
  return parseGraph(graph).problems.map((p) => `${p.path}: ${p.message}`);
}

/**
 * The graph's node props, parsed once; throws naming every problem. A DocumentError: the design
 * is at fault, not the app, so the host reports it as such (with the file it came from) and the
 * student reads it in their language.
 */
function parseAll(graph: Graph): TypedProps[] {
  const { nodes, problems } = parseGraph(graph);
  if (problems.length > 0) throw new DocumentError(errorMessage('sim.cannotSimulate'), problems);
  return nodes.filter((n) => n !== undefined);
}

function makeNode(sim: Sim, idx: number, id: string, typed: TypedProps, userBase: number): SimNode {
  const node = makeKindNode(sim, idx, id, typed, userBase);
  node.costPerSecond = costPerSecond(typed.kind, typed.props);
  return node;
}

function makeKindNode(sim: Sim, idx: number, id: string, typed: TypedProps, userBase: number): SimNode {
  const rng = sim.rngFor(id);
  switch (typed.kind) {
    case 'client':
      return new ClientNode(sim, idx, id, rng, typed.props, userBase);
    case 'load-balancer':
      return new LoadBalancerNode(sim, idx, id, rng, typed.props);
    case 'service':
      return new ServiceNode(sim, idx, id, rng, typed.props);
    case 'cache':
      return new CacheNode(sim, idx, id, rng, typed.props);
    case 'session-store':
      return new SessionStoreNode(sim, idx, id, rng, typed.props);
    case 'database':
      return new DatabaseNode(sim, idx, id, rng, typed.props);
    case 'coordinator':
      return new CoordinatorNode(sim, idx, id, rng, typed.props);
  }
}

export interface Built {
  sim: Sim;
  clone: (from: SimNode) => SimNode;
}

export function buildSim(graph: Graph, scenario: ParsedScenario): Built {
  const w = scenario.workload;
  const typed = parseAll(graph).map((t): TypedProps => {
    if (t.kind !== 'client' || w === undefined) return t;
    const cp = t.props;
    return { kind: 'client', props: { ...cp, rps: w.rps ?? cp.rps, users: w.users ?? cp.users, readRatio: w.readRatio ?? cp.readRatio } };
  });
  const coordinator = typed.find((t) => t.kind === 'coordinator');
  const partitionAware = typed.find((t) => t.kind === 'load-balancer' && t.props.policy === 'partition-aware');
  const partitions =
    coordinator?.kind === 'coordinator' ? coordinator.props.partitions : partitionAware?.kind === 'load-balancer' ? partitionAware.props.partitions : DEFAULT_PARTITIONS;
  const coordIdx = typed.indexOf(coordinator!);
  const sim = new Sim(scenario.seed, scenario.durationMs, partitions, bucketMsFor(scenario.durationMs));

  let users = 0;
  graph.nodes.forEach((n, i) => {
    const t = typed[i]!;
    sim.addNode(makeNode(sim, i, n.id, t, users));
    if (t.kind === 'client') users += t.props.users;
  });
  const hasServerSessions = typed.some((t) => t.kind === 'service' && (t.props.sessions === 'local-memory' || t.props.sessions === 'session-store'));
  const model = (sim.model = new ModelState(sim.rec, users, hasServerSessions));
  model.isColdStart = scenario.isColdStart === true;
  if (typed.some((t) => t.kind === 'client' && t.props.connection === 'long-lived')) model.connections = new ConnectionTable(sim.rec, sim.nodes, users);
  const index = new Map(graph.nodes.map((n, i) => [n.id, i]));
  for (const e of graph.edges) {
    sim.addEdge({
      id: e.id,
      from: index.get(e.source)!,
      to: index.get(e.target)!,
      kind: e.kind,
      latUs: Math.round(e.props.latencyMs * 1000),
      jitterUs: Math.round(e.props.jitterMs * 1000),
      lossRate: e.props.lossRate,
    });
  }
  for (const node of sim.nodes) if (node instanceof LoadBalancerNode) for (const e of node.out) node.addTarget(e, true);
  // What is not wired does not work: the editor's wiring issues, as the services' missing connections.
  const missing = new Map<string, Set<WiringNeed>>();
  for (const issue of wiringIssues(graph)) missing.set(issue.nodeId, (missing.get(issue.nodeId) ?? new Set()).add(issue.need));
  for (const [id, needs] of missing) {
    const n = sim.byId.get(id);
    if (n instanceof ServiceNode) n.missing = needs;
  }

  // Database replication groups: connected components over replication edges.
  const dbs = sim.nodes.filter((n): n is DatabaseNode => n instanceof DatabaseNode);
  const seen = new Set<DatabaseNode>();
  for (const db of dbs) {
    if (seen.has(db)) continue;
    const members: DatabaseNode[] = [];
    const stack = [db];
    while (stack.length > 0) {
      const m = stack.pop()!;
      if (seen.has(m)) continue;
      seen.add(m);
      members.push(m);
      for (const e of [...m.replOut, ...m.replIn]) {
        const other = sim.nodes[e.from === m.idx ? e.to : e.from];
        if (other instanceof DatabaseNode && !seen.has(other)) stack.push(other);
      }
    }
    members.sort((a, b) => a.idx - b.idx);
    const leader = members.find((m) => m.replIn.length === 0 && m.replOut.length > 0) ?? members[0]!;
    const group = new DbGroup(members, leader, partitions);
    for (const m of members) m.group = group;
  }
  model.databaseLeader = (i) => {
    const n = sim.nodes[i];
    return n instanceof DatabaseNode ? n.group.leader.idx : i;
  };

  if (coordIdx >= 0) {
    const coord = sim.nodes[coordIdx] as CoordinatorNode;
    const own = new Ownership(sim, partitions, coord.props.fencing, coord);
    coord.own = own;
    model.ownership = own;
    model.ownerMap = own.ownerMap;
    model.coordinatorIdx = coordIdx;
    model.leaseTtlUs = Math.round(coord.props.leaseTtlMs * 1000);
    const owners = sim.nodes.filter((n) => n instanceof ServiceNode && n.props.ownsPartitions && n.out.some((e) => e.to === coord.idx));
    coord.init(owners);
    for (const n of sim.nodes) if (n instanceof LoadBalancerNode && n.props.policy === 'partition-aware') own.routers.push(n);
  }

  const cloneCount = new Map<string, number>();
  const clone = (from: SimNode): SimNode => {
    const k = (cloneCount.get(from.id) ?? 0) + 1;
    cloneCount.set(from.id, k);
    const id = `${from.id}~${k}`;
    const idx = sim.nodes.length;
    const node = makeNode(sim, idx, id, typedPropsOf(from), 0);
    sim.addNode(node);
    for (const e of [...sim.edges]) {
      if (e.isPeer === true) continue;
      if (e.to === from.idx) {
        const ne = sim.addEdge({ ...e, id: `${e.id}~${k}`, to: idx });
        const src = sim.nodes[e.from];
        if (e.kind === 'request' && src instanceof LoadBalancerNode) src.addTarget(ne, false);
      } else if (e.from === from.idx) sim.addEdge({ ...e, id: `${e.id}~${k}`, from: idx });
    }
    if (node instanceof ServiceNode) {
      node.missing = (from as ServiceNode).missing;
      node.bootAsNew();
    }
    else node.start();
    return node;
  };
  return { sim, clone };
}

/** The kind and props a node was built with (a clone gets the same). */
function typedPropsOf(node: SimNode): TypedProps {
  if (node instanceof ClientNode) return { kind: 'client', props: node.props };
  if (node instanceof LoadBalancerNode) return { kind: 'load-balancer', props: node.props };
  if (node instanceof ServiceNode) return { kind: 'service', props: node.props };
  if (node instanceof CacheNode) return { kind: 'cache', props: node.props };
  if (node instanceof SessionStoreNode) return { kind: 'session-store', props: node.props };
  if (node instanceof DatabaseNode) return { kind: 'database', props: node.props };
  if (node instanceof CoordinatorNode) return { kind: 'coordinator', props: node.props };
  throw new Error(`no props for ${node.kind} node "${node.id}"`);
}
