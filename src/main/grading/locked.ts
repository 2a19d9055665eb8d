/**
 * Locked nodes are part of the exercise, not of the answer: the editor lets no one delete or edit
 * them, but a submission is a JSON file anyone can edit, and a design that turned the users' request
 * rate down to zero would pass every error check. Grading puts each locked node's kind and props
 * back to the starter's before simulating (a deleted one comes back), and says so.
 */
import type { Graph } from '../../shared/graph';

export interface Enforced {
  /** The graph that is graded. */
  graph: Graph;
  /** One sentence per change grading made or could not make. */
  notes: string[];
}

/** Deterministic comparison of plain JSON values (props come from parsed JSON). */
const same = (a: unknown, b: unknown): boolean => JSON.stringify(a) === JSON.stringify(b);

export function enforceLocked(graph: Graph, starter: Graph, locked: readonly string[]): Enforced {
  const notes: string[] = [];
  let nodes = graph.nodes;
  for (const id of locked) {
    const original = starter.nodes.find((n) => n.id === id);
    if (!original) continue;
    const current = nodes.find((n) => n.id === id);
    if (!current) {
      // Put it back where the starter had it; without its edges it still makes the same traffic if it is a client.
      nodes = [...nodes, original];
      notes.push(`Locked node "${id}" was missing; graded with the lesson's "${id}" restored.`);
      continue;
    }
    if (current.kind !== original.kind || !same(current.props, original.props)) {
      nodes = nodes.map((n) => (n.id === id ? { ...n, kind: original.kind, props: original.props } : n));
      notes.push(`Locked node "${id}" was changed; graded with the lesson's settings for it.`);
    }
  }
  return { graph: nodes === graph.nodes ? graph : { ...graph, nodes }, notes };
}
