/**
 * Structural checks: predicates over the student's graph. Props are compared after the kind's
 * defaults are applied, so `{sessions: "none"}` matches a service that never set it.
 */
import type { NodeMatch, Predicate, StructureCheck } from '../../shared/checks';
import type { Graph, GraphNode } from '../../shared/graph';
import { parseNodeProps } from '../../shared/nodeProps';
import { compare, formatBound, type Scalar } from './compare';

/** A node's props with defaults, or as written when they do not validate (the simulator would refuse them anyway). */
function effectiveProps(node: GraphNode): Record<string, unknown> {
  const parsed = parseNodeProps(node.kind, node.props);
  return parsed.ok ? (parsed.props as Record<string, unknown>) : node.props;
}

/** Reads "healthCheck.intervalMs"; own properties only, so no key reaches a prototype. */
export function readProp(props: Record<string, unknown>, key: string): Scalar | undefined {
  let value: unknown = props;
  for (const part of key.split('.')) {
    if (typeof value !== 'object' || value === null || !Object.prototype.hasOwnProperty.call(value, part)) return undefined;
    value = (value as Record<string, unknown>)[part];
  }
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

export function matches(node: GraphNode, match: NodeMatch): boolean {
  if (match.kind !== undefined && node.kind !== match.kind) return false;
  if (match.id !== undefined && node.id !== match.id) return false;
  if (match.props !== undefined) {
    const props = effectiveProps(node);
    for (const [key, want] of Object.entries(match.props)) if (!compare(readProp(props, key), '==', want)) return false;
  }
  return true;
}

/** Node ids reachable from `start` along request edges, start excluded unless on a cycle. */
function reachable(graph: Graph, start: string): Set<string> {
  const next = new Map<string, string[]>();
  for (const edge of graph.edges) {
    if (edge.kind !== 'request') continue;
    const list = next.get(edge.source) ?? [];
    list.push(edge.target);
    next.set(edge.source, list);
  }
  const seen = new Set<string>();
  const queue = [...(next.get(start) ?? [])];
  while (queue.length > 0) {
    const id = queue.shift() as string;
    if (seen.has(id)) continue;
    seen.add(id);
    queue.push(...(next.get(id) ?? []));
  }
  return seen;
}

function hasPath(graph: Graph, from: NodeMatch, to: NodeMatch, via?: NodeMatch): boolean {
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  const hits = (ids: Set<string>, match: NodeMatch) => [...ids].some((id) => matches(byId.get(id) as GraphNode, match));
  for (const start of graph.nodes.filter((n) => matches(n, from))) {
    const ahead = reachable(graph, start.id);
    if (via === undefined) {
      if (hits(ahead, to)) return true;
      continue;
    }
    for (const id of ahead) {
      const middle = byId.get(id) as GraphNode;
      if (matches(middle, via) && hits(reachable(graph, id), to)) return true;
    }
  }
  return false;
}

/** Evaluates a predicate; depth is bounded by the schema's array sizes and the pack validator. */
export function holds(graph: Graph, predicate: Predicate): boolean {
  if ('node' in predicate) return graph.nodes.some((n) => matches(n, predicate.node));
  if ('path' in predicate) return hasPath(graph, predicate.path.from, predicate.path.to, predicate.path.via);
  if ('count' in predicate) return compare(graph.nodes.filter((n) => matches(n, predicate.count.node)).length, predicate.count.op, predicate.count.value);
  if ('prop' in predicate) {
    const { node, key, op, value } = predicate.prop;
    const selected = graph.nodes.filter((n) => matches(n, node));
    return selected.length > 0 && selected.every((n) => compare(readProp(effectiveProps(n), key), op, value));
  }
  if ('anyOf' in predicate) return predicate.anyOf.some((p) => holds(graph, p));
  if ('allOf' in predicate) return predicate.allOf.every((p) => holds(graph, p));
  return !holds(graph, predicate.not);
}

export interface StructureOutcome {
  passed: boolean;
  /** The count, for a top-level count predicate; otherwise whether `require` held. */
  measured: number | boolean | null;
  /** "count >= 2" for a top-level count; null otherwise. */
  bound: string | null;
}

export function evaluateStructure(graph: Graph, check: StructureCheck): StructureOutcome {
  const required = check.require === undefined || holds(graph, check.require);
  const forbidden = check.forbid !== undefined && holds(graph, check.forbid);
  const top = check.require ?? check.forbid;
  if (top !== undefined && 'count' in top) {
    const count = graph.nodes.filter((n) => matches(n, top.count.node)).length;
    const bound = `${check.require ? '' : 'not '}count ${formatBound(top.count.op, top.count.value)}`;
    return { passed: required && !forbidden, measured: count, bound };
  }
  return { passed: required && !forbidden, measured: null, bound: null };
}
