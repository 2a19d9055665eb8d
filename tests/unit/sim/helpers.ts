/** Small graph builders shared by the simulator tests. */
import type { Graph, GraphEdge, GraphNode, NodeKind } from '../../../src/shared/graph';

export function node(id: string, kind: NodeKind, props: Record<string, unknown> = {}): GraphNode {
  return { id, kind, label: id, position: { x: 0, y: 0 }, props };
}

export function edge(source: string, target: string, props: Partial<GraphEdge['props']> = {}, kind: GraphEdge['kind'] = 'request'): GraphEdge {
  return { id: `${source}--${target}`, source, target, kind, props: { latencyMs: 1, jitterMs: 0, lossRate: 0, ...props } };
}

export function graph(nodes: GraphNode[], edges: GraphEdge[]): Graph {
  return { format: 'statelab.graph', version: 1, nodes, edges };
}

/** users → lb → n services (→ db when given), the shape most course scenarios use. */
export function tier(opts: {
  services: number;
  client?: Record<string, unknown>;
  lb?: Record<string, unknown>;
  service?: Record<string, unknown>;
  extra?: GraphNode[];
  extraEdges?: GraphEdge[];
  withDb?: boolean;
}): Graph {
  const nodes: GraphNode[] = [node('users', 'client', { users: 200, rps: 400, ...opts.client }), node('lb', 'load-balancer', { healthCheck: { intervalMs: 500, unhealthyAfter: 2 }, ...opts.lb })];
  const edges: GraphEdge[] = [edge('users', 'lb')];
  for (let i = 1; i <= opts.services; i++) {
    nodes.push(node(`api-${i}`, 'service', { serviceTimeMs: { mean: 2, distribution: 'exponential' }, ...opts.service }));
    edges.push(edge('lb', `api-${i}`));
    if (opts.withDb === true) edges.push(edge(`api-${i}`, 'db'));
  }
  if (opts.withDb === true) nodes.push(node('db', 'database', { latencyMs: 2, capacityRps: 20000 }));
  nodes.push(...(opts.extra ?? []));
  edges.push(...(opts.extraEdges ?? []));
  return graph(nodes, edges);
}
