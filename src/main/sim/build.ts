/**
 * Turns a validated graph and scenario into a ready-to-run Sim: nodes with parsed props, edges,
 * load-balancer targets, database replication groups, coordinator ownership, and clones on
 * demand for scale-out.
 */
import type { Graph, NodeKind } from '../../shared/graph';
import { formatPath } from '../../shared/json';
import { parseNodeProps, type NodePropsByKind } from '../../shared/nodeProps';
import type { ParsedScenario } from '../../shared/scenario';
import { Sim, type SimNode } from './engine';
import { bucketMsFor } from './metrics/recorder';
import { ModelState } from './model';
import { CacheNode } from './nodes/cache';
import { ClientNode } from './nodes/client';
import { CoordinatorNode } from './nodes/coordinator';
import { DatabaseNode, DbGroup } from './nodes/database';
import { LoadBalancerNode } from './nodes/loadBalancer';
import { ServiceNode } from './nodes/service';
import { SessionStoreNode } from './nodes/sessionStore';
import { Ownership } from './ownership';

/** Partitions when no coordinator or partition-aware balancer says otherwise. */
const DEFAULT_PARTITIONS = 16;

export type ParsedGraphProps = { [i: number]: NodePropsByKind[NodeKind] };

/** Every problem with the graph's node props, each naming the node and the JSON path. */
export function validateGraphForSim(graph: Graph): string[] {
  const problems: string[] = [];
  graph.nodes.forEach((node, i) => {
    const parsed = parseNodeProps(node.kind, node.props);
    if (!parsed.ok) {
      for (const issue of parsed.issues) problems.push(`${formatPath(['nodes', i, 'props', ...issue.path])} (node "${node.id}", ${node.kind}): ${issue.message}`);
    }
  });
  // One lease service per design: owners renew with it and it alone assigns partitions.
  const coordinators = graph.nodes.filter((n) => n.kind === 'coordinator');
  if (coordinators.length > 1) {
    problems.push(`A design can have one coordinator; remove ${coordinators.slice(1).map((n) => `"${n.id}"`).join(', ')} (the lease service is "${coordinators[0]!.id}").`);
  }
  return problems;
}

function parseAll(graph: Graph): NodePropsByKind[NodeKind][] {
  const problems = validateGraphForSim(graph);
  if (problems.length > 0) throw new Error(`The graph cannot be simulated:\n${problems.join('\n')}`);
  return graph.nodes.map((n) => {
    const parsed = parseNodeProps(n.kind, n.props);
    if (!parsed.ok) throw new Error('unreachable');
    return parsed.props;
  });
}

function makeNode(sim: Sim, idx: number, id: string, kind: NodeKind, props: NodePropsByKind[NodeKind], userBase: number): SimNode {
  const rng = sim.rngFor(id);
  switch (kind) {
    case 'client':
      return new ClientNode(sim, idx, id, rng, props as NodePropsByKind['client'], userBase);
    case 'load-balancer':
      return new LoadBalancerNode(sim, idx, id, rng, props as NodePropsByKind['load-balancer']);
    case 'service':
      return new ServiceNode(sim, idx, id, rng, props as NodePropsByKind['service']);
    case 'cache':
      return new CacheNode(sim, idx, id, rng, props as NodePropsByKind['cache']);
    case 'session-store':
      return new SessionStoreNode(sim, idx, id, rng, props as NodePropsByKind['session-store']);
    case 'database':
      return new DatabaseNode(sim, idx, id, rng, props as NodePropsByKind['database']);
    case 'coordinator':
      return new CoordinatorNode(sim, idx, id, rng, props as NodePropsByKind['coordinator']);
  }
}

export interface Built {
  sim: Sim;
  clone: (from: SimNode) => SimNode;
}

export function buildSim(graph: Graph, scenario: ParsedScenario): Built {
  const props = parseAll(graph);
  const w = scenario.workload;
  if (w !== undefined) {
    props.forEach((p, i) => {
      if (graph.nodes[i]!.kind !== 'client') return;
      const cp = p as NodePropsByKind['client'];
      props[i] = { ...cp, rps: w.rps ?? cp.rps, users: w.users ?? cp.users, readRatio: w.readRatio ?? cp.readRatio };
    });
  }
  const coordIdx = graph.nodes.findIndex((n) => n.kind === 'coordinator');
  const paIdx = graph.nodes.findIndex((n, i) => n.kind === 'load-balancer' && (props[i] as NodePropsByKind['load-balancer']).policy === 'partition-aware');
  const partitions =
    coordIdx >= 0 ? (props[coordIdx] as NodePropsByKind['coordinator']).partitions : paIdx >= 0 ? (props[paIdx] as NodePropsByKind['load-balancer']).partitions : DEFAULT_PARTITIONS;
  const sim = new Sim(scenario.seed, scenario.durationMs, partitions, bucketMsFor(scenario.durationMs));

  let users = 0;
  graph.nodes.forEach((n, i) => {
    const node = makeNode(sim, i, n.id, n.kind, props[i]!, users);
    if (n.kind === 'client') users += (props[i] as NodePropsByKind['client']).users;
    sim.addNode(node);
  });
  const hasServerSessions = graph.nodes.some((n, i) => n.kind === 'service' && ['local-memory', 'session-store'].includes((props[i] as NodePropsByKind['service']).sessions));
  const model = (sim.model = new ModelState(sim.rec, users, hasServerSessions));
  model.isColdStart = scenario.isColdStart === true;
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
    const p = (from as unknown as { props: NodePropsByKind[NodeKind] }).props;
    const node = makeNode(sim, idx, id, from.kind, p, 0);
    sim.addNode(node);
    for (const e of [...sim.edges]) {
      if (e.to === from.idx) {
        const ne = sim.addEdge({ ...e, id: `${e.id}~${k}`, to: idx });
        const src = sim.nodes[e.from];
        if (e.kind === 'request' && src instanceof LoadBalancerNode) src.addTarget(ne, false);
      } else if (e.from === from.idx) sim.addEdge({ ...e, id: `${e.id}~${k}`, from: idx });
    }
    if (node instanceof ServiceNode) node.bootAsNew();
    else node.start();
    return node;
  };
  return { sim, clone };
}
