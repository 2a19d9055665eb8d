/** The two benchmark models, as StateLab graphs. */
import type { Graph, GraphEdge, GraphNode } from '../src/shared/graph';

const node = (id: string, kind: GraphNode['kind'], props: Record<string, unknown>): GraphNode => ({ id, kind, label: id, position: { x: 0, y: 0 }, props });
const edge = (source: string, target: string, latencyMs: number): GraphEdge => ({ id: `${source}-${target}`, source, target, kind: 'request', props: { latencyMs, jitterMs: 0, lossRate: 0 } });

/** M/M/c: Poisson arrivals into c workers with exponential service, zero network latency. */
export function mmcGraph(c: number, utilisation: number, serviceMs: number): Graph {
  const rps = (utilisation * c * 1000) / serviceMs;
  return {
    format: 'statelab.graph',
    version: 1,
    nodes: [
      node('users', 'client', { users: 1000, rps, timeoutMs: 600_000, readRatio: 1 }),
      node('queue', 'service', { workers: c, queueLimit: 100_000, serviceTimeMs: { mean: serviceMs, distribution: 'exponential' }, callTimeoutMs: 600_000 }),
    ],
    edges: [edge('users', 'queue', 0)],
  };
}

/** client → load balancer → service → cache → database (read-through cache). */
export function tierGraph(rps: number): Graph {
  return {
    format: 'statelab.graph',
    version: 1,
    nodes: [
      node('users', 'client', { users: 10_000, rps, timeoutMs: 5000, readRatio: 1, keys: { distribution: 'zipf', count: 100_000, skew: 1 } }),
      node('lb', 'load-balancer', { policy: 'round-robin' }),
      node('api', 'service', { workers: 64, queueLimit: 10_000, serviceTimeMs: { mean: 1, distribution: 'exponential' } }),
      node('cache', 'cache', { capacity: 20_000, ttlMs: 600_000, latencyMs: 0.2 }),
      node('db', 'database', { latencyMs: 2, capacityRps: 100_000 }),
    ],
    edges: [edge('users', 'lb', 1), edge('lb', 'api', 0.2), edge('api', 'cache', 0.2), edge('cache', 'db', 0.5)],
  };
}
